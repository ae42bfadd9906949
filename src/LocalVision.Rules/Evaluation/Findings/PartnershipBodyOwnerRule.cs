using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PARTNERSHIP_BODY_OWNER: a project led by a partnership body spans boundaries but is exposed to restructuring (§7.2.2).</summary>
[Name(RuleIds.PartnershipBodyOwner)]
public sealed class PartnershipBodyOwnerRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.PartnershipBodyOwner,
        "Led by a partnership body: exposed to restructuring",
        Polarity.Caution,
        ["7.2.2"],
        [ContextTerm.Present(Codes.OwnerPartnershipBody)],
        null,
        Codes.MomentumAfterExit,
        0,
        "A caution, never scored: a partnership-body lead \"supported partnership working and boundary spanning but ... may carry risks given the potential of government policy and restructuring\" (§7.2.2).",
        "a partnership body leads the project [{OWNER_PARTNERSHIP_BODY}], which spans boundaries but is exposed to policy change and restructuring")
    {
        Note = "A partnership body is an HWBB or CCG lead partner, or a board the coding marks as one with OWNER_PARTNERSHIP_BODY.",
    };
}
