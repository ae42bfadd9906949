using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Outlook;

/// <summary>MOMENTUM_OUTLOOK: a rule over the findings of the CMO rules, so the outlook changes whenever a finding does.</summary>
[Name(RuleIds.MomentumOutlook)]
[Priority(RulePriorities.Outlook)]
public sealed class MomentumOutlookRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<Finding> findings = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Query(() => findings, q => q.Match<Finding>(f => f.Initiative == initiative.Name).Collect());

        Then()
            .Yield(_ => MomentumOutlook.From(initiative.Name, findings, settings.Options));
    }
}
