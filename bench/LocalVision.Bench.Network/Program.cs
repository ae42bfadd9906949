using System.Globalization;
using LocalVision.Bench.Network;

// Driver: dotnet run -c Release --project bench/LocalVision.Bench.Network -- [--preset regional|national|county|tiny]
//         [--rounds 3] [--repeats 3] [--seed 1] [--subgraph 10000] [--pivots 200] [--full-pivots 100]
//         [--libraries ours,igraph,graph-tool,networkx] [--algorithms bfs,khop,...] [--python /usr/bin/python3] [--out DIR]
// Worker (started by the driver, one process per round): --worker PLAN.json [--graphs subgraph,full]
if (args.Length > 0 && args[0] == "--worker")
{
    var graphs = args.Length > 3 && args[2] == "--graphs" ? args[3].Split(',') : [];
    return Worker.Run(args[1], graphs);
}
return Driver.Run(BenchOptions.Parse(args));

/// <summary>Command-line options of the driver.</summary>
public sealed record BenchOptions(
    string Preset, int Seed, int Subgraph, int Pivots, int FullPivots, int Rounds, int Repeats, string Python,
    IReadOnlyList<string> Libraries, IReadOnlyList<string> Algorithms, string Output)
{
    public static readonly IReadOnlyList<string> AllLibraries = ["ours", "igraph", "graph-tool", "networkx"];

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions("regional", 1, 10_000, 200, 100, 3, 3, "/usr/bin/python3", AllLibraries, BenchPlan.AllAlgorithms,
            Path.Combine(Path.GetTempPath(), "localvision-bench-network"));
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--preset" => o with { Preset = Next() },
                "--seed" => o with { Seed = Number() },
                "--subgraph" => o with { Subgraph = Number() },
                "--pivots" => o with { Pivots = Number() },
                "--full-pivots" => o with { FullPivots = Number() },
                "--rounds" => o with { Rounds = Number() },
                "--repeats" => o with { Repeats = Number() },
                "--python" => o with { Python = Next() },
                "--libraries" => o with { Libraries = List(Next(), AllLibraries, "library") },
                "--algorithms" => o with { Algorithms = List(Next(), BenchPlan.AllAlgorithms, "algorithm") },
                "--out" => o with { Output = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}; see the usage lines at the top of Program.cs"),
            };
        }
        if (!GraphShape.Presets.ContainsKey(o.Preset))
        {
            throw new ArgumentException($"unknown preset {o.Preset}; choose one of {string.Join(", ", GraphShape.Presets.Keys)}");
        }
        return o;
    }

    private static string[] List(string value, IReadOnlyList<string> known, string what)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = items.Where(x => !known.Contains(x)).ToArray();
        return unknown.Length == 0
            ? items
            : throw new ArgumentException($"unknown {what} {string.Join(", ", unknown)}; choose from {string.Join(", ", known)}");
    }
}
