using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>STRATEGIC_NO_METRICS: strategic work without outcome metrics gives slow, hard-to-attribute outcomes (§7.1.2, §7.4.4).</summary>
[Name(RuleIds.StrategicNoMetrics)]
public sealed class StrategicNoMetricsRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.StrategicNoMetrics,
        "Strategic level without outcome metrics: slow, hard-to-attribute outcomes",
        Polarity.Caution,
        ["7.1.2", "7.4.4"],
        [ContextTerm.Present(Codes.LevelStrategic), ContextTerm.Absent(Codes.OutcomeMetrics)],
        null,
        Codes.InfluencingStrategy,
        0,
        "A caution, never scored: high-level interventions \"are likely to take longer to generate outcomes ... and are difficult to distinguish from related and emerging initiatives\" (§7.1.2), which says how to read their outcomes.",
        "the work is strategic [{LEVEL_STRATEGIC}] without baseline and outcome metrics [{OUTCOME_METRICS}], so its outcomes will be slow and hard to attribute");
}
