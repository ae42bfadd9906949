using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>Network results for people: paths hop by hop, ranked scores, communities with their members.</summary>
public static class NetworkView
{
    public static void Paths(FindPathsResponse response, string weightProperty)
    {
        if (response.Paths.Count == 0)
        {
            AnsiConsole.MarkupLine("[yellow]no path[/] within the depth and network asked for");
        }
        for (var p = 0; p < response.Paths.Count; p++)
        {
            var path = response.Paths[p];
            var length = weightProperty.Length == 0 ? $"{path.Relationships.Count} hops" : $"{path.Relationships.Count} hops, cost {Figures.Number(path.Cost)} by {weightProperty}";
            AnsiConsole.MarkupLine($"[bold]path {p + 1}[/] ({Markup.Escape(length)})");
            for (var i = 0; i < path.Nodes.Count; i++)
            {
                var node = path.Nodes[i];
                AnsiConsole.MarkupLine($"  {Markup.Escape(node.Name)} [grey]{Markup.Escape(node.DisplayName)} ({Markup.Escape(node.Label)})[/]");
                if (i < path.Relationships.Count)
                {
                    // Relationships keep their own direction, which may run against the path's.
                    var tie = path.Relationships[i];
                    AnsiConsole.MarkupLine(tie.Start == node.Name ? $"    [blue]─{tie.Type}→[/]" : $"    [blue]←{tie.Type}─[/]");
                }
            }
        }
    }

    public static void Centrality(IReadOnlyList<CentralityScore> scores, string measure)
    {
        var highest = scores.Count == 0 ? 0 : scores.Max(s => s.Score);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("rank").AddColumn(new TableColumn("name").NoWrap()).AddColumns("label", "display name", "score");
        table.Title = new TableTitle($"{measure} centrality");
        foreach (var s in scores)
        {
            var bar = highest > 0 ? $" [green]{Figures.Bar(s.Score / highest, 6)}[/]" : "";
            table.AddRow(s.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Name), s.Label, Markup.Escape(s.DisplayName), Figures.Number(s.Score) + bar);
        }
        table.Caption = new TableTitle($"top {scores.Count}; bars relative to the highest score");
        AnsiConsole.Write(table);
    }

    public static void Communities(DetectCommunitiesResponse response, bool hasModularity)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("community", "size", "members");
        foreach (var community in response.Communities.OrderByDescending(c => c.Members.Count).ThenBy(c => c.Id))
        {
            table.AddRow(community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), community.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", community.Members)));
        }
        table.Caption = new TableTitle($"{response.Communities.Count} communities, largest first" + (hasModularity ? $"; modularity {Figures.Ratio(response.Modularity)}" : ""));
        AnsiConsole.Write(table);
    }
}
