using System.Globalization;
using System.Text;

namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>Writes the RAMESES II document as Markdown: headings by reporting item, pipe tables for the theory and its test, a list per case.</summary>
public static class RamesesMarkdown
{
    public static string Write(RamesesDocument report)
    {
        var text = new StringBuilder();
        text.AppendLine("# " + RamesesDocument.Title);
        text.AppendLine();
        text.AppendLine(Invariant($"Evidence {report.Scope}; {report.Limits.Cases} case(s){(report.Initiative is { } one ? $" (the one asked for, `{one}`)" : "")}; programme theory version {report.Refined.Version}. Structured by the RAMESES II reporting standards for realist evaluations."));
        text.AppendLine();

        text.AppendLine("## " + RamesesHeadings.Initial);
        text.AppendLine();
        text.AppendLine(Invariant($"Version {report.Initial.Version}, {report.Initial.Note}: {report.Initial.Rules.Count} CMO rules."));
        text.AppendLine();
        RuleTable(text, report.Initial.Rules);

        text.AppendLine("## " + RamesesHeadings.Refined);
        text.AppendLine();
        if (!report.IsRefined)
        {
            text.AppendLine("The theory has not been refined: the current version is the initial one.");
        }
        else
        {
            text.AppendLine("| version | made by | when | why | rules added | rules changed | rules removed |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var entry in report.Refinements)
            {
                text.AppendLine(Invariant(
                    $"| {entry.Version} | {Cell(entry.Author)} | {RamesesHeadings.When(entry)} | {Cell(entry.Note)} | {Ids(entry.Added)} | {Ids(entry.Changed)} | {Ids(entry.Removed)} |"));
            }
            text.AppendLine();
            text.AppendLine(Invariant($"The refined theory, version {report.Refined.Version}:"));
            text.AppendLine();
            RuleTable(text, report.Refined.Rules);
        }
        text.AppendLine();

        text.AppendLine("## " + RamesesHeadings.Tested);
        text.AppendLine();
        text.AppendLine("| rule | supports | deviant | alternative | consistent | untested | consistency | coverage |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in report.Tests)
        {
            text.AppendLine(Invariant(
                $"| {row.Rule} | {row.Supports} | {row.Deviant} | {row.Alternative} | {row.Consistent} | {row.Untested} | {RamesesHeadings.Ratio(row.Consistency)} | {RamesesHeadings.Ratio(row.Coverage)} |"));
        }
        text.AppendLine();
        text.AppendLine("### " + RamesesHeadings.Deviant);
        text.AppendLine();
        if (report.Deviant.Count == 0)
        {
            text.AppendLine(RamesesHeadings.NoDeviantCase);
        }
        foreach (var deviant in report.Deviant)
        {
            text.AppendLine($"- **{Cell(deviant.Case)}** against {deviant.Rule} ({Cell(deviant.Title)}): {Cell(deviant.Reason)}{Cited(deviant.Cited)} {Cell(RamesesHeadings.WhatItRefined(deviant))}");
        }
        text.AppendLine();

        text.AppendLine("## " + RamesesHeadings.Cases);
        foreach (var @case in report.Cases)
        {
            Case(text, @case);
        }
        text.AppendLine();

        text.AppendLine("## " + RamesesHeadings.NotAssessedHeading);
        text.AppendLine();
        if (report.NotAssessed.Count == 0)
        {
            text.AppendLine(RamesesHeadings.AllAssessed);
        }
        foreach (var rule in report.NotAssessed)
        {
            text.AppendLine($"- {rule.Rule} ({Cell(rule.Title)}, §{rule.Sections}): not assessed in {Cell(RamesesHeadings.InCases(rule, report.Limits.Cases))}; would be settled by {rule.SettledBy}.");
        }
        text.AppendLine();

        text.AppendLine("## " + RamesesHeadings.Limits);
        text.AppendLine();
        foreach (var limit in RamesesHeadings.LimitLines(report.Limits))
        {
            text.AppendLine("- " + limit);
        }
        return text.ToString();
    }

    private static void Case(StringBuilder text, CaseSection @case)
    {
        text.AppendLine();
        text.AppendLine($"### {@case.DisplayName}");
        text.AppendLine();
        text.AppendLine(Invariant($"`{@case.Initiative}`: {@case.Status}; outlook {@case.Outlook} ({@case.Score.ToString("0.##", CultureInfo.InvariantCulture)})."));
        text.AppendLine();
        if (@case.Configurations.Count == 0)
        {
            text.AppendLine(RamesesHeadings.NoConfiguration);
        }
        foreach (var found in @case.Configurations)
        {
            text.AppendLine($"- {found.Polarity} {found.Rule}{(found.Tentative ? " (tentative)" : "")}: {Cell(found.Explanation)}"
                + $"{(found.Mechanism is { } m ? $" Mechanism {m}." : "")}{Cited(found.Observations.Concat(found.Evidence).ToList())}");
        }
        if (@case.NotAssessed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Not assessed: " + string.Join("; ", @case.NotAssessed) + ".");
        }
        if (@case.Evidence.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(RamesesHeadings.EvidenceCited);
            text.AppendLine();
            foreach (var evidence in @case.Evidence)
            {
                text.AppendLine($"- `{evidence.Id}` ({Cell(RamesesHeadings.About(evidence))}): {Cell(RamesesHeadings.Says(evidence))}");
            }
        }
    }

    private static void RuleTable(StringBuilder text, IReadOnlyList<RuleRow> rules)
    {
        text.AppendLine("| rule | status | polarity | § | context | mechanism | outcome |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var rule in rules)
        {
            text.AppendLine($"| {rule.Id} | {rule.Status} | {rule.Polarity} | {rule.Section} | {Cell(rule.Context)} | {rule.Mechanism} | {rule.Outcome} |");
        }
        text.AppendLine();
    }

    private static string Cited(IReadOnlyList<string> ids) => ids.Count == 0 ? "" : $" [{string.Join(", ", ids.Select(n => $"`{n}`"))}]";

    private static string Ids(IEnumerable<string> ids) => string.Join(", ", ids);

    /// <summary>Text inside a table cell or list item: one line, no column breaks.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
