using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>SENIOR_LATE: no early senior engagement in a short project; momentum arrives as funding ends (§7.2.4).</summary>
[Name(RuleIds.SeniorLate)]
[Priority(RulePriorities.Find)]
public sealed class SeniorLateRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition senior = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative, i => settings.Options.IsShortFunded(i))
            .Match(() => senior, c => c.Initiative == initiative.Name, c => c.Code == Codes.SeniorEngagementEarly,
                c => settings.Options.IsAbsent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.SeniorLate, initiative,
                "senior leaders were not engaged from the outset [" + senior.Describe() + "] and the project ran only from "
                + initiative.Start!.Value.ToString("yyyy-MM-dd") + " to " + initiative.End!.Value.ToString("yyyy-MM-dd")
                + ", so momentum is likely to arrive as the funding ends",
                new[] { senior }, null, null, null));
    }
}
