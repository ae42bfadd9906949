using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>NO_MOU: without a memorandum of understanding there is no shared yardstick (§7.3.3).</summary>
[Name(RuleIds.NoMou)]
public sealed class NoMouRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.NoMou,
        "No memorandum of understanding: no shared yardstick",
        Polarity.Risk,
        ["7.3.3"],
        [ContextTerm.Absent(Codes.MouAgreed)],
        null,
        Codes.Momentum,
        0.5,
        "Half: the report names no project harmed by lacking one; the risk is the converse of \"a useful yardstick against which to monitor project outcomes\" (§7.3.3).",
        "no memorandum of understanding was agreed [{MOU_AGREED}], so partners lack a shared yardstick for outcomes");
}
