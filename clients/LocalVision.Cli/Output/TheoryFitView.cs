using System.Globalization;
using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>A theory against the solution for people: the four intersections, their cases split by the outcome, and their fit.</summary>
public static class TheoryFitView
{
    public static void TheoryFit(EvaluateTheoryResponse response, string outcome)
    {
        AnsiConsole.MarkupLine($"theory T: [bold]{Markup.Escape(response.Theory)}[/]");
        AnsiConsole.MarkupLine(response.Model.Length == 0
            ? "solution S: [yellow]none (no row is positive)[/]"
            : $"solution S ({Markup.Escape(response.Model)}): [bold]{Markup.Escape(response.Solution)}[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "cases", $"in {Markup.Escape(outcome)}", $"not in {Markup.Escape(outcome)}", "cons.", "cov.");
        foreach (var intersection in response.Intersections)
        {
            var shown = intersection.Members.ToDictionary(m => m.Name, m => m.DisplayName.Length > 0 ? m.DisplayName : m.Name, StringComparer.Ordinal);
            string Names(IEnumerable<string> names) => Markup.Escape(string.Join(", ", names.Select(n => shown.GetValueOrDefault(n, n))));
            table.AddRow(
                Markup.Escape(intersection.Label), intersection.Members.Count.ToString(CultureInfo.InvariantCulture),
                Names(intersection.CasesInOutcome), Names(intersection.CasesOutOfOutcome),
                Figures.Defined(intersection.Consistency), Figures.Defined(intersection.Coverage));
        }
        AnsiConsole.Write(table);
        foreach (var intersection in response.Intersections)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(intersection.Reading)}");
        }
        // Cases left out for unknowns are named by the notes below; those the truth table left out of its rows are still compared.
        var unknown = response.Excluded.Count(e => e.Reason == ExclusionReason.Unknown);
        var outOfRows = response.Excluded.Where(e => e.Reason != ExclusionReason.Unknown).Select(e => $"{e.Name.Split('/')[^1]} ({e.Explanation})").ToList();
        AnsiConsole.MarkupLine($"  {Figures.Count(response.CaseCount, "case")} compared"
            + (unknown == 0 ? "" : $"; {Figures.Count(unknown, "case")} left out for unknowns")
            + (outOfRows.Count == 0 ? "" : $"; compared though in no truth table row: {Markup.Escape(string.Join(", ", outOfRows))}"));
        Render.Warnings(response.Warnings);
    }
}
