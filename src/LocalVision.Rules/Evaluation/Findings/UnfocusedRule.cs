using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>UNFOCUSED: without a distinct focus, impact is hard to identify (§7.1.1).</summary>
[Name(RuleIds.Unfocused)]
[Priority(RulePriorities.Find)]
public sealed class UnfocusedRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition focus = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => focus, c => c.Initiative == initiative.Name, c => c.Code == Codes.FocusedProblem,
                c => settings.Options.IsAbsent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.Unfocused, initiative,
                "the project lacked a distinct focus [" + focus.Describe() + "], so its impact will be hard to identify",
                new[] { focus }, null, null, null));
    }
}
