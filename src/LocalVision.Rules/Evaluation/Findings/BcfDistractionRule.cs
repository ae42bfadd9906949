using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>BCF_DISTRACTION: the Better Care Fund's reporting load may distract from the project's aims (§7.2.1).</summary>
[Name(RuleIds.BcfDistraction)]
public sealed class BcfDistractionRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.BcfDistraction,
        "Aligned with the Better Care Fund: its reporting load may distract",
        Polarity.Caution,
        ["7.2.1"],
        [new ContextTerm(Codes.AlignedBcf, Expectation.Present, EffectsAnyOf: ["DISTRACTS", "MIXED"])],
        null,
        Codes.Momentum,
        0,
        "A caution, never scored: the fund \"was also reported to distract from project aims on occasion\", and \"in some cases BCF was also beneficial\" (§7.2.1).",
        "the project ran beside the Better Care Fund [{ALIGNED_BCF}], whose deadlines and reporting may draw capacity from its aims")
    {
        Parameters = [nameof(EvaluationOptions.BetterCareFundNames)],
        Note = "Where the fund is recorded only as COMPLEMENTS the caution does not apply; where no effect is recorded it is not assessed.",
    };
}
