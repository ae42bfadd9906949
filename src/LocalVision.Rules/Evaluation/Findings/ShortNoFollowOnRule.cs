using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// SHORT_NO_FOLLOW_ON: a project of at most the short funded length with no follow-on (§7.3.5, §6). Follow-on funding
/// is recorded as FOLLOWED_BY, so here no record is read as none.
/// </summary>
[Name(RuleIds.ShortNoFollowOn)]
[Priority(RulePriorities.Find)]
public sealed class ShortNoFollowOnRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<Condition> followOns = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative, i => settings.Options.IsShortFunded(i))
            .Query(() => followOns, q => q.Match<Condition>(c => c.Initiative == initiative.Name, c => c.Code == Codes.FollowOnFunding).Collect())
            .Having(() => !followOns.Any(c => settings.Options.IsPresent(c.Score)));

        Then()
            .Yield(_ => Finding.Of(RuleIds.ShortNoFollowOn, initiative,
                "the project ran only from " + initiative.Start!.Value.ToString("yyyy-MM-dd") + " to " + initiative.End!.Value.ToString("yyyy-MM-dd")
                + " and no follow-on funding is recorded"
                + (followOns.Any() ? " [" + string.Join("; ", followOns.Select(c => c.Describe())) + "]" : " (no FOLLOWED_BY, no FOLLOW_ON_FUNDING observation)"),
                followOns, null, null, null));
    }
}
