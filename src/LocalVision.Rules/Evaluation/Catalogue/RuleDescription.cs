namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>What a CMO finding means for a project (DOMAIN.md's polarity).</summary>
public enum Polarity
{
    /// <summary>A context that helped (§7).</summary>
    Ingredient,

    /// <summary>A context that is likely to hinder.</summary>
    Risk,

    /// <summary>A context that may hinder, or a result to read with care.</summary>
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
/// <param name="ContextCodes">The catalogue codes the rule matches (derivation rules: the codes they derive).</param>
/// <param name="Mechanism">The mechanism code the rule expects, if any.</param>
/// <param name="Outcome">The outcome code the rule bears on, if any.</param>
/// <param name="Condition">Exactly when it fires, in words.</param>
public sealed record RuleDescription(
    string Id,
    RuleKind Kind,
    string Title,
    Polarity? Polarity,
    string ReportSection,
    IReadOnlyList<string> ContextCodes,
    string? Mechanism,
    string? Outcome,
    string Condition,
    IReadOnlyList<RuleParameter> Parameters);
