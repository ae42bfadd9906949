using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LocalVision.Graph.Network;

namespace LocalVision.Bench.Network;

/// <summary>One graph every contender loads: its files, its source node and the sampled-betweenness pivots.</summary>
/// <param name="Once">Algorithms timed once on this graph (the others take the best of <see cref="BenchPlan.Repeats"/>).</param>
public sealed record BenchGraph(
    string Name, int Nodes, int Edges, int Source, string EdgesFile, string WeightsFile, string PivotsFile, int Pivots, int PivotSeed,
    bool ExactBetweenness, IReadOnlyList<string> Once);

/// <summary>
/// What every contender does, written once by the driver as <c>plan.json</c> and read by each worker process, ours and
/// the Python ones alike, so that the parameters cannot drift apart.
/// </summary>
/// <param name="PageRankTolerance">Total L1 change of the scores below which PageRank stops (the service's default rule).</param>
public sealed record BenchPlan(
    IReadOnlyList<BenchGraph> Graphs, IReadOnlyList<string> Algorithms, int Repeats, double Damping, double PageRankTolerance,
    int PageRankMaxIterations, int LouvainSeed)
{
    public static readonly IReadOnlyList<string> AllAlgorithms =
        ["bfs", "khop", "dijkstra", "pagerank", "louvain", "components", "betweenness_exact", "betweenness_sampled"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static BenchPlan Read(string path) =>
        JsonSerializer.Deserialize<BenchPlan>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no plan");
}

/// <summary>
/// The graph files: int32 (start, end) pairs and float64 costs, little-endian, one edge per pair of distinct nodes with
/// the cost of its cheapest relationship, which is what our default <see cref="MultiEdges.Merge"/> makes of the
/// relationships. Every contender loads the same merged edges, so no library merges (or fails to merge) on its own.
/// </summary>
public static class BenchGraphFiles
{
    /// <summary>Writes the projection's ties (each once, from the lower node) and the pivots; returns the graph entry.</summary>
    public static BenchGraph Write(
        string folder, string name, NetworkProjection projection, int source, int pivots, int pivotSeed, bool exactBetweenness, IReadOnlyList<string> once)
    {
        var edges = Path.Combine(folder, $"{name}.edges.i32");
        var weights = Path.Combine(folder, $"{name}.weights.f64");
        var count = 0;
        using (var edgeWriter = new BinaryWriter(File.Create(edges, 1 << 20)))
        using (var weightWriter = new BinaryWriter(File.Create(weights, 1 << 20)))
        {
            for (var u = 0; u < projection.NodeCount; u++)
            {
                var neighbours = projection.Neighbors(u);
                var costs = projection.ArcWeights(u);
                for (var a = 0; a < neighbours.Length; a++)
                {
                    if (neighbours[a] > u)
                    {
                        edgeWriter.Write(u);
                        edgeWriter.Write(neighbours[a]);
                        weightWriter.Write(costs[a]);
                        count++;
                    }
                }
            }
        }
        var pivotFile = Path.Combine(folder, $"{name}.pivots.i32");
        using (var writer = new BinaryWriter(File.Create(pivotFile)))
        {
            foreach (var p in PivotsOf(projection.NodeCount, pivots, pivotSeed))
            {
                writer.Write(p);
            }
        }
        return new BenchGraph(name, projection.NodeCount, count, source, edges, weights, pivotFile, Math.Min(pivots, projection.NodeCount), pivotSeed,
            exactBetweenness, once);
    }

    /// <summary>
    /// The sources <see cref="Centrality.SampledBetweenness"/> draws for this seed (the same partial Fisher–Yates
    /// shuffle, sorted), so that the Python contenders run Brandes from exactly the same sources; our worker checks
    /// that its own draw matches.
    /// </summary>
    public static int[] PivotsOf(int nodeCount, int pivots, int seed)
    {
        pivots = Math.Min(pivots, nodeCount);
        var sources = Enumerable.Range(0, nodeCount).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < pivots; i++)
        {
            var j = random.Next(i, nodeCount);
            (sources[i], sources[j]) = (sources[j], sources[i]);
        }
        var chosen = sources[..pivots];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Loads a graph as our worker sees it: an undirected, weighted projection with the default MERGE.</summary>
    public static NetworkProjection Read(BenchGraph graph)
    {
        var pairs = ReadInts(graph.EdgesFile);
        var m = pairs.Length / 2;
        var starts = new int[m];
        var ends = new int[m];
        for (var r = 0; r < m; r++)
        {
            starts[r] = pairs[2 * r];
            ends[r] = pairs[(2 * r) + 1];
        }
        var bytes = File.ReadAllBytes(graph.WeightsFile);
        var weights = new double[bytes.Length / sizeof(double)];
        Buffer.BlockCopy(bytes, 0, weights, 0, bytes.Length);
        var names = new string[graph.Nodes];
        for (var v = 0; v < names.Length; v++)
        {
            names[v] = v.ToString(CultureInfo.InvariantCulture);
        }
        return NetworkProjection.FromArrays(names, new byte[graph.Nodes], ["Node"], null, [], starts, ends, new byte[m], ["TIE"], weights,
            ProjectionDirection.Undirected);
    }

    public static int[] ReadInts(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new int[bytes.Length / sizeof(int)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
