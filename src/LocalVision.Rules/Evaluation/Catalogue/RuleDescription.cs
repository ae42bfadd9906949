using LocalVision.Rules.Evaluation.Conditions;

namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>What a CMO finding means for a project (docs/domain.md's polarity).</summary>
public enum Polarity
{
    /// <summary>A context that helped (§7).</summary>
    Ingredient,

    /// <summary>A context that is likely to hinder.</summary>
    Risk,

    /// <summary>A qualification of how to read the evidence; shown beside the outlook, never scored.</summary>
    Caution,
}

/// <summary>What a rule does in the chain.</summary>
public enum RuleKind
{
    /// <summary>Inserts derived facts that other rules match.</summary>
    Derivation,

    /// <summary>A context–mechanism–outcome rule of §7: gives a finding.</summary>
    Cmo,

    /// <summary>Reads the findings and gives the momentum outlook.</summary>
    Outlook,
}

/// <summary>A threshold a rule uses, with the value in force.</summary>
public sealed record RuleParameter(string Name, string Value, string Description);

/// <summary>One rule as <c>ListRules</c> shows it.</summary>
/// <param name="Id">Stable id, e.g. SENIOR_EARLY.</param>
/// <param name="Polarity">For CMO rules; null for derivation and outlook rules.</param>
/// <param name="ReportSection">The sections joined, e.g. <c>7.1.2, 7.4.4</c>.</param>
/// <param name="ContextCodes">The codes the rule matches (derivation rules: the codes they derive).</param>
/// <param name="Mechanism">The mechanism code the rule expects, if any.</param>
/// <param name="Outcome">The outcome code the rule bears on, if any.</param>
/// <param name="Condition">Exactly when it fires, in words.</param>
/// <param name="Weight">CMO rules: the weight in force (0 for cautions, which are never scored).</param>
/// <param name="WeightReason">CMO rules: the report's wording behind the weight.</param>
/// <param name="Context">CMO rules: the three-valued terms of the context (of every subject, for rules with subjects).</param>
/// <param name="Subjects">CMO rules that fire once per subject: the subjects.</param>
public sealed record RuleDescription(
    string Id,
    RuleKind Kind,
    string Title,
    Polarity? Polarity,
    string ReportSection,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> ContextCodes,
    string? Mechanism,
    string? Outcome,
    string Condition,
    IReadOnlyList<RuleParameter> Parameters,
    double? Weight = null,
    string? WeightReason = null,
    RuleStatus? Status = null,
    IReadOnlyList<ContextTerm>? Context = null,
    IReadOnlyList<string>? Subjects = null);
