using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>NO_SUPPORT: no dedicated support, or only partly, puts administrative capacity at risk (§7.2.3); a change of lead is cited with it.</summary>
[Name(RuleIds.NoSupport)]
public sealed class NoSupportRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.NoSupport,
        "No, or only partial, dedicated support: administrative capacity at risk",
        Polarity.Risk,
        ["7.2.3"],
        [new ContextTerm(Codes.DedicatedSupport, Expectation.AbsentOrPartly)],
        null,
        Codes.Momentum,
        1,
        "Unhedged: Gloucestershire's partial support left an \"admin-heavy project\", and in Suffolk, with no dedicated lead or admin time, \"the project lead changed as project not delivering outputs\" (§7.2.3).",
        "dedicated project and administrative support was lacking or partial [{DEDICATED_SUPPORT}], which puts administrative capacity at risk")
    {
        AlsoCites = [DerivedCodes.ProjectLeadChanged],
        Note = "Partial support (0.5) counts on evidence, as DOMAIN.md's table reads the report's own example, Gloucestershire.",
    };
}
