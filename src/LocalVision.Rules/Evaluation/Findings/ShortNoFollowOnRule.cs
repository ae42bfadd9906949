using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>SHORT_NO_FOLLOW_ON: a short project that has ended with no follow-on funding, on evidence (§7.3.5).</summary>
[Name(RuleIds.ShortNoFollowOn)]
public sealed class ShortNoFollowOnRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.ShortNoFollowOn,
        "A short project, ended, with no follow-on",
        Polarity.Risk,
        ["7.3.5"],
        [ContextTerm.Present(DerivedCodes.ShortFunded), ContextTerm.Present(DerivedCodes.Ended), ContextTerm.Absent(Codes.FollowOnFunding)],
        null,
        Codes.ScaledUp,
        1,
        "Unhedged: follow-on funding \"in most cases ... would appear to be essential in order to achieve their aims and objectives\" (§7.3.5).",
        "the project was short [{SHORT_FUNDED}], has ended [{ENDED}] and got no follow-on funding [{FOLLOW_ON_FUNDING}]")
    {
        Parameters = [nameof(EvaluationOptions.ShortFundingMonths)],
        Note = "No follow-on recorded is unknown, not none: the rule needs FOLLOW_ON_FUNDING coded absent.",
    };
}
