using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Bench.Network;
using LocalVision.Graph.Network;

// Usage: dotnet run -c Release --project bench/LocalVision.Bench.Network -- [--preset national|regional|county|tiny]
//        [--seed 1] [--subgraph 10000] [--python /usr/bin/python3] [--no-python] [--networkx-pivots 200] [--out DIR]
var options = BenchOptions.Parse(args);
var shape = GraphShape.Presets[options.Preset];
var output = Directory.CreateDirectory(options.Output).FullName;
Console.WriteLine($"preset {shape.Name}: {shape.Nodes:N0} nodes, {shape.Relationships:N0} relationships, seed {options.Seed}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var before = GC.GetTotalMemory(forceFullCollection: true);
var clock = Stopwatch.StartNew();
var (projection, arrays) = SyntheticGraph.Generate(shape, options.Seed);
var generated = clock.Elapsed;
var projectionBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
var afterBuild = Process.GetCurrentProcess();
afterBuild.Refresh();
Console.WriteLine($"generated and projected in {generated.TotalSeconds:F1} s; managed heap {Gib(projectionBytes)} GiB (projection with its arrays), " +
    $"peak working set {Gib(afterBuild.PeakWorkingSet64)} GiB");

// One source for the traversals: the first partner of the first locality (a typical, well-connected node).
var source = projection.IndexOf("partners/l0-p0");
var subNodes = EgoNetwork.Expand(projection, source, int.MaxValue, limit: options.Subgraph).Nodes;
var subgraph = Simple(projection.Induced(subNodes, out var mapping));
var subSource = mapping[source];
Console.WriteLine($"subgraph: the {subgraph.NodeCount:N0} nodes nearest {projection.NameOf(source)}, {subgraph.RelationshipCount:N0} relationships");

LoadAverage.AtStart = LoadAverage.Read();
var ours = new List<Measurement>();
// A first pass on a small piece of the subgraph compiles every algorithm before anything is timed.
var warmUp = subgraph.Induced(Enumerable.Range(0, Math.Min(1000, subgraph.NodeCount)).ToArray());
_ = Suite.Run(warmUp, 0, "warm-up", betweenness: true, repeats: 1).ToList();
ours.AddRange(Suite.Run(subgraph, subSource, "subgraph", betweenness: true, options.Repeats));
ours.AddRange(Suite.Run(projection, source, "full", betweenness: false, options.Repeats));
var peak = Process.GetCurrentProcess();
peak.Refresh();

LoadAverage.BeforePython = LoadAverage.Read();
JsonObject? python = null;
if (!options.NoPython)
{
    var files = Export.Write(output, "full", arrays.NodeCount, arrays.Starts, arrays.Ends, arrays.Weights);
    var subStarts = Enumerable.Range(0, subgraph.RelationshipCount).Select(subgraph.StartOf).ToArray();
    var subEnds = Enumerable.Range(0, subgraph.RelationshipCount).Select(subgraph.EndOf).ToArray();
    var subWeights = Enumerable.Range(0, subgraph.RelationshipCount).Select(subgraph.WeightOf).ToArray();
    var subFiles = Export.Write(output, "subgraph", subgraph.NodeCount, subStarts, subEnds, subWeights);
    python = PythonComparison.Run(options, files, subFiles, source, subSource);
}

LoadAverage.AtEnd = LoadAverage.Read();
var report = Report.Render(shape, options, projectionBytes, afterBuild.PeakWorkingSet64, peak.PeakWorkingSet64, projection, subgraph, ours, python);
Console.WriteLine();
Console.WriteLine(report);
var reportPath = Path.Combine(output, $"report-{shape.Name}.md");
File.WriteAllText(reportPath, report);
Console.WriteLine($"written to {reportPath}");
return 0;

// networkx holds at most one edge per pair, so the subgraph keeps the first relationship of each pair for every library.
static NetworkProjection Simple(NetworkProjection graph)
{
    var builder = new NetworkBuilder(ProjectionDirection.Undirected, weighted: true);
    for (var v = 0; v < graph.NodeCount; v++)
    {
        builder.AddNode(graph.NameOf(v), graph.LabelOf(v), graph.KindOf(v));
    }
    var pairs = new HashSet<(int, int)>();
    for (var r = 0; r < graph.RelationshipCount; r++)
    {
        var (a, b) = (graph.StartOf(r), graph.EndOf(r));
        if (a != b && pairs.Add((Math.Min(a, b), Math.Max(a, b))))
        {
            builder.AddRelationship(a, b, graph.Relationship(r).Type, graph.WeightOf(r));
        }
    }
    return builder.Build();
}

static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("F2", CultureInfo.InvariantCulture);

/// <summary>The 1-minute load average, to read timings from a shared machine with care.</summary>
internal static class LoadAverage
{
    public static string AtStart { get; set; } = "?";

    public static string BeforePython { get; set; } = "?";

    public static string AtEnd { get; set; } = "?";

    public static string Read() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions(string Preset, int Seed, int Subgraph, string Python, bool NoPython, int NetworkxPivots, int Repeats, string Output)
{
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions("county", 1, 10_000, "/usr/bin/python3", false, 200, 3, Path.Combine(Path.GetTempPath(), "localvision-bench-network"));
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--preset" => o with { Preset = Next() },
                "--seed" => o with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--subgraph" => o with { Subgraph = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--python" => o with { Python = Next() },
                "--no-python" => o with { NoPython = true },
                "--networkx-pivots" => o with { NetworkxPivots = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--repeats" => o with { Repeats = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => o with { Output = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}; see the usage line at the top of Program.cs"),
            };
        }
        if (!GraphShape.Presets.ContainsKey(o.Preset))
        {
            throw new ArgumentException($"unknown preset {o.Preset}; choose one of {string.Join(", ", GraphShape.Presets.Keys)}");
        }
        return o;
    }
}

