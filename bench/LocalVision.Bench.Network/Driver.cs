using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LocalVision.Graph.Network;

namespace LocalVision.Bench.Network;

/// <summary>One contender's run in one round: who, with how many threads, the load before it started, and its JSON.</summary>
public sealed record ContenderRun(int Round, string Contender, string Threads, string LoadBefore, double WallSeconds, JsonObject? Output, string? Failure);

/// <summary>
/// Generates the graph, exports it once, then runs the contenders as separate processes in interleaved rounds
/// (ours, igraph, graph-tool, networkx, ours with all threads, graph-tool with all threads; then again), recording the
/// load average before each process, so that a busy spell on the shared machine falls on every contender alike.
/// </summary>
public static class Driver
{
    /// <summary>A contender in the round order: its name, its thread setting and the library flag.</summary>
    private sealed record Contender(string Name, string Library, string Threads);

    public static int Run(BenchOptions options)
    {
        var shape = GraphShape.Presets[options.Preset];
        var output = Directory.CreateDirectory(options.Output).FullName;
        Console.WriteLine($"preset {shape.Name}: {shape.Nodes:N0} nodes, {shape.Relationships:N0} relationships, seed {options.Seed}; " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var (projection, _) = SyntheticGraph.Generate(shape, options.Seed);
        var source = projection.IndexOf("partners/l0-p0");
        var plan = Export(options, output, projection, source);
        var planPath = Path.Combine(output, "plan.json");
        plan.Write(planPath);
        foreach (var graph in plan.Graphs)
        {
            Console.WriteLine($"{graph.Name}: {graph.Nodes:N0} nodes, {graph.Edges:N0} merged edges, source {graph.Source}, {graph.Pivots} pivots");
        }

        var contenders = Contenders(options);
        var runs = new List<ContenderRun>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var contender in contenders)
            {
                var run = RunOne(options, planPath, round, contender);
                runs.Add(run);
                Console.WriteLine($"round {round} {contender.Name,-16} load {run.LoadBefore,-16} {run.WallSeconds,7:F1} s{(run.Failure is null ? "" : "  FAILED: " + run.Failure)}");
            }
        }
        var raw = new JsonObject
        {
            ["preset"] = shape.Name,
            ["seed"] = options.Seed,
            ["runs"] = new JsonArray(runs.Select(r => (JsonNode)new JsonObject
            {
                ["round"] = r.Round,
                ["contender"] = r.Contender,
                ["threads"] = r.Threads,
                ["load_before"] = r.LoadBefore,
                ["wall_seconds"] = r.WallSeconds,
                ["failure"] = r.Failure,
                ["output"] = r.Output?.DeepClone(),
            }).ToArray()),
        };
        File.WriteAllText(Path.Combine(output, $"rounds-{shape.Name}.json"), raw.ToJsonString(new() { WriteIndented = true }));
        var report = RoundsReport.Render(shape, options, plan, runs);
        var reportPath = Path.Combine(output, $"report-{shape.Name}.md");
        File.WriteAllText(reportPath, report);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"written to {reportPath} (raw timings beside it)");
        return 0;
    }

    private static BenchPlan Export(BenchOptions options, string output, NetworkProjection projection, int source)
    {
        var graphs = new List<BenchGraph>();
        if (options.Subgraph > 0)
        {
            var nodes = EgoNetwork.Expand(projection, source, int.MaxValue, limit: options.Subgraph, includeRelationships: false).Nodes;
            var subgraph = projection.Induced(nodes, out var mapping);
            graphs.Add(BenchGraphFiles.Write(output, "subgraph", subgraph, mapping[source], options.Pivots, options.Seed, exactBetweenness: true,
                ["betweenness_exact", "betweenness_sampled"]));
        }
        graphs.Add(BenchGraphFiles.Write(output, "full", projection, source, options.FullPivots, options.Seed, exactBetweenness: false,
            ["louvain", "betweenness_sampled"]));
        return new BenchPlan(graphs, options.Algorithms, options.Repeats, Damping: 0.85,
            PageRankTolerance: CentralityOptions.DefaultPageRankTolerance, PageRankMaxIterations: 1000, LouvainSeed: 1);
    }

    private static List<Contender> Contenders(BenchOptions options)
    {
        var all = new List<Contender>
        {
            new("ours (1 thread)", "ours", "1"),
            new("igraph", "igraph", "1"),
            new("graph-tool (1)", "graph-tool", "1"),
            new("networkx", "networkx", "1"),
            new("ours (all)", "ours", "all"),
            new("graph-tool (all)", "graph-tool", "all"),
        };
        return all.Where(c => options.Libraries.Contains(c.Library)).ToList();
    }

    private static ContenderRun RunOne(BenchOptions options, string planPath, int round, Contender contender)
    {
        var start = contender.Library == "ours" ? Self() : new ProcessStartInfo(options.Python);
        if (contender.Library == "ours")
        {
            start.ArgumentList.Add("--worker");
            start.ArgumentList.Add(planPath);
            if (contender.Threads == "1")
            {
                // The runtime then reports one processor, and every parallel loop of ours takes its degree from that.
                start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
            }
        }
        else
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compare_network.py"));
            start.ArgumentList.Add("--library");
            start.ArgumentList.Add(contender.Library);
            start.ArgumentList.Add("--plan");
            start.ArgumentList.Add(planPath);
            start.ArgumentList.Add("--threads");
            start.ArgumentList.Add(contender.Threads);
            start.Environment["OMP_NUM_THREADS"] = contender.Threads == "1" ? "1" : Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
            if (contender.Library == "networkx")
            {
                // Pure Python: the full graph would take hours for betweenness and minutes for the rest.
                start.ArgumentList.Add("--graphs");
                start.ArgumentList.Add("subgraph");
            }
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var load = LoadAverage();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        Console.Error.Write(stderr.Result);
        if (process.ExitCode != 0)
        {
            return new ContenderRun(round, contender.Name, contender.Threads, load, wall, null, $"exit code {process.ExitCode}: {LastLine(stderr.Result)}");
        }
        return new ContenderRun(round, contender.Name, contender.Threads, load, wall, JsonNode.Parse(stdout)!.AsObject(), null);
    }

    /// <summary>This benchmark's own executable (the apphost), or the dotnet host with its assembly.</summary>
    private static ProcessStartInfo Self()
    {
        var path = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            var start = new ProcessStartInfo(path);
            start.ArgumentList.Add(typeof(Driver).Assembly.Location);
            return start;
        }
        return new ProcessStartInfo(path);
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n').LastOrDefault() ?? "";

    /// <summary>The 1-, 5- and 15-minute load averages, to read timings from a shared machine with care.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
