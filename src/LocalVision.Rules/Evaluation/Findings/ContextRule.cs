using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// A CMO rule run from its definition: it fires for an initiative when every term of its context holds, read
/// three-valued by <see cref="RuleContext"/>, and yields a finding citing the conditions it matched. Every rule of the
/// table whose context is a conjunction of conditions is one of these; each rule class only supplies its definition
/// (and a subject, for rules that fire once per subject).
/// </summary>
[Priority(RulePriorities.Find)]
public abstract class ContextRule(CmoRuleDefinition definition, string subject = "") : Rule
{
    public override void Define()
    {
        var rule = definition;
        var variant = rule.Variant(subject);
        var codes = rule.CodesRead(variant);
        InitiativeFact initiative = default!;
        IEnumerable<Condition> conditions = default!;

        When()
            .Match(() => initiative)
            .Query(() => conditions, q => q.Match<Condition>(c => c.Initiative == initiative.Name, c => codes.Contains(c.Code)).Collect())
            .Having(() => RuleContext.Of(variant.Context, conditions).Holds);

        Then()
            .Yield(_ => Finding.Of(rule, variant, initiative, conditions));
    }
}
