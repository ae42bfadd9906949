using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>SENIOR_EARLY: senior leaders engaged from the outset, so momentum can build early (§7.2.4).</summary>
[Name(RuleIds.SeniorEarly)]
[Priority(RulePriorities.Find)]
public sealed class SeniorEarlyRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition senior = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => senior, c => c.Initiative == initiative.Name, c => c.Code == Codes.SeniorEngagementEarly,
                c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.SeniorEarly, initiative,
                "senior organisational leaders were involved from the outset [" + senior.Describe() + "], so momentum can build early",
                new[] { senior }, null, null, null));
    }
}
