using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>ENABLER_MATCHED: a credible, carefully matched Enabler holds up a mirror (§7.3.1). No rule scores the Enabler's mode.</summary>
[Name(RuleIds.EnablerMatched)]
public sealed class EnablerMatchedRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.EnablerMatched,
        "A credible, carefully matched Enabler: a mirror held up",
        Polarity.Ingredient,
        ["7.3.1"],
        [ContextTerm.Present(Codes.EnablerMatched)],
        Codes.HoldingUpTheMirror,
        Codes.ThinkingSystemically,
        1,
        "Unhedged: \"a key point however, is the importance of carefully matching Enablers to localities\" (§7.3.1).",
        "the Enabler was credible and well matched to the locality [{ENABLER_MATCHED}], able to hold up a mirror to the partners")
    {
        Note = "The Enabler's mode (SOLE, PAIR, LEAD, JOINED, REPLACED) is not scored: \"there is insufficient evidence to suggest which of these modes of working is most effective\" (§7.3.1).",
    };
}
