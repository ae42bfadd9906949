using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Language;

namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>
/// Builds the RAMESES II document from the theory's versions, the cases evaluated under the current one and the
/// theory's test against the same cases. Everything in it is read from those and from the evidence nodes the cases
/// cite, each passed through the caller's redactor, so confidential evidence follows the caller's role.
/// </summary>
public static class RamesesDocumentBuilder
{
    /// <param name="versions">Every version, oldest first (the first is the initial theory, the last the current).</param>
    /// <param name="evaluations">The cases, evaluated under the current version.</param>
    /// <param name="tests">The current version's rules tested against the same cases.</param>
    /// <param name="evidence">The evidence nodes by name; a cited name missing here is listed with what is known of it (its id).</param>
    /// <param name="redactor">What this caller may see of confidential evidence.</param>
    /// <param name="initiative">The one case asked for, by name; null for every case.</param>
    public static RamesesDocument Build(
        IReadOnlyList<TheoryVersion> versions,
        IReadOnlyList<Evaluation> evaluations,
        IReadOnlyList<RuleTest> tests,
        Facts.EvidenceScope scope,
        IReadOnlyDictionary<string, GraphNode> evidence,
        EvidenceRedactor redactor,
        string? initiative = null)
    {
        var refinements = versions.Zip(versions.Skip(1), Refinement).ToList();
        var cases = evaluations.Select(e => Case(e, evidence, redactor)).ToList();
        var cited = cases.SelectMany(c => c.Evidence).DistinctBy(e => e.Id).ToList();
        var findings = evaluations.SelectMany(e => e.Findings).ToList();
        return new RamesesDocument(
            scope.Describe(),
            initiative,
            Part(versions[0]),
            Part(versions[^1]),
            refinements,
            tests.Select(Row).ToList(),
            Deviant(tests, refinements),
            cases,
            NotAssessed(evaluations),
            new DataLimits(
                evaluations.Count,
                evaluations.Count(e => e.Status == EvaluationStatus.NotStarted),
                evaluations.Count(e => e.Outlook.Rating == Outlook.OutlookRating.InsufficientEvidence),
                findings.Count,
                findings.Count(f => f.Tentative),
                findings.Count(f => f.Illustrative),
                evaluations.Sum(e => e.NotAssessed.Count),
                tests.Sum(t => t.Counts.GetValueOrDefault(Verdict.Untested)),
                cited.Count(e => e.Confidential),
                cited.Count(e => e.Confidential && redactor.Redacts)));
    }

    /// <summary>The rule's id, with its subject in brackets when it fires once per subject.</summary>
    public static string Name(string rule, string? subject) => subject is null ? rule : $"{rule} ({subject})";

    private static TheoryPart Part(TheoryVersion version) => new(version.Version, version.Note, version.Rules.Select(rule => new RuleRow(
        rule.Id, RuleLanguage.Name(rule.Status), RuleLanguage.Name(rule.Polarity), rule.Section, rule.DescribeContext(), rule.Mechanism ?? "", rule.Outcome ?? "")).ToList());

    /// <summary>What a version changed of the one before, by comparing each rule's definition as the rule language writes it.</summary>
    private static RefinementEntry Refinement(TheoryVersion before, TheoryVersion after)
    {
        var was = before.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var now = after.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new RefinementEntry(
            after.Version,
            after.Author,
            after.CreateTime,
            after.Note,
            now.Keys.Where(id => !was.ContainsKey(id)).ToList(),
            now.Keys.Where(id => was.TryGetValue(id, out var old) && TheoryWriter.Write([old]) != TheoryWriter.Write([now[id]])).ToList(),
            was.Keys.Where(id => !now.ContainsKey(id)).ToList());
    }

    private static RuleTestRow Row(RuleTest test) => new(
        Name(test.RuleId, test.Subject),
        Count(test, Verdict.Supports),
        Count(test, Verdict.Deviant),
        Count(test, Verdict.Alternative),
        Count(test, Verdict.Consistent),
        Count(test, Verdict.Untested),
        test.Consistency,
        test.Coverage);