/// <summary>One algorithm on one graph: the best of the timed runs, and how much work a second of it does.</summary>
internal sealed record Measurement(string Algorithm, string Graph, double Seconds, double Work, string WorkUnit, string Result);

/// <summary>The algorithms timed, with the same parameters the Python side uses.</summary>
internal static class Suite
{
    public static IEnumerable<Measurement> Run(NetworkProjection graph, int source, string name, bool betweenness, int repeats)
    {
        var m = (double)graph.RelationshipCount;
        yield return Time("bfs", name, repeats, m, "relationships/s", () =>
        {
            var d = NetworkPaths.HopDistances(graph, source);
            return $"{d.Count(x => x >= 0):N0} reached";
        });
        yield return Time("k-hop (k=3)", name, repeats, m, "relationships/s", () =>
        {
            var ego = EgoNetwork.Expand(graph, source, 3, includeRelationships: false);
            return $"{ego.Nodes.Count:N0} nodes";
        });
        yield return Time("dijkstra", name, repeats, m, "relationships/s", () =>
        {
            var d = NetworkPaths.WeightedDistances(graph, source);
            return $"max {d.Where(double.IsFinite).Max():F0}";
        });
        yield return Time("pagerank (20 it.)", name, repeats, 20 * m, "relationships/s", () =>
        {
            var r = Centrality.PageRank(graph, iterations: 20, tolerance: 0);
            return $"max {r.Scores.Max():E3}";
        });
        yield return Time("louvain", name, betweenness ? repeats : 1, m, "relationships/s", () =>
        {
            var c = Communities.Louvain(graph, seed: 1, weighted: false);
            return $"Q={c.Modularity:F4}, {c.Count:N0} communities";
        });
        if (betweenness)
        {
            yield return Time("betweenness (exact)", name, 1, (double)graph.NodeCount * m, "source·relationships/s", () =>
            {
                var b = Centrality.Betweenness(graph, weighted: false);
                return $"max {b.Max():F4}";
            });
        }
    }

    private static Measurement Time(string algorithm, string graph, int repeats, double work, string unit, Func<string> run)
    {
        var best = double.MaxValue;
        var result = "";
        for (var i = 0; i < Math.Max(1, repeats); i++)
        {
            var clock = Stopwatch.StartNew();
            result = run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        if (graph != "warm-up")
        {
            Console.WriteLine($"  ours  {graph,-9} {algorithm,-20} {best,9:F3} s  {result}");
        }
        return new Measurement(algorithm, graph, best, work / best, unit, result);
    }
}

/// <summary>Writes a graph for the Python side: int32 (start, end) pairs and float64 weights, little-endian.</summary>
internal static class Export
{
    public sealed record Files(string Edges, string Weights, int Nodes, int Relationships);

