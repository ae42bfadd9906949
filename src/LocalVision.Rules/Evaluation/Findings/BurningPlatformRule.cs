using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>BURNING_PLATFORM: a recognised imperative that several partners share builds partnership (§7.1.4).</summary>
[Name(RuleIds.BurningPlatform)]
[Priority(RulePriorities.Find)]
public sealed class BurningPlatformRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition platform = default!;
        IEnumerable<Partnership> partners = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => platform, c => c.Initiative == initiative.Name, c => c.Code == Codes.BurningPlatform,
                c => settings.Options.IsPresent(c.Score))
            .Query(() => partners, q => q.Match<Partnership>(p => p.Initiative == initiative.Name).Collect())
            .Having(() => Presence.DistinctPartners(partners) >= settings.Options.SeveralPartners);

        Then()
            .Yield(_ => Finding.Of(RuleIds.BurningPlatform, initiative,
                "a recognised imperative [" + platform.Describe() + "] is shared by " + Presence.DistinctPartners(partners)
                + " partners, which helps build partnership and shared leadership",
                new[] { platform },
                new[] { new DerivedFact("PARTNERS", Presence.DistinctPartners(partners),
                    Presence.DistinctPartners(partners) + " partners are PARTNER_IN the initiative",
                    partners.Select(p => p.Partner).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList()) },
                null, null));
    }
}
