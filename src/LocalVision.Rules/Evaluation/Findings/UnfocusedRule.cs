using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>UNFOCUSED: without a distinct focus, impact is hard to identify (§7.1.1).</summary>
[Name(RuleIds.Unfocused)]
public sealed class UnfocusedRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.Unfocused,
        "No distinct focus: impact hard to identify",
        Polarity.Risk,
        ["7.1.1"],
        [ContextTerm.Absent(Codes.FocusedProblem)],
        null,
        Codes.Momentum,
        0.5,
        "Half: the report's example says the lack of focus made it \"difficult to identify the impact\" and puts it down to \"how we have approached it rather than the project itself\" (§7.1.1), a hindrance to seeing progress more than to making it.",
        "the project lacked a distinct focus [{FOCUSED_PROBLEM}], so its impact will be hard to identify");
}
