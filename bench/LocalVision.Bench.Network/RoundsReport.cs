using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LocalVision.Bench.Network;

/// <summary>
/// The Markdown report of an interleaved run: per thread setting, the median over rounds of each contender's time for
/// each algorithm and the ratios ours/other; the load before every process; and what each contender computed, so a
/// reader can see the same work was done (same reach, same distances, same PageRank top 10, iteration counts).
/// </summary>
public static class RoundsReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Threads, string Ours, string[] Others)[] Settings =
    [
        ("1", "ours (1 thread)", ["igraph", "graph-tool (1)", "networkx"]),
        ("all", "ours (all)", ["igraph", "graph-tool (all)", "networkx"]),
    ];

    public static string Render(GraphShape shape, BenchOptions options, BenchPlan plan, IReadOnlyList<ContenderRun> runs)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv, $"# Network bench, preset `{shape.Name}` (seed {options.Seed}): {options.Rounds} interleaved rounds");
        text.AppendLine();
        foreach (var graph in plan.Graphs)
        {
            text.AppendLine(Inv, $"- {graph.Name}: {graph.Nodes:N0} nodes, {graph.Edges:N0} edges (merged: one per pair, cheapest cost), source node {graph.Source}, " +
                $"{graph.Pivots} pivots for sampled betweenness (seed {graph.PivotSeed})");
        }
        text.AppendLine(Inv, $"- machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; versions: {Versions(runs)}");
        text.AppendLine(Inv, $"- each cell: the median over rounds of a contender's time, where each round's time is the best of {plan.Repeats} runs in that process " +
            $"(one run for {string.Join(", ", plan.Graphs.Select(g => $"{string.Join("/", g.Once)} on {g.Name}"))}); loading is never timed");
        text.AppendLine(Inv, $"- PageRank: damping {plan.Damping}, stop when the total L1 change is below {plan.PageRankTolerance:E0} (at most {plan.PageRankMaxIterations} iterations); Louvain seed {plan.LouvainSeed}, unweighted");
        text.AppendLine(Inv, $"- peak resident memory per process (MiB, median): {PeakMemory(runs)}");
        foreach (var (threads, ours, others) in Settings)
        {
            if (!runs.Any(r => r.Contender == ours))
            {
                continue;
            }
            text.AppendLine();
            text.AppendLine(threads == "1" ? "## One thread each" : $"## All threads each ({Environment.ProcessorCount}; igraph and networkx have one)");
            text.AppendLine();
            text.Append("| graph | algorithm | ours (s) |");
            foreach (var other in others)
            {
                text.Append(Inv, $" {other} (s) | ours/{Short(other)} |");
            }
            text.AppendLine();
            text.Append("| --- | --- | ---: |");
            text.AppendLine(string.Concat(others.Select(_ => " ---: | ---: |")));
            foreach (var graph in plan.Graphs)
            {
                foreach (var algorithm in plan.Algorithms)
                {
                    var mine = Median(runs, ours, graph.Name, algorithm);
                    if (mine is null)
                    {
                        continue;
                    }
                    text.Append(Inv, $"| {graph.Name} | {algorithm} | {Cell(runs, ours, graph.Name, algorithm)} |");
                    foreach (var other in others)
                    {
                        var theirs = Median(runs, other, graph.Name, algorithm);
                        text.Append(Inv, $" {Cell(runs, other, graph.Name, algorithm)} | {Ratio(mine, theirs)} |");
                    }
                    text.AppendLine();
                }
            }
        }
        text.AppendLine();
        text.AppendLine("## Load average (1, 5, 15 min) before each process, and its wall time with loading");
        text.AppendLine();
        var names = runs.Select(r => r.Contender).Distinct().ToArray();
        text.AppendLine("| round | " + string.Join(" | ", names) + " |");
        text.AppendLine("| ---: |" + string.Concat(names.Select(_ => " --- |")));
        foreach (var round in runs.Select(r => r.Round).Distinct())
        {
            text.Append(Inv, $"| {round} |");
            foreach (var name in names)
            {
                var run = runs.FirstOrDefault(r => r.Round == round && r.Contender == name);
                text.Append(run is null ? " – |" : string.Create(Inv, $" {run.LoadBefore} ({run.WallSeconds:F0} s){(run.Failure is null ? "" : " FAILED")} |"));
            }
            text.AppendLine();
        }
        AppendChecks(text, plan, runs);
        foreach (var failure in runs.Where(r => r.Failure is not null))
        {
            text.AppendLine(Inv, $"- round {failure.Round} {failure.Contender} failed: {failure.Failure}");
        }
        return text.ToString();
    }

    /// <summary>What each contender found in its first successful round, beside ours: the evidence that the work was the same.</summary>
    private static void AppendChecks(StringBuilder text, BenchPlan plan, IReadOnlyList<ContenderRun> runs)
    {
        text.AppendLine();
        text.AppendLine("## Same work: what each contender computed (first round)");
        text.AppendLine();
        text.AppendLine("| graph | algorithm | contender | result | same as ours |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        var contenders = runs.Select(r => r.Contender).Distinct().ToArray();
        foreach (var graph in plan.Graphs)
        {
            foreach (var algorithm in plan.Algorithms)
            {
                var reference = Entry(runs, "ours (1 thread)", graph.Name, algorithm);
                foreach (var contender in contenders)
                {
                    var entry = Entry(runs, contender, graph.Name, algorithm);
                    if (entry is null)
                    {
                        continue;
                    }
                    text.AppendLine(Inv, $"| {graph.Name} | {algorithm} | {contender} | {Describe(entry)} | {Agreement(reference, entry)} |");
                }
            }
        }
    }

    private static string Describe(JsonObject entry)
    {
        var parts = new List<string>();
        if (entry["check"] is { } check)
        {
            parts.Add(check.GetValue<string>());
        }
        if (entry["iterations"] is { } iterations)
        {
            parts.Add(iterations is JsonValue v && v.TryGetValue<int>(out var count) ? string.Create(Inv, $"{count} iterations") : $"iterations: {iterations}");
        }
        if (entry["modularity"] is { } q)
        {
            parts.Add(string.Create(Inv, $"Q={q.GetValue<double>():F4}, {entry["communities"]} communities"));
        }
        if (entry["max"] is { } max)
        {
            parts.Add(string.Create(Inv, $"max {max.GetValue<double>():E4}"));
        }
        if (entry["note"] is { } note)
        {
            parts.Add(note.GetValue<string>());
        }
        return string.Join("; ", parts);
    }

    private static string Agreement(JsonObject? reference, JsonObject entry)
    {
        if (reference is null)
        {
            return "–";
        }
        if (entry["top10"] is JsonArray top && reference["top10"] is JsonArray ours)
        {
            var theirs = top.Select(x => x!.GetValue<int>()).ToArray();
            var mine = ours.Select(x => x!.GetValue<int>()).ToArray();
            var same = mine.Zip(theirs).TakeWhile(p => p.First == p.Second).Count();
            return same == mine.Length && mine.Length == theirs.Length ? "top 10 in the same order" : string.Create(Inv, $"top 10 agree to rank {same}: [{string.Join(",", theirs)}]");
        }
        if (entry["check"] is { } check && reference["check"] is { } mineCheck)
        {
            return check.GetValue<string>() == mineCheck.GetValue<string>() ? "yes" : "**no**";
        }
        return "not comparable (see notes)";
    }

    private static JsonObject? Entry(IReadOnlyList<ContenderRun> runs, string contender, string graph, string algorithm) =>
        runs.Where(r => r.Contender == contender && r.Output is not null)
            .Select(r => r.Output!["graphs"]?[graph]?[algorithm] as JsonObject)
            .FirstOrDefault(e => e is not null);

    private static double[] Seconds(IReadOnlyList<ContenderRun> runs, string contender, string graph, string algorithm) =>
        runs.Where(r => r.Contender == contender && r.Output is not null)
            .Select(r => r.Output!["graphs"]?[graph]?[algorithm]?["seconds"])
            .Where(s => s is not null)
            .Select(s => s!.GetValue<double>())
            .ToArray();

    private static double? Median(IReadOnlyList<ContenderRun> runs, string contender, string graph, string algorithm)
    {
        var values = Seconds(runs, contender, graph, algorithm).Order().ToArray();
        if (values.Length == 0)
        {
            return null;
        }
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>The median, with the range over rounds when there was more than one.</summary>
    private static string Cell(IReadOnlyList<ContenderRun> runs, string contender, string graph, string algorithm)
    {
        var values = Seconds(runs, contender, graph, algorithm);
        if (values.Length == 0)
        {
            return "–";
        }
        var median = Median(runs, contender, graph, algorithm)!.Value;
        return values.Length == 1
            ? Format(median)
            : string.Create(Inv, $"{Format(median)} ({Format(values.Min())}–{Format(values.Max())})");
    }

    private static string Format(double seconds) => seconds < 0.01 ? seconds.ToString("F5", Inv) : seconds.ToString("F3", Inv);

    private static string Ratio(double? mine, double? theirs) =>
        mine is { } a && theirs is { } b && b > 0 ? (a / b).ToString("F2", Inv) + "×" : "–";

    private static string Short(string contender) => contender.Split(' ')[0];

    private static string Versions(IReadOnlyList<ContenderRun> runs) =>
        string.Join(", ", runs.Where(r => r.Output is not null)
            .Select(r => $"{r.Output!["library"]} {r.Output["version"]}").Distinct());

    private static string PeakMemory(IReadOnlyList<ContenderRun> runs) =>
        string.Join(", ", runs.Where(r => r.Output?["peak_rss_mib"] is not null)
            .GroupBy(r => r.Contender)
            .Select(g =>
            {
                var values = g.Select(r => r.Output!["peak_rss_mib"]!.GetValue<double>()).Order().ToArray();
                return string.Create(Inv, $"{g.Key} {values[values.Length / 2]:F0}");
            }));
}
