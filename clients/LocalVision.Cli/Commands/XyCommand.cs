using System.CommandLine;
using Grpc.Core;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>`lv xy`: the XY plot of one condition against the outcome, as an SVG file.</summary>
public static class XyCommand
{
    public static Command Xy()
    {
        var cases = new InsightCommands.CaseOptions("not used: lv xy takes one --condition");
        var condition = new Option<string>("--condition", "-c")
        {
            Description = "The condition on the x axis, e.g. COMMUNITY_ENGAGEMENT (~X for its absence)", Required = true,
        };
        var negate = new Option<bool>("--negate-outcome") { Description = "Plot against the outcome's absence (the same as --outcome ~MOMENTUM)" };
        var output = new Option<FileInfo>("--out")
        {
            HelpName = "file",
            Description = "Write the SVG to this file (and say so); without it the SVG goes to standard output, e.g. lv xy -c X > plot.svg",
        };
        var command = new Command("xy",
            "The XY plot of a condition against the outcome as SVG: each case's membership in both, labelled, the diagonal, the quadrants named "
            + "(typical cases, deviant cases consistency and coverage, individually irrelevant cases), consistency and coverage, and the cases left out and why. "
            + "With -o json, the plot's figures and points instead");
        command.Options.Add(condition);
        cases.AddTo(command, conditions: false);
        command.Options.Add(negate);
        command.Options.Add(output);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new AnalyzeConditionsRequest
            {
                Outcome = parse.GetValue(cases.Outcome)!, NegateOutcome = parse.GetValue(negate), AsOf = cases.AsOf(parse), CaseTable = cases.Table(parse),
                UnknownPolicy = cases.Unknowns(parse), Conditions = { parse.GetValue(condition)! }, DerivedConditions = { cases.Derive(parse) },
            };
            var response = await connection.Insight.AnalyzeConditionsAsync(request, connection.Call(ct));
            var statistics = Plotted(response, request.Conditions[0]);
            if (connection.Output == OutputFormat.Json && parse.GetValue(output) is null)
            {
                Render.Message(statistics, connection.Output, () => { });
                return;
            }
            // The graph's initiatives by their display names; an analyst's own cases as the table names them.
            Func<string, string> label = name => name;
            if (request.CaseTable is null)
            {
                var names = await DisplayNamesAsync(connection, ct);
                label = name => names.TryGetValue(name, out var shown) && shown.Length > 0 ? shown : name.Split('/')[^1];
            }
            var svg = XyPlotSvg.Write(statistics, response.Outcome, label);
            if (parse.GetValue(output) is not { } file)
            {
                Console.Out.Write(svg);
                return;
            }
            await File.WriteAllTextAsync(file.FullName, svg, ct);
            Render.Message(statistics, connection.Output, () => Console.WriteLine(
                $"wrote {file.FullName}: {statistics.Condition} against {response.Outcome}, {Figures.Count(statistics.Points.Count, "case")} plotted, {statistics.Excluded.Count} left out"));
        }));
        return command;
    }

    /// <summary>The asked condition's statistics, its left-out cases joined by those left out of every condition (no value for the outcome).</summary>
    private static ConditionStatistics Plotted(AnalyzeConditionsResponse response, string asked)
    {
        var statistics = response.Conditions.FirstOrDefault(c => string.Equals(c.Condition, asked.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? response.Conditions.FirstOrDefault()
            ?? throw new CliException($"the server returned no statistics for {asked}");
        var plotted = statistics.Clone();
        var listed = plotted.Excluded.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        plotted.Excluded.AddRange(response.Excluded.Where(e => !listed.Contains(e.Name)));
        return plotted;
    }

    /// <summary>The initiatives' display names by resource name; none (so names are shortened) when the key may not list them.</summary>
    private static async Task<Dictionary<string, string>> DisplayNamesAsync(Connection connection, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListNodesRequest { Label = "Initiative", PageSize = 1000 };
        try
        {
            do
            {
                var page = await connection.Graph.ListNodesAsync(request, connection.Call(ct));
                foreach (var node in page.Nodes)
                {
                    names[node.Name] = node.DisplayName;
                }
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unimplemented)
        {
            names.Clear();
        }
        return names;
    }
}
