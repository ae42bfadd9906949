using System.Diagnostics;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Network;
using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;

namespace LocalVision.Bench.Server;

/// <summary>
/// What a write between two network calls costs the projection cache (issue #15 point 3), in process on a generated
/// embedded store: a weighted Partner projection is built, then each round writes one tie (or one node of another
/// label) and times the cache bringing its projection up to date against a fresh build of the same projection.
/// </summary>
internal static class PatchRun
{
    public static async Task<int> RunAsync(string folder, int partners, int ties, int rounds, TextWriter output)
    {
        var path = Path.Combine(folder, $"patch-{partners}-{ties}.db");
        await using var store = SqliteGraphStore.Open(path);
        var random = new Random(15);
        var names = Enumerable.Range(0, partners).Select(i => $"partners/p{i:D6}").ToList();
        if ((await store.CountAsync(CancellationToken.None)).Relationships < ties)
        {
            var clock = Stopwatch.StartNew();
            await store.WriteAsync(new GraphBatch(names.Select(Partner).ToList(), []), WriteOptions.None, CancellationToken.None);
            var seen = new HashSet<(int, int)>();
            var relationships = new List<GraphRelationship>();
            while (seen.Count < ties)
            {
                var (a, b) = (random.Next(partners), random.Next(partners));
                if (a != b && seen.Add((Math.Min(a, b), Math.Max(a, b))))
                {
                    relationships.Add(Tie(names[Math.Min(a, b)], names[Math.Max(a, b)], random));
                }
            }
            foreach (var chunk in relationships.Chunk(10_000))
            {
                await store.WriteAsync(new GraphBatch([], chunk), WriteOptions.None, CancellationToken.None);
            }
            output.WriteLine($"store: {partners:N0} partners, {ties:N0} ties written in {clock.Elapsed.TotalSeconds:F1} s at {path}");
        }
        using var cache = new ProjectionCache(store);
        var spec = new ProjectionSpec(["Partner"], ["COLLABORATES_WITH"], WeightProperty: "strength");
        var first = await TimeAsync(() => cache.GetAsync(spec, CancellationToken.None));
        output.WriteLine($"first call (a build): {first.Seconds * 1000:F0} ms, {first.Projection.NodeCount:N0} nodes, {first.Projection.RelationshipCount:N0} ties; load {Load()}");
        output.WriteLine("| round | write | cache brings it up to date (ms) | fresh build (ms) | build / update | load |");
        output.WriteLine("| ---: | --- | ---: | ---: | ---: | --- |");
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var otherLabel = round % 4 == 0;
            var write = otherLabel
                ? new GraphBatch([new GraphNode($"localities/l{round}", "Locality", $"l{round}", new JsonObject { ["name"] = $"L{round}", ["laType"] = "UNITARY" })], [])
                : new GraphBatch([], [Tie(names[random.Next(partners)], names[random.Next(partners)], random)]);
            await store.WriteAsync(write, WriteOptions.None, CancellationToken.None);
            var updated = await TimeAsync(() => cache.GetAsync(spec, CancellationToken.None));
            var fresh = await TimeAsync(() => NetworkProjection.BuildAsync(store, spec, CancellationToken.None));
            if (updated.Projection.RelationshipCount != fresh.Projection.RelationshipCount)
            {
                throw new InvalidOperationException($"round {round}: the cache holds {updated.Projection.RelationshipCount} ties, a fresh build {fresh.Projection.RelationshipCount}");
            }
            var ratio = fresh.Seconds / updated.Seconds;
            ratios.Add(ratio);
            output.WriteLine($"| {round} | {(otherLabel ? "a Locality node" : "one tie")} | {updated.Seconds * 1000:F1} | {fresh.Seconds * 1000:F0} | {ratio:F0}× | {Load()} |");
        }
        ratios.Sort();
        output.WriteLine($"cache: {cache.Builds} builds, {cache.Patches} patches; median build / update {ratios[ratios.Count / 2]:F0}× over {rounds} rounds");
        return cache.Builds == 1 ? 0 : 1;
    }

    private static GraphNode Partner(string name) =>
        new(name, "Partner", name, new JsonObject { ["name"] = name, ["kind"] = "LOCAL_AUTHORITY" });

    private static GraphRelationship Tie(string start, string end, Random random) =>
        new("COLLABORATES_WITH", start, end, new JsonObject { ["strength"] = random.Next(1, 11) / 10.0 });

    private static async Task<(double Seconds, NetworkProjection Projection)> TimeAsync(Func<Task<NetworkProjection>> get)
    {
        var clock = Stopwatch.StartNew();
        var projection = await get();
        return (clock.Elapsed.TotalSeconds, projection);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";
}
