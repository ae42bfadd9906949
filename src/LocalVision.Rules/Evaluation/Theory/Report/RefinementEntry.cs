namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>
/// One refinement of the theory: the version it made, who made it, when and why, and the rules it added, changed and
/// removed, found by comparing the rule definitions of this version with those of the one before (not from the note).
/// </summary>
/// <param name="CreateTime">When the version was stored; null when the store never recorded it.</param>
public sealed record RefinementEntry(
    string Version,
    string Author,
    DateTimeOffset? CreateTime,
    string Note,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed)
{
    /// <summary>Whether this refinement touched the rule (added, changed or removed it).</summary>
    public bool Touches(string ruleId) => Added.Contains(ruleId) || Changed.Contains(ruleId) || Removed.Contains(ruleId);
}
