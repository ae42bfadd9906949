using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>
/// The RAMESES II report as one self-contained HTML page, written from the report's Markdown (headings, pipe tables,
/// lists, paragraphs, inline code and bold): every piece of text is HTML-escaped, and the print CSS starts each case
/// section (a third-level heading under the cases heading) on a new page, so a printed PDF has a page per case.
/// </summary>
public static partial class RamesesHtml
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em; line-height: 1.4; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
        code { font-family: monospace; }
        @media print { section.case { page-break-before: always; break-before: page; } }
        """;

    public static string FromMarkdown(string markdown)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>RAMESES II report</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n");
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var inCases = false;
        var inCase = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                CloseCase(html, ref inCase);
                inCases = line.Contains("Cases:", StringComparison.Ordinal);
                html.Append("<h2>").Append(Inline(line[3..])).Append("</h2>\n");
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                CloseCase(html, ref inCase);
                if (inCases)
                {
                    html.Append("<section class=\"case\">\n");
                    inCase = true;
                }
                html.Append("<h3>").Append(Inline(line[4..])).Append("</h3>\n");
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                html.Append("<h1>").Append(Inline(line[2..])).Append("</h1>\n");
            }
            else if (line.StartsWith('|'))
            {
                i = Table(html, lines, i) - 1;
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                html.Append("<ul>\n");
                for (; i < lines.Length && lines[i].StartsWith("- ", StringComparison.Ordinal); i++)
                {
                    html.Append("<li>").Append(Inline(lines[i][2..])).Append("</li>\n");
                }
                html.Append("</ul>\n");
                i--;
            }
            else if (line.Trim().Length > 0)
            {
                html.Append("<p>").Append(Inline(line)).Append("</p>\n");
            }
        }
        CloseCase(html, ref inCase);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void CloseCase(StringBuilder html, ref bool inCase)
    {
        if (inCase)
        {
            html.Append("</section>\n");
            inCase = false;
        }
    }

    /// <summary>Writes the pipe table starting at line <paramref name="start"/>; returns the first line after it.</summary>
    private static int Table(StringBuilder html, string[] lines, int start)
    {
        html.Append("<table>\n");
        var i = start;
        for (; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            var cells = Cells(lines[i]);
            if (cells.All(c => c.Trim().Trim('-').Length == 0))
            {
                continue;
            }
            var tag = i == start ? "th" : "td";
            html.Append("<tr>");
            foreach (var cell in cells)
            {
                html.Append('<').Append(tag).Append('>').Append(Inline(cell.Trim())).Append("</").Append(tag).Append('>');
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
        return i;
    }

    /// <summary>The cells of a pipe-table row, honouring the writer's <c>\|</c> escape.</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var body = row.Trim();
        body = body[1..(body.EndsWith('|') && body.Length > 1 ? body.Length - 1 : body.Length)];
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (body[i] == '|')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(body[i]);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>Escaped text with <c>`code`</c> and <c>**bold**</c> spans.</summary>
    private static string Inline(string text)
    {
        var escaped = WebUtility.HtmlEncode(text);
        escaped = CodeSpan().Replace(escaped, "<code>$1</code>");
        return BoldSpan().Replace(escaped, "<strong>$1</strong>");
    }

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldSpan();
}
