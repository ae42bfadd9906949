namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>A rule that could not be assessed in some cases because a condition is unknown: in which cases, and what would settle it.</summary>
/// <param name="Rule">The rule's id, with its subject in brackets when it fires once per subject.</param>
/// <param name="SettledBy">The codes whose observation would settle it, or how the engine derives it.</param>
public sealed record NotAssessedRule(string Rule, string Title, string Sections, string SettledBy, IReadOnlyList<string> Cases);
