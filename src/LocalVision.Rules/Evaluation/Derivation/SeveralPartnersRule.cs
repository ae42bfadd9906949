using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// A range of partners (§7.1.4): present when enough are recorded. Fewer recorded is unknown, not absent: the partners
/// in the graph are those the report mentions, not a census.
/// </summary>
[Name(RuleIds.DerivePartners)]
[Priority(RulePriorities.Derive)]
public sealed class SeveralPartnersRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DerivePartners, "A range of partners", "7.1.4", [DerivedCodes.SeveralPartners],
        "SEVERAL_PARTNERS = 1 when at least SeveralPartners distinct partners are PARTNER_IN the initiative by the evaluation date; fewer leaves it unknown.")
    {
        Parameters = [nameof(EvaluationOptions.SeveralPartners)],
    };

    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<Partnership> partners = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Query(() => partners, q => q.Match<Partnership>(p => p.Initiative == initiative.Name).Collect())
            .Having(() => partners.Select(p => p.Partner).Distinct().Count() >= settings.Options.SeveralPartners);

        Then()
            .Yield(_ => Derive(initiative, partners.ToList(), settings.Options.SeveralPartners));
    }

    private static CodeValue Derive(InitiativeFact initiative, IReadOnlyList<Partnership> partners, int several)
    {
        var names = partners.Select(p => p.Partner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return CodeValue.Derived(initiative.Name, DerivedCodes.SeveralPartners, 1, $"{names.Count} partners are PARTNER_IN the initiative", names,
            illustrative: partners.Where(p => !p.Illustrative).Select(p => p.Partner).Distinct().Count() < several);
    }
}
