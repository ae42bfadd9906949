using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PARTNERSHIP_BODY_OWNER: a project led by an HWBB or CCG is exposed to policy change and restructuring (§7.2.2).</summary>
[Name(RuleIds.PartnershipBodyOwner)]
[Priority(RulePriorities.Find)]
public sealed class PartnershipBodyOwnerRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition owner = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => owner, c => c.Initiative == initiative.Name, c => c.Code == Codes.OwnerPartnershipBody,
                c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.PartnershipBodyOwner, initiative,
                "the project is led by a partnership body [" + owner.Describe() + "], which spans boundaries but is exposed to restructuring",
                new[] { owner }, null, null, null));
    }
}
