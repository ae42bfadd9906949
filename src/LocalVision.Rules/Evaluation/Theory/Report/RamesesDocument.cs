namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>
/// The RAMESES II report as a document, before it is written: one part per reporting item a graph can fill. The
/// Markdown and HTML writers both render it, so the two formats cannot drift apart, and neither reads the other.
/// </summary>
/// <param name="Scope">The evidence scope in words, e.g. <c>as of 2015-09-01</c>.</param>
/// <param name="Initiative">The one case asked for, by name; null when the report covers every case the filter matched.</param>
/// <param name="Initial">The initial programme theory (version 1).</param>
/// <param name="Refined">The current version; the same as <paramref name="Initial"/> while the theory has not been refined.</param>
/// <param name="Refinements">The refinement log: one entry per version after the first, oldest first.</param>
/// <param name="Tests">The current theory's rules tested against the cases.</param>
/// <param name="Deviant">The cases whose outcome was not the one a rule expected, with the refinements made about each.</param>
/// <param name="Cases">Per case, the CMO configurations found, with their evidence.</param>
/// <param name="NotAssessed">The rule applications no evaluation could decide, rule by rule.</param>
public sealed record RamesesDocument(
    string Scope,
    string? Initiative,
    TheoryPart Initial,
    TheoryPart Refined,
    IReadOnlyList<RefinementEntry> Refinements,
    IReadOnlyList<RuleTestRow> Tests,
    IReadOnlyList<DeviantCase> Deviant,
    IReadOnlyList<CaseSection> Cases,
    IReadOnlyList<NotAssessedRule> NotAssessed,
    DataLimits Limits)
{
    public const string Title = "Realist evaluation of Local Vision: programme theory and cases";

    public bool IsRefined => Refinements.Count > 0;
}
