using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Who owns the project follows from the kind of its LEAD partner (§7.2.2).</summary>
[Name(RuleIds.DeriveOwnership)]
[Priority(RulePriorities.Derive)]
public sealed class OwnershipRule : Rule
{
    public override void Define()
    {
        Partnership lead = default!;

        When()
            .Match(() => lead, p => p.Role == "LEAD", p => OwnerCode(p.Kind) != null);

        Then()
            .Yield(_ => Derive(lead));
    }

    /// <summary>The OWNER_* code a lead partner's kind implies, or null for kinds that imply none.</summary>
    public static string? OwnerCode(string? kind) => kind switch
    {
        "PUBLIC_HEALTH" => Codes.OwnerPublicHealth,
        "HWBB" or "CCG" => Codes.OwnerPartnershipBody,
        "LOCAL_AUTHORITY" => Codes.OwnerLocalAuthority,
        "NHS_PROVIDER" => Codes.OwnerHealth,
        "VOLUNTARY" or "COMMUNITY" => Codes.OwnerVoluntary,
        _ => null,
    };

    internal static CodeValue Derive(Partnership lead) =>
        CodeValue.Derived(lead.Initiative, OwnerCode(lead.Kind)!, 1,
            $"the LEAD partner {lead.DisplayName} ({lead.Partner}) is of kind {lead.Kind}", [lead.Partner]);
}
