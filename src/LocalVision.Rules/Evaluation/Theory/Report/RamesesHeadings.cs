using System.Globalization;

namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>The report's headings and fixed sentences, shared by the Markdown and HTML writers so both say the same.</summary>
public static class RamesesHeadings
{
    public const string Initial = "Initial programme theory (RAMESES II item 4)";
    public const string Refined = "Refined programme theory and refinement log (RAMESES II items 4 and 15)";
    public const string Tested = "The theory tested case by case (RAMESES II items 14 and 15)";
    public const string Deviant = "Deviant cases: what each calls into question";
    public const string Cases = "Cases: the CMO configurations found (RAMESES II item 14)";
    public const string NotAssessedHeading = "What was not assessed (RAMESES II items 15 and 17)";
    public const string Limits = "Limits of the data (RAMESES II item 18)";

    public const string NoDeviantCase =
        "No case is deviant: wherever a rule's context held and its outcome is known, the outcome was the one expected.";

    public const string NoConfiguration = "No CMO configuration was found on the evidence.";

    public const string AllAssessed = "Every rule was assessed in every case: no condition a rule needs was unknown.";

    public const string EvidenceCited = "Evidence cited:";

    /// <summary>The day a version was stored, or a dash when the store never recorded it.</summary>
    public static string When(RefinementEntry entry) => entry.CreateTime?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    public static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>What a deviant case refined: the versions made about it since, or that none has answered it yet.</summary>
    public static string WhatItRefined(DeviantCase deviant) => deviant.Refinements.Count == 0
        ? "Not yet answered by a refinement of the theory."
        : "Refined in " + string.Join("; ", deviant.Refinements.Select(r => $"version {r.Version} ({r.Note})")) + ".";

    /// <summary>A piece of evidence's kind, date and confidentiality, e.g. <c>INTERVIEW, 2015-07-01, confidential</c>.</summary>
    public static string About(CitedEvidence evidence)
    {
        var parts = new[] { evidence.Kind, evidence.Date, evidence.Confidential ? "confidential" : "" }.Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "not in the graph" : string.Join(", ", parts);
    }

    /// <summary>What a piece of evidence says, with who said it when recorded.</summary>
    public static string Says(CitedEvidence evidence) =>
        (evidence.Summary.Length == 0 ? "(no summary)" : evidence.Summary) + (evidence.RespondentRole is { } role ? $" ({role})" : "");

    /// <summary>The cases a rule was not assessed in: all of them in a word, otherwise by name.</summary>
    public static string InCases(NotAssessedRule rule, int cases) =>
        rule.Cases.Count == cases && cases > 1 ? Invariant($"every case ({cases})") : string.Join(", ", rule.Cases);

    public static IEnumerable<string> LimitLines(DataLimits limits)
    {
        yield return Invariant($"{limits.Cases} case(s), {limits.NotStarted} not started by the date, {limits.InsufficientEvidence} with too little evidence for an outlook.");
        yield return Invariant($"{limits.Findings} finding(s), {limits.TentativeFindings} tentative (resting on an L-confidence observation), {limits.IllustrativeFindings} resting on illustrative data.");
        yield return Invariant($"{limits.UnassessedApplications} rule application(s) not assessed because a condition is unknown: unknown is not absence, and these are not counted for or against any case.");
        yield return Invariant($"{limits.UntestedPairs} rule × case test(s) untested (context or outcome unknown).");
        yield return Invariant($"{limits.ConfidentialEvidence} piece(s) of confidential evidence cited, {limits.RedactedEvidence} of them redacted for this reader.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
