using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>TIME_PRESSURE: too little time; momentum arrives as funding ends (§7.3.5).</summary>
[Name(RuleIds.TimePressure)]
public sealed class TimePressureRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.TimePressure,
        "Too little time: momentum arrives as funding ends",
        Polarity.Risk,
        ["7.3.5"],
        [ContextTerm.Absent(Codes.AdequateTime)],
        null,
        Codes.Momentum,
        1,
        "Unhedged: \"the speed of expectations are unrealistic\", and where time was short \"the Local Vision funding came to an end just as momentum was beginning to be created\" (§7.3.5, §7.2.4).",
        "the lead time and length of engagement were judged too short [{ADEQUATE_TIME}], so momentum may arrive as the funding ends");
}
