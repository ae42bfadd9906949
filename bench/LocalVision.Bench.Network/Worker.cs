using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Network;

namespace LocalVision.Bench.Network;

/// <summary>
/// Our contender, one process per round: loads the plan's graphs from the exported files (the same ones the Python
/// contenders read), times each algorithm and prints one JSON object on stdout, the format compare_network.py prints.
/// The thread count is the runtime's processor count, which the driver sets with DOTNET_PROCESSOR_COUNT; every parallel
/// loop of the algorithms takes its degree from it (SourceParallel.MaxDegreeOfParallelism).
/// </summary>
public static class Worker
{
    public static int Run(string planPath, IReadOnlyCollection<string> graphNames)
    {
        var plan = BenchPlan.Read(planPath);
        var output = new JsonObject
        {
            ["library"] = "ours",
            ["version"] = $".NET {Environment.Version}",
            ["threads"] = Environment.ProcessorCount,
        };
        var graphs = new JsonObject();
        foreach (var graph in plan.Graphs.Where(g => graphNames.Count == 0 || graphNames.Contains(g.Name)))
        {
            var projection = BenchGraphFiles.Read(graph);
            WarmUp(projection, graph.Source);
            graphs[graph.Name] = TimeAll(plan, graph, projection);
        }
        output["graphs"] = graphs;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        output["peak_rss_mib"] = Math.Round(self.PeakWorkingSet64 / (1024.0 * 1024), 1);
        Console.WriteLine(output.ToJsonString());
        return 0;
    }

    /// <summary>Compiles every algorithm on a small piece of the graph, so that no timed run pays for the JIT.</summary>
    private static void WarmUp(NetworkProjection projection, int source)
    {
        var piece = EgoNetwork.Expand(projection, source, int.MaxValue, limit: Math.Min(500, projection.NodeCount), includeRelationships: false).Nodes;
        var small = projection.Induced(piece.ToArray());
        _ = NetworkPaths.HopDistances(small, 0);
        _ = EgoNetwork.Expand(small, 0, 3, includeRelationships: false);
        _ = NetworkPaths.WeightedDistances(small, 0);
        _ = Centrality.PageRank(small, weighted: false);
        _ = Communities.Louvain(small, weighted: false);
        _ = Communities.WeaklyConnectedComponents(small);
        _ = Centrality.Betweenness(small, weighted: false);
        _ = Centrality.SampledBetweenness(small, 10, 1, weighted: false);
    }

    private static JsonObject TimeAll(BenchPlan plan, BenchGraph graph, NetworkProjection projection)
    {
        var results = new JsonObject();
        var n = projection.NodeCount;
        var source = graph.Source;
        foreach (var algorithm in plan.Algorithms)
        {
            var repeats = graph.Once.Contains(algorithm) ? 1 : plan.Repeats;
            JsonObject? entry = algorithm switch
            {
                "bfs" => Time(repeats, () => NetworkPaths.HopDistances(projection, source), d =>
                    Check(string.Create(CultureInfo.InvariantCulture, $"reached={d.Count(x => x >= 0)} hops={d.Where(x => x >= 0).Sum(x => (long)x)}"))),
                "khop" => Time(repeats, () => EgoNetwork.Expand(projection, source, 3, includeRelationships: false), ego =>
                    Check(string.Create(CultureInfo.InvariantCulture, $"nodes={ego.Nodes.Count}"))),
                "dijkstra" => Time(repeats, () => NetworkPaths.WeightedDistances(projection, source), d =>
                    Check(string.Create(CultureInfo.InvariantCulture, $"reached={d.Count(double.IsFinite)} sum={d.Where(double.IsFinite).Sum():F0}"))),
                "pagerank" => Time(repeats,
                    () => Centrality.PageRank(projection, plan.Damping, plan.PageRankMaxIterations, plan.PageRankTolerance / n, weighted: false),
                    r => PageRankEntry(r)),
                "louvain" => Time(repeats, () => Communities.Louvain(projection, plan.LouvainSeed, weighted: false), c =>
                    new JsonObject { ["modularity"] = c.Modularity, ["communities"] = c.Count }),
                "components" => Time(repeats, () => Communities.WeaklyConnectedComponents(projection), c =>
                    Check(string.Create(CultureInfo.InvariantCulture, $"count={c.Count} largest={c.Members().Max(m => m.Count)}"))),
                "betweenness_exact" when graph.ExactBetweenness => Time(repeats, () => Centrality.Betweenness(projection, normalized: true, weighted: false),
                    b => Check(MaxAt(b))),
                "betweenness_sampled" => Time(repeats,
                    () => Centrality.SampledBetweenness(projection, graph.Pivots, graph.PivotSeed, normalized: true, weighted: false),
                    s => SampledEntry(graph, s)),
                _ => null,
            };
            if (entry is not null)
            {
                results[algorithm] = entry;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  ours {graph.Name,-9} {algorithm,-20} {entry["seconds"]!.GetValue<double>(),9:F4} s"));
            }
        }
        return results;
    }

    private static JsonObject PageRankEntry(PageRankResult result)
    {
        var top = Enumerable.Range(0, result.Scores.Length).OrderByDescending(v => result.Scores[v]).ThenBy(v => v).Take(10).ToArray();
        return new JsonObject
        {
            ["iterations"] = result.Iterations,
            ["converged"] = result.Converged,
            ["top10"] = new JsonArray(top.Select(v => (JsonNode)v).ToArray()),
            ["max"] = result.Scores.Max(),
        };
    }

    private static JsonObject SampledEntry(BenchGraph graph, SampledBetweenness result)
    {
        var expected = BenchGraphFiles.ReadInts(graph.PivotsFile);
        if (!result.Pivots.SequenceEqual(expected))
        {
            throw new InvalidOperationException($"our sampled betweenness drew other pivots than {graph.PivotsFile}; the Python side would do other work");
        }
        return Check(MaxAt(result.Scores));
    }

    /// <summary>The largest score and the first node that has it: a check every library's output can be put in.</summary>
    private static string MaxAt(double[] scores)
    {
        var best = 0;
        for (var v = 1; v < scores.Length; v++)
        {
            if (scores[v] > scores[best])
            {
                best = v;
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"max={scores[best]:F6} at={best}");
    }

    private static JsonObject Check(string check) => new() { ["check"] = check };

    /// <summary>The best of <paramref name="repeats"/> runs, all of them listed, and what the last run found.</summary>
    private static JsonObject Time<T>(int repeats, Func<T> run, Func<T, JsonObject> describe)
    {
        var runs = new JsonArray();
        var best = double.MaxValue;
        T result = default!;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            result = run();
            var seconds = clock.Elapsed.TotalSeconds;
            best = Math.Min(best, seconds);
            runs.Add(seconds);
        }
        var entry = describe(result);
        entry["seconds"] = best;
        entry["runs"] = runs;
        return entry;
    }
}
