using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>STRATEGIC_NO_METRICS: strategic work without outcome metrics gives slow, hard-to-attribute outcomes (§7.1.2, §7.4.4).</summary>
[Name(RuleIds.StrategicNoMetrics)]
[Priority(RulePriorities.Find)]
public sealed class StrategicNoMetricsRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition strategic = default!;
        Condition metrics = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => strategic, c => c.Initiative == initiative.Name, c => c.Code == Codes.LevelStrategic,
                c => settings.Options.IsPresent(c.Score))
            .Match(() => metrics, c => c.Initiative == initiative.Name, c => c.Code == Codes.OutcomeMetrics,
                c => settings.Options.IsAbsent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.StrategicNoMetrics, initiative,
                "the work is strategic [" + strategic.Describe() + "] without baseline and outcome metrics [" + metrics.Describe()
                + "], so outcomes will be slow and hard to attribute",
                new[] { strategic, metrics }, null, null, null));
    }
}
