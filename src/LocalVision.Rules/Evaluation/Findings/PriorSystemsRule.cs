using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>PRIOR_SYSTEMS: partners who had worked systemically before get a project going quickly (§7.1.3).</summary>
[Name(RuleIds.PriorSystems)]
public sealed class PriorSystemsRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.PriorSystems,
        "Prior experience of systems working: a quick start",
        Polarity.Ingredient,
        ["7.1.3"],
        [ContextTerm.Present(Codes.PriorSystemsWork)],
        Codes.TrustBuilding,
        Codes.WorkingCollaboratively,
        1,
        "Unhedged: \"these relationships proved very valuable in getting projects up and running quickly\" (§7.1.3).",
        "partners had worked systemically before [{PRIOR_SYSTEMS_WORK}], which gets a project up and running quickly");
}
