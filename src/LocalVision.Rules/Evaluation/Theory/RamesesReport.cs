using System.Globalization;
using System.Text;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Language;

namespace LocalVision.Rules.Evaluation.Theory;

/// <summary>
/// A realist evaluation report in Markdown, structured by the RAMESES II items a graph can fill: the initial programme
/// theory (version 1), the refined theory (the current version) with its refinement log, per case the CMO
/// configurations found with their observation and evidence ids, the deviant cases, what was not assessed, and the
/// limits of the data. Everything in it is read from the theory's versions, the evaluations and the theory's test.
/// </summary>
public static class RamesesReport
{
    /// <param name="versions">Every version, oldest first (the first is the initial theory, the last the current).</param>
    /// <param name="evaluations">The cases, evaluated under the current version.</param>
    /// <param name="tests">The current version's rules tested against the same cases.</param>
    public static string Markdown(IReadOnlyList<TheoryVersion> versions, IReadOnlyList<Evaluation> evaluations, IReadOnlyList<RuleTest> tests, EvidenceScope scope)
    {
        var initial = versions[0];
        var current = versions[^1];
        var text = new StringBuilder();
        text.AppendLine("# Realist evaluation of Local Vision: programme theory and cases");
        text.AppendLine();
        text.AppendLine(Invariant($"Evidence {scope.Describe()}; {evaluations.Count} case(s); programme theory version {current.Version}. Structured by the RAMESES II reporting standards for realist evaluations."));
        text.AppendLine();

        text.AppendLine("## Initial programme theory (RAMESES II item 4)");
        text.AppendLine();
        text.AppendLine(Invariant($"Version {initial.Version}, {initial.Note}: {initial.Rules.Count} CMO rules."));
        text.AppendLine();
        RuleTable(text, initial.Rules);

        text.AppendLine("## Refined programme theory and refinement log (RAMESES II items 4 and 15)");
        text.AppendLine();
        if (versions.Count == 1)
        {
            text.AppendLine("The theory has not been refined: the current version is the initial one.");
        }
        else
        {
            text.AppendLine("| version | made by | when | why | rules added | rules changed | rules removed |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var (before, after) in versions.Zip(versions.Skip(1)))
            {
                var was = before.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
                var now = after.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
                var changed = now.Keys.Where(id => was.ContainsKey(id)
                    && TheoryWriter.Write([was[id]]) != TheoryWriter.Write([now[id]]));
                text.AppendLine(Invariant(
                    $"| {after.Version} | {Cell(after.Author)} | {after.CreateTime:yyyy-MM-dd} | {Cell(after.Note)} | {Ids(now.Keys.Where(id => !was.ContainsKey(id)))} | {Ids(changed)} | {Ids(was.Keys.Where(id => !now.ContainsKey(id)))} |"));
            }
            text.AppendLine();
            text.AppendLine(Invariant($"The refined theory, version {current.Version}:"));
            text.AppendLine();
            RuleTable(text, current.Rules);
        }
        text.AppendLine();

        text.AppendLine("## The theory tested case by case (RAMESES II items 14 and 15)");
        text.AppendLine();
        text.AppendLine("| rule | supports | deviant | alternative | consistent | untested | consistency | coverage |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var test in tests)
        {
            text.AppendLine(Invariant(
                $"| {Name(test.RuleId, test.Subject)} | {Count(test, Verdict.Supports)} | {Count(test, Verdict.Deviant)} | {Count(test, Verdict.Alternative)} | {Count(test, Verdict.Consistent)} | {Count(test, Verdict.Untested)} | {Ratio(test.Consistency)} | {Ratio(test.Coverage)} |"));
        }
        text.AppendLine();
        text.AppendLine("### Deviant cases: what each calls into question");
        text.AppendLine();
        var deviant = tests.SelectMany(t => t.Cases.Where(c => c.Verdict == Verdict.Deviant).Select(c => (Test: t, Case: c))).ToList();
        if (deviant.Count == 0)
        {
            text.AppendLine("No case is deviant: wherever a rule's context held and its outcome is known, the outcome was the one expected.");
        }
        foreach (var (test, @case) in deviant)
        {
            text.AppendLine(($"- **{Cell(@case.DisplayName)}** against {Name(test.RuleId, test.Subject)} ({test.Title}): {Cell(@case.Reason)}"
                + $"{Cited(@case.Context.Observations.Concat(@case.Outcome?.Observations ?? []), @case.Context.Evidence.Concat(@case.Outcome?.Evidence ?? []))}"));
        }
        text.AppendLine();

        text.AppendLine("## Cases: the CMO configurations found (RAMESES II item 14)");
        foreach (var evaluation in evaluations)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"### {evaluation.DisplayName}"));
            text.AppendLine();
            text.AppendLine(Invariant($"`{evaluation.Initiative}`: {evaluation.Status.ToString().ToUpperInvariant()}; outlook {evaluation.Outlook.RatingName} ({evaluation.Outlook.Score.ToString("0.##", CultureInfo.InvariantCulture)})."));
            text.AppendLine();
            if (evaluation.Findings.Count == 0)
            {
                text.AppendLine("No CMO configuration was found on the evidence.");
            }
            foreach (var finding in evaluation.Findings)
            {
                text.AppendLine(($"- {RuleLanguage.Name(finding.Polarity)} {Name(finding.RuleId, finding.Subject)}{(finding.Tentative ? " (tentative)" : "")}: {Cell(finding.Explanation)}"
                    + $"{(finding.Mechanism is { } m ? $" Mechanism {m.Code}: {m.Observed.ToString().ToLowerInvariant()}." : "")}{Cited(finding.Observations, finding.Evidence)}"));
            }
            if (evaluation.NotAssessed.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("Not assessed: " + string.Join("; ", evaluation.NotAssessed.Select(u =>
                    $"{Name(u.Rule, u.Subject)} (§{string.Join(", ", u.Sections)}; would be settled by {(u.MissingCodes.Count == 0 ? "records the engine derives it from" : string.Join(", ", u.MissingCodes))})")) + ".");
            }
        }
        text.AppendLine();

        text.AppendLine("## Limits of the data (RAMESES II item 18)");
        text.AppendLine();
        var findings = evaluations.SelectMany(e => e.Findings).ToList();
        text.AppendLine(Invariant($"- {evaluations.Count} case(s), {evaluations.Count(e => e.Status == EvaluationStatus.NotStarted)} not started by the date, {evaluations.Count(e => e.Outlook.Rating == Outlook.OutlookRating.InsufficientEvidence)} with too little evidence for an outlook."));
        text.AppendLine(Invariant($"- {findings.Count} finding(s), {findings.Count(f => f.Tentative)} tentative (resting on an L-confidence observation), {findings.Count(f => f.Illustrative)} resting on illustrative data."));
        text.AppendLine(Invariant($"- {evaluations.Sum(e => e.NotAssessed.Count)} rule application(s) not assessed because a condition is unknown: unknown is not absence, and these are not counted for or against any case."));
        text.AppendLine(Invariant($"- {tests.Sum(t => t.Counts.GetValueOrDefault(Verdict.Untested))} rule × case test(s) untested (context or outcome unknown)."));
        return text.ToString();
    }

    private static void RuleTable(StringBuilder text, IReadOnlyList<CmoRuleDefinition> rules)
    {
        text.AppendLine("| rule | status | polarity | § | context | mechanism | outcome |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var rule in rules)
        {
            text.AppendLine(Invariant(
                $"| {rule.Id} | {RuleLanguage.Name(rule.Status)} | {RuleLanguage.Name(rule.Polarity)} | {rule.Section} | {Cell(rule.DescribeContext())} | {rule.Mechanism ?? ""} | {rule.Outcome ?? ""} |"));
        }
        text.AppendLine();
    }

    private static string Cited(IEnumerable<string> observations, IEnumerable<string> evidence)
    {
        var o = observations.Distinct(StringComparer.Ordinal).ToList();
        var e = evidence.Distinct(StringComparer.Ordinal).ToList();
        return o.Count + e.Count == 0 ? "" : $" [{string.Join(", ", o.Concat(e).Select(n => $"`{n}`"))}]";
    }

    private static string Name(string rule, string? subject) => subject is null ? rule : $"{rule} ({subject})";

    private static string Ids(IEnumerable<string> ids) => string.Join(", ", ids);

    private static int Count(RuleTest test, Verdict verdict) => test.Counts.GetValueOrDefault(verdict);

    private static string Ratio(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>Text inside a table cell or list item: one line, no column breaks.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
