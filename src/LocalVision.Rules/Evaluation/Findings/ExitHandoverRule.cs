using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>EXIT_HANDOVER: the exit was planned and a local successor takes over (§7.4.2).</summary>
[Name(RuleIds.ExitHandover)]
public sealed class ExitHandoverRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.ExitHandover,
        "Exit planned with a local successor: a sustainable handover",
        Polarity.Ingredient,
        ["7.4.2"],
        [ContextTerm.Present(Codes.ExitPlanned), ContextTerm.Present(Codes.LocalSuccessor)],
        Codes.RoleModelling,
        Codes.MomentumAfterExit,
        1,
        "Unhedged: Enablers \"reported that their exit was made easier where there were people in the locality, with an ability and remit for systems leadership\" (§7.4.2).",
        "the Enabler planned the exit [{EXIT_PLANNED}] and someone local carries systems leadership on [{LOCAL_SUCCESSOR}], a sustainable handover");
}
