using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PLACE_BASED_FIT: a complementary place-based programme alongside is a good fit (§7.2.1).</summary>
[Name(RuleIds.PlaceBasedFit)]
[Priority(RulePriorities.Find)]
public sealed class PlaceBasedFitRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition placeBased = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => placeBased, c => c.Initiative == initiative.Name, c => c.Code == Codes.AlignedPlaceBased,
                c => settings.Options.IsPresent(c.Score), c => !Presence.AnyDistracts(c));

        Then()
            .Yield(_ => Finding.Of(RuleIds.PlaceBasedFit, initiative,
                "the project ran beside a complementary place-based programme [" + placeBased.Describe() + "], a platform for funding and systems working",
                new[] { placeBased }, null, null, null));
    }
}