    public static Files Write(string folder, string name, int nodes, int[] starts, int[] ends, double[] weights)
    {
        var edges = Path.Combine(folder, $"{name}.edges.i32");
        var costs = Path.Combine(folder, $"{name}.weights.f64");
        using (var writer = new BinaryWriter(File.Create(edges, 1 << 20)))
        {
            for (var r = 0; r < starts.Length; r++)
            {
                writer.Write(starts[r]);
                writer.Write(ends[r]);
            }
        }
        using (var writer = new BinaryWriter(File.Create(costs, 1 << 20)))
        {
            foreach (var w in weights)
            {
                writer.Write(w);
            }
        }
        return new Files(edges, costs, nodes, starts.Length);
    }
}

/// <summary>Runs compare_network.py (igraph and networkx) on the exported graphs and reads its JSON.</summary>
internal static class PythonComparison
{
    public static JsonObject? Run(BenchOptions options, Export.Files full, Export.Files sub, int source, int subSource)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "compare_network.py");
        var start = new ProcessStartInfo(options.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            script,
            "--edges", full.Edges, "--weights", full.Weights, "--nodes", full.Nodes.ToString(CultureInfo.InvariantCulture),
            "--source", source.ToString(CultureInfo.InvariantCulture),
            "--sub-edges", sub.Edges, "--sub-weights", sub.Weights, "--sub-nodes", sub.Nodes.ToString(CultureInfo.InvariantCulture),
            "--sub-source", subSource.ToString(CultureInfo.InvariantCulture),
            "--repeats", options.Repeats.ToString(CultureInfo.InvariantCulture),
            "--networkx-pivots", options.NetworkxPivots.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }
        Console.WriteLine($"running {options.Python} compare_network.py ...");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {options.Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.Write(stderr.Result);
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"compare_network.py failed with exit code {process.ExitCode}; install the Debian packages with " +
                "`apt-get install -y python3-igraph python3-networkx` and run with --python /usr/bin/python3");
            return null;
        }
        return JsonNode.Parse(stdout)!.AsObject();
    }
}

/// <summary>The Markdown report: our times, theirs, and the ratios against the targets.</summary>
internal static class Report
{
    public static string Render(
        GraphShape shape, BenchOptions options, long projectionBytes, long peakAfterBuild, long peakOverall,
        NetworkProjection full, NetworkProjection sub, IReadOnlyList<Measurement> ours, JsonObject? python)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"# Network benchmark: preset `{shape.Name}` (seed {options.Seed})");
        text.AppendLine();
        text.AppendLine(inv, $"- full graph: {full.NodeCount:N0} nodes, {full.RelationshipCount:N0} relationships (undirected, costs 1..10)");
        text.AppendLine(inv, $"- subgraph: the {sub.NodeCount:N0} nodes nearest the source (breadth-first), {sub.RelationshipCount:N0} relationships (parallel ones merged, as networkx requires)");
        text.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; ours uses up to {Environment.ProcessorCount} threads for PageRank and betweenness");
        text.AppendLine(inv, $"- projection: {Mib(projectionBytes)} MiB managed (CSR out-arcs with weights and relationship ids, relationship arrays, names); " +
            $"peak working set {Mib(peakAfterBuild)} MiB after generating and projecting, {Mib(peakOverall)} MiB over the whole run (target: under 1536 MiB)");
        if (python?["versions"] is JsonObject versions)
        {
            text.AppendLine(inv, $"- python: {versions["python"]}, igraph {versions["igraph"]}, networkx {versions["networkx"]}");
        }
        text.AppendLine(inv, $"- times are the best of {options.Repeats} runs, except one run for Louvain on the full graph and for betweenness; graph loading is not timed on either side");
        text.AppendLine(inv, $"- the machine is shared: load average {LoadAverage.AtStart} when ours started, {LoadAverage.BeforePython} when Python started, {LoadAverage.AtEnd} at the end");
        text.AppendLine();
        text.AppendLine("| graph | algorithm | ours (s) | work/s | igraph (s) | ours/igraph (target ≤ 1.5) | networkx (s) | networkx/ours (target ≥ 10) | ours: result |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var m in ours)
        {
            var key = Key(m.Algorithm);
            var igraph = Seconds(python, "igraph", m.Graph, key);
            var networkx = Seconds(python, "networkx", m.Graph, key);
            text.AppendLine(inv,
                $"| {m.Graph} | {m.Algorithm} | {m.Seconds:F3} | {m.Work:E2} {m.WorkUnit} | {Format(igraph)} | {Ratio(m.Seconds, igraph)} | {Format(networkx)} | {Ratio(networkx, m.Seconds)} | {m.Result} |");
        }
        if (python?["notes"] is JsonArray notes)
        {
            text.AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine(inv, $"- {note}");
            }
        }
        if (python?["results"] is JsonObject results)
        {
            text.AppendLine();
            text.AppendLine("Python-side results (for checking that the same work was done):");
            text.AppendLine();
            foreach (var (name, value) in results)
            {
                text.AppendLine(inv, $"- {name}: {value}");
            }
        }
        return text.ToString();
    }

    private static string Key(string algorithm) => algorithm switch
    {
        "bfs" => "bfs",
        "k-hop (k=3)" => "khop",
        "dijkstra" => "dijkstra",
        "pagerank (20 it.)" => "pagerank",
        "louvain" => "louvain",
        _ => "betweenness",
    };

    private static double? Seconds(JsonObject? python, string library, string graph, string key) =>
        python?[library]?[graph]?[key]?.GetValue<double>();

    private static string Format(double? seconds) => seconds is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "–";

    private static string Ratio(double? a, double? b) =>
        a is { } x && b is { } y && y > 0 ? (x / y).ToString("F2", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture);
}
