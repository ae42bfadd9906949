using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PRIOR_TIE: a stakeholder knew the Enabler before the start, which helps a quick start (§7.1.3).</summary>
[Name(RuleIds.PriorTie)]
[Priority(RulePriorities.Find)]
public sealed class PriorTieRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition tie = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => tie, c => c.Initiative == initiative.Name, c => c.Code == Codes.PriorEnablerTie,
                c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.PriorTie, initiative,
                "a stakeholder already knew the Enabler [" + tie.Describe() + "], which opens doors and speeds the start",
                new[] { tie }, null, null, null));
    }
}
