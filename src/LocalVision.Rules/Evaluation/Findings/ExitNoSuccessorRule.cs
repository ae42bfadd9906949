using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>EXIT_NO_SUCCESSOR: the Enabler has left or leaves soon and no local successor carries the work on (§7.4.2).</summary>
[Name(RuleIds.ExitNoSuccessor)]
public sealed class ExitNoSuccessorRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.ExitNoSuccessor,
        "Enabler exit without a local successor: momentum may be lost",
        Polarity.Risk,
        ["7.4.2"],
        [ContextTerm.Present(DerivedCodes.EnablerExit), ContextTerm.Absent(Codes.LocalSuccessor)],
        null,
        Codes.MomentumAfterExit,
        1,
        "Unhedged: \"a number of projects lost momentum once the Enabler left\" (§7.4.2).",
        "the Enabler's engagement ends [{ENABLER_EXIT}] and no local successor carries the work on [{LOCAL_SUCCESSOR}], so momentum may be lost after the exit")
    {
        Parameters = [nameof(EvaluationOptions.ExitWindowDays)],
    };
}
