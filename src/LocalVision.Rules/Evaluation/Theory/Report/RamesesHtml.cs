using System.Globalization;
using System.Net;
using System.Text;

namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>
/// Writes the RAMESES II document as one self-contained HTML page. Every piece of text from the graph or the theory is
/// HTML-escaped; each case is a <c>&lt;section class="case"&gt;</c>, which the print CSS starts on a new page, so a
/// printed PDF has a page (at least) per case.
/// </summary>
public static class RamesesHtml
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em; line-height: 1.4; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.85em; }
        th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; text-align: left; overflow-wrap: break-word; }
        code { font-family: monospace; }
        .redacted { font-style: italic; color: #666; }
        @media print { section.case { page-break-before: always; break-before: page; } }
        """;

    public static string Write(RamesesDocument report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>RAMESES II report</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(RamesesDocument.Title)).Append("</h1>\n");
        html.Append("<p>").Append(E(Invariant($"Evidence {report.Scope}; {report.Limits.Cases} case(s)"))).Append(report.Initiative is { } one ? $" (the one asked for, {Code(one)})" : "")
            .Append(E(Invariant($"; programme theory version {report.Refined.Version}. Structured by the RAMESES II reporting standards for realist evaluations."))).Append("</p>\n");

        html.Append("<section class=\"theory initial\">\n<h2>").Append(E(RamesesHeadings.Initial)).Append("</h2>\n");
        html.Append("<p>").Append(E(Invariant($"Version {report.Initial.Version}, {report.Initial.Note}: {report.Initial.Rules.Count} CMO rules."))).Append("</p>\n");
        RuleTable(html, report.Initial.Rules);
        html.Append("</section>\n");

        html.Append("<section class=\"theory refined\">\n<h2>").Append(E(RamesesHeadings.Refined)).Append("</h2>\n");
        if (!report.IsRefined)
        {
            html.Append("<p>The theory has not been refined: the current version is the initial one.</p>\n");
        }
        else
        {
            Table(html, ["version", "made by", "when", "why", "rules added", "rules changed", "rules removed"], report.Refinements.Select(r => new[]
            {
                E(r.Version), E(r.Author), E(RamesesHeadings.When(r)), E(r.Note), Codes(r.Added), Codes(r.Changed), Codes(r.Removed),
            }));
            html.Append("<p>").Append(E($"The refined theory, version {report.Refined.Version}:")).Append("</p>\n");
            RuleTable(html, report.Refined.Rules);
        }
        html.Append("</section>\n");

        html.Append("<section class=\"tests\">\n<h2>").Append(E(RamesesHeadings.Tested)).Append("</h2>\n");
        Table(html, ["rule", "supports", "deviant", "alternative", "consistent", "untested", "consistency", "coverage"], report.Tests.Select(t => new[]
        {
            Code(t.Rule), N(t.Supports), N(t.Deviant), N(t.Alternative), N(t.Consistent), N(t.Untested), E(RamesesHeadings.Ratio(t.Consistency)), E(RamesesHeadings.Ratio(t.Coverage)),
        }));
        html.Append("<h3>").Append(E(RamesesHeadings.Deviant)).Append("</h3>\n");
        if (report.Deviant.Count == 0)
        {
            html.Append("<p>").Append(E(RamesesHeadings.NoDeviantCase)).Append("</p>\n");
        }
        else
        {
            html.Append("<ul class=\"deviant\">\n");
            foreach (var deviant in report.Deviant)
            {
                html.Append("<li><strong>").Append(E(deviant.Case)).Append("</strong> against ").Append(Code(deviant.Rule)).Append(" (").Append(E(deviant.Title)).Append("): ")
                    .Append(E(deviant.Reason)).Append(Cited(deviant.Cited)).Append(' ').Append(E(RamesesHeadings.WhatItRefined(deviant))).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");

        html.Append("<h2>").Append(E(RamesesHeadings.Cases)).Append("</h2>\n");
        foreach (var @case in report.Cases)
        {
            Case(html, @case);
        }

        html.Append("<section class=\"not-assessed\">\n<h2>").Append(E(RamesesHeadings.NotAssessedHeading)).Append("</h2>\n");
        if (report.NotAssessed.Count == 0)
        {
            html.Append("<p>").Append(E(RamesesHeadings.AllAssessed)).Append("</p>\n");
        }
        else
        {
            Table(html, ["rule", "title", "§", "not assessed in", "would be settled by"], report.NotAssessed.Select(r => new[]
            {
                Code(r.Rule), E(r.Title), E(r.Sections), E(RamesesHeadings.InCases(r, report.Limits.Cases)), E(r.SettledBy),
            }));
        }
        html.Append("</section>\n");

        html.Append("<section class=\"limits\">\n<h2>").Append(E(RamesesHeadings.Limits)).Append("</h2>\n<ul>\n");
        foreach (var limit in RamesesHeadings.LimitLines(report.Limits))
        {
            html.Append("<li>").Append(E(limit)).Append("</li>\n");
        }
        html.Append("</ul>\n</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Case(StringBuilder html, CaseSection @case)
    {
        html.Append("<section class=\"case\">\n<h3>").Append(E(@case.DisplayName)).Append("</h3>\n");
        html.Append("<p>").Append(Code(@case.Initiative)).Append(": ")
            .Append(E(Invariant($"{@case.Status}; outlook {@case.Outlook} ({@case.Score.ToString("0.##", CultureInfo.InvariantCulture)})."))).Append("</p>\n");
        if (@case.Configurations.Count == 0)
        {
            html.Append("<p>").Append(E(RamesesHeadings.NoConfiguration)).Append("</p>\n");
        }
        else
        {
            html.Append("<ul class=\"configurations\">\n");
            foreach (var found in @case.Configurations)
            {
                html.Append("<li><strong>").Append(E(found.Polarity)).Append("</strong> ").Append(Code(found.Rule)).Append(found.Tentative ? " (tentative)" : "").Append(": ")
                    .Append(E(found.Explanation)).Append(found.Mechanism is { } m ? " Mechanism " + E(m) + "." : "")
                    .Append(Cited(found.Observations.Concat(found.Evidence).ToList())).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        if (@case.NotAssessed.Count > 0)
        {
            html.Append("<p>Not assessed: ").Append(E(string.Join("; ", @case.NotAssessed))).Append(".</p>\n");
        }
        if (@case.Evidence.Count > 0)
        {
            html.Append("<h4>").Append(E(RamesesHeadings.EvidenceCited.TrimEnd(':'))).Append("</h4>\n<ul class=\"evidence\">\n");
            foreach (var evidence in @case.Evidence)
            {
                var redacted = evidence.Summary == Graph.Schema.EvidenceRedactor.Placeholder;
                html.Append("<li>").Append(Code(evidence.Id)).Append(" (").Append(E(RamesesHeadings.About(evidence))).Append("): ")
                    .Append(redacted ? "<span class=\"redacted\">" : "").Append(E(RamesesHeadings.Says(evidence))).Append(redacted ? "</span>" : "").Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");
    }

    private static void RuleTable(StringBuilder html, IReadOnlyList<RuleRow> rules) =>
        Table(html, ["rule", "status", "polarity", "§", "context", "mechanism", "outcome"], rules.Select(r => new[]
        {
            Code(r.Id), E(r.Status), E(r.Polarity), E(r.Section), E(r.Context), E(r.Mechanism), E(r.Outcome),
        }));

    /// <summary>
    /// A table whose cells are already HTML (escaped by the caller). Codes such as INFLUENCING_STRATEGY may break after
    /// an underscore, so a wide table still fits a printed page.
    /// </summary>
    private static void Table(StringBuilder html, IReadOnlyList<string> headings, IEnumerable<string[]> rows)
    {
        html.Append("<table>\n<tr>");
        foreach (var heading in headings)
        {
            html.Append("<th>").Append(E(heading)).Append("</th>");
        }
        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(cell.Replace("_", "_<wbr>", StringComparison.Ordinal)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Cited(IReadOnlyList<string> ids) => ids.Count == 0 ? "" : " [" + string.Join(", ", ids.Select(Code)) + "]";

    private static string Codes(IReadOnlyList<string> ids) => string.Join(", ", ids.Select(Code));

    private static string Code(string text) => "<code>" + E(text) + "</code>";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
