using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PUBLIC_HEALTH_EXPERIMENT: a project public health owned gave it room to experiment, and credibility (§7.2.2).</summary>
[Name(RuleIds.PublicHealthExperiment)]
public sealed class PublicHealthExperimentRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.PublicHealthExperiment,
        "Owned by public health: room to experiment, credibility",
        Polarity.Ingredient,
        ["7.2.2"],
        [ContextTerm.Present(Codes.OwnerPublicHealth)],
        Codes.PermissionToExperiment,
        Codes.NewWaysOfWorking,
        0.5,
        "Half: the report hedges: Local Vision \"gave an opportunity for Public Health to experiment with new ways of working and may have added credibility and legitimacy to their role\" (§7.2.2).",
        "public health owned the project [{OWNER_PUBLIC_HEALTH}], which gave it room to experiment with new ways of working");
}