    private static List<DeviantCase> Deviant(IReadOnlyList<RuleTest> tests, IReadOnlyList<RefinementEntry> refinements) =>
        tests.SelectMany(test => test.Cases.Where(c => c.Verdict == Verdict.Deviant).Select(@case => new DeviantCase(
            @case.DisplayName,
            Name(test.RuleId, test.Subject),
            test.Title,
            @case.Reason,
            Cited(@case.Context.Observations.Concat(@case.Outcome?.Observations ?? []), @case.Context.Evidence.Concat(@case.Outcome?.Evidence ?? [])),
            refinements.Where(r => r.Touches(test.RuleId) || r.Note.Contains(@case.DisplayName, StringComparison.OrdinalIgnoreCase)).ToList())))
        .ToList();

    private static CaseSection Case(Evaluation evaluation, IReadOnlyDictionary<string, GraphNode> evidence, EvidenceRedactor redactor)
    {
        var configurations = evaluation.Findings.Select(finding => new CmoConfiguration(
            RuleLanguage.Name(finding.Polarity),
            Name(finding.RuleId, finding.Subject),
            finding.Tentative,
            finding.Explanation,
            finding.Mechanism is { } m ? $"{m.Code}: {m.Observed.ToString().ToLowerInvariant()}" : null,
            finding.Observations.Distinct(StringComparer.Ordinal).ToList(),
            finding.Evidence.Distinct(StringComparer.Ordinal).ToList())).ToList();
        var notAssessed = evaluation.NotAssessed.Select(u => $"{Name(u.Rule, u.Subject)} (§{string.Join(", ", u.Sections)}; would be settled by {SettledBy(u.MissingCodes)})").ToList();
        var cited = configurations.SelectMany(c => c.Evidence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => Evidence(id, evidence.GetValueOrDefault(id), redactor)).ToList();
        return new CaseSection(
            evaluation.Initiative,
            evaluation.DisplayName,
            evaluation.Status.ToString().ToUpperInvariant(),
            evaluation.Outlook.RatingName,
            evaluation.Outlook.Score,
            configurations,
            notAssessed,
            cited);
    }

    private static CitedEvidence Evidence(string id, GraphNode? node, EvidenceRedactor redactor)
    {
        if (node is null)
        {
            return new CitedEvidence(id, "", "", Confidential: false, "", null);
        }
        var seen = redactor.Apply(node);
        return new CitedEvidence(
            id,
            JsonValues.AsString(seen.Properties["kind"]) ?? "",
            JsonValues.AsString(seen.Properties["date"]) ?? "",
            EvidenceRedactor.IsConfidential(node),
            JsonValues.AsString(seen.Properties["summary"]) ?? "",
            JsonValues.AsString(seen.Properties["respondentRole"]));
    }

    private static List<NotAssessedRule> NotAssessed(IReadOnlyList<Evaluation> evaluations) =>
        evaluations.SelectMany(e => e.NotAssessed.Select(u => (Evaluation: e, Unassessed: u)))
            .GroupBy(x => Name(x.Unassessed.Rule, x.Unassessed.Subject), StringComparer.Ordinal)
            .Select(g => new NotAssessedRule(
                g.Key,
                g.First().Unassessed.Title,
                string.Join(", ", g.First().Unassessed.Sections),
                SettledBy(g.SelectMany(x => x.Unassessed.MissingCodes).Distinct(StringComparer.Ordinal).ToList()),
                g.Select(x => x.Evaluation.DisplayName).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();

    private static string SettledBy(IReadOnlyList<string> missingCodes) =>
        missingCodes.Count == 0 ? "records the engine derives it from" : string.Join(", ", missingCodes);

    /// <summary>The observations, then the evidence, each once.</summary>
    public static IReadOnlyList<string> Cited(IEnumerable<string> observations, IEnumerable<string> evidence) =>
        observations.Distinct(StringComparer.Ordinal).Concat(evidence.Distinct(StringComparer.Ordinal)).ToList();

    private static int Count(RuleTest test, Verdict verdict) => test.Counts.GetValueOrDefault(verdict);
}
