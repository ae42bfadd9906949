using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>EXIT_HANDOVER: the exit was planned and a local successor takes over (§7.4.2).</summary>
[Name(RuleIds.ExitHandover)]
[Priority(RulePriorities.Find)]
public sealed class ExitHandoverRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition planned = default!;
        Condition successor = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => planned, c => c.Initiative == initiative.Name, c => c.Code == Codes.ExitPlanned,
                c => settings.Options.IsPresent(c.Score))
            .Match(() => successor, c => c.Initiative == initiative.Name, c => c.Code == Codes.LocalSuccessor,
                c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.ExitHandover, initiative,
                "the Enabler planned the exit [" + planned.Describe() + "] and someone local carries systems leadership on ["
                + successor.Describe() + "], a sustainable handover",
                new[] { planned, successor }, null, null, null));
    }
}
