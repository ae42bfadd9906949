using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>A project lead who left and another who started on or after that day make a change of lead (§7.2.3).</summary>
[Name(RuleIds.DeriveProjectLeadChange)]
[Priority(RulePriorities.Derive)]
public sealed class ProjectLeadChangeRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveProjectLeadChange, "Change of project lead", "7.2.3", [DerivedCodes.ProjectLeadChanged],
        "Two PROJECT_LEAD people where one's WORKS_FOR ends (`to`) and the other's starts (`from`) on or after that day give PROJECT_LEAD_CHANGED = 1, one value per change. No change recorded leaves it unknown.");

    public override void Define()
    {
        PersonRole outgoing = default!;
        PersonRole incoming = default!;

        When()
            .Match(() => outgoing, p => p.Role == "PROJECT_LEAD", p => p.To != null)
            .Match(() => incoming, p => p.Initiative == outgoing.Initiative, p => p.Role == "PROJECT_LEAD",
                p => p.Person != outgoing.Person, p => p.From != null && p.From >= outgoing.To);

        Then()
            .Yield(_ => Derive(outgoing, incoming));
    }

    private static CodeValue Derive(PersonRole outgoing, PersonRole incoming) =>
        CodeValue.Derived(outgoing.Initiative, DerivedCodes.ProjectLeadChanged, 1,
            $"the project lead changed: {outgoing.DisplayName} ({outgoing.Person}) worked for {outgoing.Partner} until {outgoing.To:yyyy-MM-dd}, "
            + $"{incoming.DisplayName} ({incoming.Person}) from {incoming.From:yyyy-MM-dd}",
            [outgoing.Person, incoming.Person], illustrative: outgoing.Illustrative || incoming.Illustrative);
}
