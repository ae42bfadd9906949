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
        var estimated = scores.Any(s => s.ErrorBound > 0);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("rank").AddColumn(new TableColumn("name").NoWrap()).AddColumns("label", "display name", "score");
        if (estimated)
        {
            table.AddColumn("± standard error");
        }
        table.Title = new TableTitle($"{measure} centrality" + (estimated ? " (estimated from a sample)" : ""));
        foreach (var s in scores)
        {
            var bar = highest > 0 ? $" [green]{Figures.Bar(s.Score / highest, 6)}[/]" : "";
            string[] row = [s.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(s.Name), s.Label, Markup.Escape(s.DisplayName), Figures.Number(s.Score) + bar];
            table.AddRow(estimated ? row.Append(Figures.Number(s.StandardError)).ToArray() : row);
        }
        table.Caption = new TableTitle($"top {scores.Count}; bars relative to the highest score"
            + (estimated ? $"; every score within {Figures.Number(scores[0].ErrorBound)} of its exact value with 95% confidence" : ""));
        AnsiConsole.Write(table);
    }

    public static void Communities(DetectCommunitiesResponse response, bool hasModularity)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("community", "size", "members");
        // The server sends communities largest first; a list cut short by --members says how many it leaves out.
        foreach (var community in response.Communities)
        {
            var more = community.Size - community.Members.Count;
            table.AddRow(community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), community.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", community.Members) + (more > 0 ? $" … and {more} more" : "")));
        }
        table.Caption = new TableTitle($"{response.CommunityCount} communities, largest first" + (hasModularity ? $"; modularity {Figures.Ratio(response.Modularity)}" : ""));
        AnsiConsole.Write(table);
    }

    public static void Metrics(GetNetworkMetricsResponse response)
    {
        var table = MetricsTable(response.Compared is null ? [("now", response.Metrics)] : [("then", response.Compared), ("now", response.Metrics)]);
        AnsiConsole.Write(table);
        if (response.Compared is not null)
        {
            AnsiConsole.MarkupLine($"{response.TiesGained.Count} ties gained, {response.TiesLost.Count} lost");
            foreach (var tie in response.TiesGained)
            {
                AnsiConsole.MarkupLine($"  [green]+[/] {Markup.Escape(tie.Start)} ─{Markup.Escape(tie.Type)}→ {Markup.Escape(tie.End)}");
            }
            foreach (var tie in response.TiesLost)
            {
                AnsiConsole.MarkupLine($"  [red]−[/] {Markup.Escape(tie.Start)} ─{Markup.Escape(tie.Type)}→ {Markup.Escape(tie.End)}");
            }
        }
    }

    public static void Removal(SimulateRemovalResponse response, string removed)
    {
        AnsiConsole.Write(MetricsTable([("with it", response.Before), ($"without {removed}", response.After)]));
        if (response.Disconnected.Count == 0)
        {
            AnsiConsole.MarkupLine("nobody would be cut off from the rest of the network");
            return;
        }
        AnsiConsole.MarkupLine($"[yellow]{response.Disconnected.Count} would be cut off[/] from the rest of the network:");
        foreach (var name in response.Disconnected)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(name)}");
        }
    }

    private static Table MetricsTable(IReadOnlyList<(string Heading, NetworkMetrics Metrics)> columns)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("measure");
        foreach (var (heading, _) in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(heading)).RightAligned());
        }
        (string Name, Func<NetworkMetrics, string> Value)[] rows =
        [
            ("nodes", m => m.Nodes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
            ("ties", m => m.Edges.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
            ("parts with no tie between them", m => m.Components.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("density", m => Figures.Number(m.Density)),
            ("degree centralisation", m => Figures.Number(m.DegreeCentralization)),
            ("average path length", m => Figures.Number(m.AveragePathLength)),
            ("diameter", m => m.Diameter.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("average clustering", m => Figures.Number(m.AverageClustering)),
            ("transitivity", m => Figures.Number(m.Transitivity)),
        ];
        foreach (var (name, value) in rows)
        {
            table.AddRow([name, .. columns.Select(c => value(c.Metrics))]);
        }
        return table;
    }
}
