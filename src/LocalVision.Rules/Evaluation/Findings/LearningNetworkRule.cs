using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>LEARNING_NETWORK: the King's Fund learning-network days complement the Enabler's work (§7.3.4).</summary>
[Name(RuleIds.LearningNetwork)]
public sealed class LearningNetworkRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.LearningNetwork,
        "Took part in the learning network: a useful complement",
        Polarity.Ingredient,
        ["7.3.4"],
        [ContextTerm.Present(Codes.LearningNetwork)],
        null,
        Codes.ThinkingSystemically,
        0.5,
        "Half: the report calls the days \"a useful complement in some cases\" (§7.3.4).",
        "partners took part in the learning-network days [{LEARNING_NETWORK}], a useful complement to the Enabler's work");
}
