using System.Globalization;
using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>The cases to study for a solution, for people: one table per kind, the case to study next first.</summary>
public static class CasesView
{
    public static void Cases(FindCasesResponse response)
    {
        var claim = response.Relation == SetRelation.Necessity ? "necessary" : "sufficient";
        AnsiConsole.MarkupLine($"cases to study for [bold]{Markup.Escape(response.Expression)}[/] {claim} for {Markup.Escape(response.Outcome)} "
            + $"({Figures.Count(response.CaseCount, "case")} sorted{(response.Relation == SetRelation.Necessity ? $", {response.CasesOutOfOutcome} out of both the outcome and the expression not counted" : "")}):");
        foreach (var group in response.Groups)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Kind(group.Kind))}[/] — {Figures.Count(group.Total, "case")}: {Markup.Escape(group.Purpose)}");
            if (group.Cases.Count == 0)
            {
                continue;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("rank", "case", "x", "y", "criterion", "evidence");
            foreach (var c in group.Cases)
            {
                table.AddRow(c.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.DisplayName.Length > 0 ? c.DisplayName : c.Name),
                    Figures.Ratio(c.X), Figures.Ratio(c.Y), Figures.Ratio(c.Criterion), Figures.Count(c.Evidence.Sum(e => e.Evidence.Count), "piece"));
            }
            AnsiConsole.Write(table);
            // The names in full under the table, where they do not wrap, so each can be read with `lv get`.
            foreach (var c in group.Cases.Where(c => c.Evidence.Count > 0))
            {
                AnsiConsole.MarkupLine($"  {c.Rank}: {Markup.Escape(Evidence(c))}");
            }
            if (group.Total > group.Cases.Count)
            {
                AnsiConsole.MarkupLine($"[grey]  and {group.Total - group.Cases.Count} more (--limit)[/]");
            }
        }
        InsightView.Excluded("left out", response.Excluded);
        // Each case left out is listed above, by reason; the per-case notices would say it again.
        Render.Warnings(response.Warnings.Where(w => !w.Contains(" left out: ", StringComparison.Ordinal)));
    }

    /// <summary>Per code, the evidence it rests on (its observations where it has none): "COMMUNITY_ENGAGEMENT: evidence/x, evidence/y".</summary>
    private static string Evidence(CaseToStudy c) => string.Join("; ", c.Evidence.Select(e =>
        $"{e.Code}: {string.Join(", ", e.Evidence.Count > 0 ? e.Evidence : e.Observations)}"));

    private static string Kind(CaseKind kind) => kind switch
    {
        CaseKind.Typical => "typical",
        CaseKind.DeviantConsistency => "deviant consistency",
        CaseKind.DeviantDegree => "deviant in degree",
        CaseKind.DeviantCoverage => "deviant coverage",
        CaseKind.DeviantRelevance => "deviant relevance",
        _ => "individually irrelevant",
    };
}
