using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Follow-on funding follows from a FOLLOWED_BY to a successor that has started (§7.3.5).</summary>
[Name(RuleIds.DeriveFollowOn)]
[Priority(RulePriorities.Derive)]
public sealed class FollowOnRule : Rule
{
    public override void Define()
    {
        FollowOn followOn = default!;

        When()
            .Match(() => followOn);

        Then()
            .Yield(_ => CodeValue.Derived(followOn.Initiative, Codes.FollowOnFunding, 1,
                "FOLLOWED_BY " + followOn.DisplayName + " (" + followOn.Successor + ")", new[] { followOn.Successor }, null));
    }
}
