using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>SENIOR_LATE: no early senior engagement in a short project; momentum arrives as funding ends (§7.2.4).</summary>
[Name(RuleIds.SeniorLate)]
public sealed class SeniorLateRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.SeniorLate,
        "Senior engagement came late in a short project: momentum arrives as funding ends",
        Polarity.Risk,
        ["7.2.4"],
        [ContextTerm.Absent(Codes.SeniorEngagementEarly), ContextTerm.Present(DerivedCodes.ShortFunded)],
        null,
        Codes.Momentum,
        1,
        "Unhedged: where senior support was not there from the outset, \"the Local Vision funding came to an end just as momentum was beginning to be created\" (§7.2.4).",
        "senior leaders were not engaged from the outset [{SENIOR_ENGAGEMENT_EARLY}] in a short project [{SHORT_FUNDED}], so momentum is likely to arrive as the funding ends")
    {
        Parameters = [nameof(EvaluationOptions.ShortFundingMonths)],
    };
}
