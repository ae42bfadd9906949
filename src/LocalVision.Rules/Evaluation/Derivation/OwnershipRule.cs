using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// Who owns the project follows from the kind of its LEAD partner (§7.2.2). Presence only: a council lead does not show
/// that public health did not own the work, since public health moved into councils during the programme (§7.2.2).
/// </summary>
[Name(RuleIds.DeriveOwnership)]
[Priority(RulePriorities.Derive)]
public sealed class OwnershipRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveOwnership, "Ownership from the lead partner", "7.2.2",
        [Codes.OwnerPublicHealth, Codes.OwnerPartnershipBody, Codes.OwnerLocalAuthority, Codes.OwnerHealth, Codes.OwnerVoluntary],
        "Each LEAD partner (PARTNER_IN role LEAD) gives OWNER_* = 1 by its kind: PUBLIC_HEALTH → OWNER_PUBLIC_HEALTH; HWBB or CCG → OWNER_PARTNERSHIP_BODY; LOCAL_AUTHORITY → OWNER_LOCAL_AUTHORITY; NHS_PROVIDER → OWNER_HEALTH; VOLUNTARY or COMMUNITY → OWNER_VOLUNTARY. Other kinds give none, and no kind gives an absence: the other owner codes stay unknown unless coded.");

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
            $"the LEAD partner {lead.DisplayName} ({lead.Partner}) is of kind {lead.Kind}", [lead.Partner], illustrative: lead.Illustrative);
}
