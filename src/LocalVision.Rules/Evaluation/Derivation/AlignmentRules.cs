using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Running beside the Better Care Fund follows from an ALIGNED_WITH to it (§7.2.1).</summary>
[Name(RuleIds.DeriveAlignment + "/BCF")]
[Priority(RulePriorities.Derive)]
public sealed class BetterCareFundAlignmentRule : Rule
{
    public static DerivationDefinition Definition => Alignment.Definition;

    public override void Define()
    {
        EvaluationSettings settings = default!;
        ProgrammeAlignment alignment = default!;

        When()
            .Match(() => settings)
            .Match(() => alignment, a => settings.Options.IsBetterCareFund(a));

        Then()
            .Yield(_ => Alignment.Derive(alignment, Codes.AlignedBcf));
    }
}

/// <summary>Running beside a place-based programme follows from an ALIGNED_WITH to one (§7.2.1).</summary>
[Name(RuleIds.DeriveAlignment + "/PLACE_BASED")]
[Priority(RulePriorities.Derive)]
public sealed class PlaceBasedAlignmentRule : Rule
{
    public static DerivationDefinition Definition => Alignment.Definition;

    public override void Define()
    {
        EvaluationSettings settings = default!;
        ProgrammeAlignment alignment = default!;

        When()
            .Match(() => settings)
            .Match(() => alignment, a => settings.Options.IsPlaceBased(a));

        Then()
            .Yield(_ => Alignment.Derive(alignment, Codes.AlignedPlaceBased));
    }
}

internal static class Alignment
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveAlignment, "Alignment from ALIGNED_WITH", "7.2.1", [Codes.AlignedBcf, Codes.AlignedPlaceBased],
        "Each ALIGNED_WITH to a programme whose name, display name or `programme` property contains a Better Care Fund name gives ALIGNED_BCF = 1; otherwise one containing a place-based name gives ALIGNED_PLACE_BASED = 1. The edge's effect (COMPLEMENTS, DISTRACTS, MIXED) is carried with the value. No edge gives no value: not aligned is never inferred.")
    {
        Parameters = [nameof(EvaluationOptions.BetterCareFundNames), nameof(EvaluationOptions.PlaceBasedProgrammeNames)],
    };

    public static CodeValue Derive(ProgrammeAlignment alignment, string code) =>
        CodeValue.Derived(alignment.Initiative, code, 1,
            $"ALIGNED_WITH {alignment.DisplayName} ({alignment.Programme}), effect {alignment.Effect ?? "not recorded"}",
            [alignment.Programme], alignment.Effect, alignment.Illustrative);
}
