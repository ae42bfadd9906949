using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>A stakeholder knew the Enabler before the start when a KNOWN_TO tie predates it (§7.1.3).</summary>
[Name(RuleIds.DerivePriorEnablerTie)]
[Priority(RulePriorities.Derive)]
public sealed class PriorEnablerTieRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DerivePriorEnablerTie, "Prior tie to the Enabler", "7.1.3", [Codes.PriorEnablerTie],
        "A KNOWN_TO from an Enabler engaged on the initiative to one of its partners, or to a person working for one, with `since` before the initiative's start gives PRIOR_ENABLER_TIE = 1, citing the evidence the tie names. Ties without a since date, or without a project start, give nothing; ties marked illustrative count only when the caller includes illustrative data, and then say so.");

    public override void Define()
    {
        InitiativeFact initiative = default!;
        EnablerTie tie = default!;

        When()
            .Match(() => initiative, i => i.Start != null)
            .Match(() => tie, t => t.Initiative == initiative.Name, t => t.Since != null && t.Since < initiative.Start);

        Then()
            .Yield(_ => Derive(initiative, tie));
    }

    internal static CodeValue Derive(InitiativeFact initiative, EnablerTie tie) =>
        CodeValue.Derived(initiative.Name, Codes.PriorEnablerTie, 1,
            $"KNOWN_TO from {tie.Enabler} to {tie.Stakeholder} since {tie.Since:yyyy-MM-dd}, before the start on {initiative.Start:yyyy-MM-dd}",
            [tie.Enabler, tie.Stakeholder], illustrative: tie.Illustrative, evidence: tie.Evidence ?? []);
}
