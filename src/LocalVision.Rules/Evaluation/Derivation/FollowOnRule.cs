using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Follow-on funding follows from a FOLLOWED_BY to a successor that has started (§7.3.5).</summary>
[Name(RuleIds.DeriveFollowOn)]
[Priority(RulePriorities.Derive)]
public sealed class FollowOnRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveFollowOn, "Follow-on funding from FOLLOWED_BY", "7.3.5", [Codes.FollowOnFunding],
        "Each FOLLOWED_BY to a successor initiative that has started by the evaluation date (or has no start) gives FOLLOW_ON_FUNDING = 1. No FOLLOWED_BY gives no value: the report names only Plymouth's follow-on, so for the others it is unknown, not absent.");

    public override void Define()
    {
        FollowOn followOn = default!;

        When()
            .Match(() => followOn);

        Then()
            .Yield(_ => CodeValue.Derived(followOn.Initiative, Codes.FollowOnFunding, 1,
                "FOLLOWED_BY " + followOn.DisplayName + " (" + followOn.Successor + ")", new[] { followOn.Successor }, null, followOn.Illustrative));
    }
}
