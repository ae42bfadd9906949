using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using LocalVision.Testing.Hosting;
using LocalVision.V1;

namespace LocalVision.Bench.Server;

/// <summary>
/// The end-to-end network bench: imports a generated partner network into a SQLite store through ImportGraph, starts
/// the server as its own process on that store, and times every NetworkService call, cold (the first call for a
/// projection: includes its build) and warm, with the server's peak memory and the projection cache's size.
/// </summary>
public static class NetworkRun
{
    private static readonly string[] Partners = ["Partner"];

    public sealed record Call(string Rpc, string Variant, string Phase, double Seconds, string Status, long Builds, string Result);

    /// <summary>
    /// What to run: the generated network's size, every RPC or the cold builds only (or DetectCommunities only), and the
    /// first of four ports (null: free ones), or with <paramref name="WebPort"/> the two ports every server uses in turn.
    /// </summary>
    public sealed record Setup(string Folder, int Partners, int Ties, bool EveryRpc, int? Port, int? WebPort = null, bool CommunitiesOnly = false, double? Budget = null);

    public static async Task<int> RunAsync(Setup setup, TextWriter log)
    {
        var (folder, partners, ties, everyRpc, _, _, _, _) = setup;
        var store = Path.Combine(folder, $"network-{partners}-{ties}.db");
        var imported = store + ".imported";
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:u}; load average at start {LoadAverages()}; the server's budget for expensive calls {setup.Budget ?? 30} s{(setup.Budget is null ? " (its default)" : "")}");

        if (File.Exists(imported))
        {
            text.AppendLine(inv, $"- import: reused {store} ({File.ReadAllText(imported).Trim()})");
            log.WriteLine(text.ToString());
        }
        else
        {
            foreach (var stale in Directory.GetFiles(folder, Path.GetFileName(store) + "*"))
            {
                File.Delete(stale);
            }
            await using var importer = await Start(setup, 0, store);
            var clock = Stopwatch.StartNew();
            var written = await ImportAsync(new GraphService.GraphServiceClient(importer.Channel), partners, ties, log);
            var importSeconds = clock.Elapsed.TotalSeconds;
            text.AppendLine(inv, $"- import (ImportGraph stream, batches of 10,000, into a new SQLite store): {written.Nodes:N0} nodes + {written.Relationships:N0} relationships in {importSeconds:F1} s "
                + $"= {(written.Nodes + written.Relationships) / importSeconds:N0} records/s; importer VmHWM {Mib(importer.PeakBytes())} MiB; load average {LoadAverages()}");
            log.WriteLine(text.ToString());
            await File.WriteAllTextAsync(imported, $"{written.Nodes:N0} nodes + {written.Relationships:N0} relationships imported in {importSeconds:F1} s on {DateTime.UtcNow:u}");
        }

        var calls = new List<Call>();
        // Opening a store checks it whole (SQLite's quick_check, every relationship's ends, every property document), so
        // the time to a first healthy answer grows with the store; it is logged beside the calls.
        var opening = Stopwatch.StartNew();
        await using var server = await Start(setup, 2, store);
        log.WriteLine($"- server healthy on the store {opening.Elapsed.TotalSeconds:F1} s after it was launched; load average {LoadAverages()}");
        var network = new NetworkService.NetworkServiceClient(server.Channel);
        var admin = new AdminService.AdminServiceClient(server.Channel);
        var stats = new List<string>();
        async Task<long> Misses() => (await admin.GetServerStatsAsync(new GetServerStatsRequest())).ProjectionCache.Misses;
        async Task Time(string rpc, string variant, Func<Task<string>> run, int times = 2)
        {
            if (setup.CommunitiesOnly && rpc != "DetectCommunities")
            {
                return;
            }
            for (var i = 0; i < times; i++)
            {
                var before = await Misses();
                var clock = Stopwatch.StartNew();
                var (status, result) = await Outcome(run, 90);
                var seconds = clock.Elapsed.TotalSeconds;
                var builds = await Misses() - before;
                var call = new Call(rpc, variant, i == 0 ? "first" : "again", seconds, status, builds, result);
                calls.Add(call);
                log.WriteLine($"  {rpc,-18} {variant,-34} {call.Phase,-5} {seconds,8:F3} s  {status,-18} builds {builds}  {result}  (load {Load()})");
                if (builds > 0)
                {
                    var cache = (await admin.GetServerStatsAsync(new GetServerStatsRequest())).ProjectionCache;
                    stats.Add($"after {rpc} {variant}: {cache.Entries} projections, {Mib(cache.SizeBytes)} MiB (bound {Mib(cache.CapacityBytes)} MiB); server VmHWM {Mib(server.PeakBytes())} MiB");
                }
            }
        }

        // The client waits past the server's budget, so that a call over it shows as the server's RESOURCE_EXHAUSTED.
        var deadline = TimeSpan.FromSeconds(Math.Max(120, (setup.Budget ?? 30) + 60));
        DateTime Deadline() => DateTime.UtcNow + deadline;
        var last = $"partners/p{partners - 1}";
        var middle = $"partners/p{partners / 2}";

        // The first call builds the labelled projection; the same call unfiltered builds the unfiltered one.
        await Time("ComputeCentrality", "DEGREE labels=Partner", () => Scores(network.ComputeCentrality(
            new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Degree, Labels = { Partners }, Top = 10 }, deadline: Deadline())));
        await Time("ComputeCentrality", "DEGREE unfiltered", () => Scores(network.ComputeCentrality(
            new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Degree, Top = 10 }, deadline: Deadline())));
        await Time("ComputeCentrality", "DEGREE labels=Partner,Initiative", () => Scores(network.ComputeCentrality(
            new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Degree, Labels = { "Partner", "Initiative" }, Top = 10 }, deadline: Deadline())));
        await Time("FindPaths", "p0→p(n/2) hops labels=Partner", async () => Paths(await network.FindPathsAsync(
            new FindPathsRequest { From = "partners/p0", To = middle, Labels = { Partners } }, deadline: Deadline())));
        if (everyRpc)
        {
            await Time("FindPaths", "p0→p(n-1) k=3 cost labels=Partner", async () => Paths(await network.FindPathsAsync(
                new FindPathsRequest { From = "partners/p0", To = last, K = 3, WeightProperty = "cost", Labels = { Partners } }, deadline: Deadline())));
            await Time("GetEgoNetwork", "p0 depth 2 labels=Partner", async () =>
            {
                var ego = await network.GetEgoNetworkAsync(new GetEgoNetworkRequest { Name = "partners/p0", Depth = 2, Labels = { Partners } }, deadline: Deadline());
                return $"{ego.Nodes.Count:N0} nodes, {ego.Relationships.Count:N0} relationships";
            });
            foreach (var (algorithm, sample) in new[]
            {
                (CentralityAlgorithm.Pagerank, 0), (CentralityAlgorithm.Betweenness, 32), (CentralityAlgorithm.Brokerage, 0),
                (CentralityAlgorithm.Harmonic, 0), (CentralityAlgorithm.Closeness, 0), (CentralityAlgorithm.Betweenness, 0),
                (CentralityAlgorithm.Brokerage, 64), (CentralityAlgorithm.Harmonic, 64), (CentralityAlgorithm.Closeness, 64),
            })
            {
                var request = new ComputeCentralityRequest { Algorithm = algorithm, Labels = { Partners }, Top = 10, SampleSize = sample, Seed = 1 };
                await Time("ComputeCentrality", $"{algorithm.ToString().ToUpperInvariant()}{(sample > 0 ? $" sample {sample}" : "")} labels=Partner",
                    () => Scores(network.ComputeCentrality(request, deadline: Deadline())), times: algorithm == CentralityAlgorithm.Betweenness && sample == 0 ? 1 : 2);
            }
            // Every page of the answer, as a client must read it: the first page's time (it detects), the pages, the largest.
            foreach (var algorithm in new[] { CommunityAlgorithm.Wcc, CommunityAlgorithm.LabelPropagation, CommunityAlgorithm.Louvain })
            {
                await Time("DetectCommunities", $"{algorithm.ToString().ToUpperInvariant()} labels=Partner, every page", async () =>
                {
                    var request = new DetectCommunitiesRequest { Algorithm = algorithm, Labels = { Partners } };
                    var (pages, largestPage, largest, firstPage) = (0, 0, 0, 0.0);
                    var clock = Stopwatch.StartNew();
                    DetectCommunitiesResponse page;
                    do
                    {
                        page = await network.DetectCommunitiesAsync(request, deadline: Deadline());
                        firstPage = pages == 0 ? clock.Elapsed.TotalSeconds : firstPage;
                        (pages, largestPage) = (pages + 1, Math.Max(largestPage, page.CalculateSize()));
                        largest = Math.Max(largest, page.Communities.Count == 0 ? 0 : page.Communities.Max(c => c.Size));
                        request.PageToken = page.NextPageToken;
                    }
                    while (request.PageToken.Length > 0);
                    return string.Create(CultureInfo.InvariantCulture,
                        $"{page.CommunityCount:N0} communities (largest {largest:N0}), Q={page.Modularity:F4}; {pages:N0} pages, the first {firstPage:F3} s, largest {largestPage / 1024.0:N0} KiB");
                });
            }
            await Time("GetNetworkMetrics", "whole graph labels=Partner", async () => Metrics((await network.GetNetworkMetricsAsync(
                new GetNetworkMetricsRequest { Labels = { Partners } }, deadline: Deadline())).Metrics));
            await Time("SimulateRemoval", "remove p0 labels=Partner", async () =>
            {
                var r = await network.SimulateRemovalAsync(new SimulateRemovalRequest { Remove = "partners/p0", Labels = { Partners } }, deadline: Deadline());
                return $"after: {Metrics(r.After)}; {r.Disconnected.Count} disconnected";
            });
            await Time("GetNetworkMetrics", "whole graph sample 64 labels=Partner", async () => Metrics((await network.GetNetworkMetricsAsync(
                new GetNetworkMetricsRequest { Labels = { Partners }, SampleSize = 64, Seed = 1 }, deadline: Deadline())).Metrics));
            await Time("SimulateRemoval", "remove p0 sample 64 labels=Partner", async () =>
            {
                var r = await network.SimulateRemovalAsync(new SimulateRemovalRequest { Remove = "partners/p0", Labels = { Partners }, SampleSize = 64, Seed = 1 }, deadline: Deadline());
                return $"after: {Metrics(r.After)}; {r.Disconnected.Count} disconnected";
            });
        }

        var cacheNow = (await admin.GetServerStatsAsync(new GetServerStatsRequest())).ProjectionCache;
        text.AppendLine(inv, $"- server: its own process on the store; peak memory VmHWM {Mib(server.PeakBytes())} MiB; projection cache at the end: {cacheNow.Entries} projections, "
            + $"{Mib(cacheNow.SizeBytes)} MiB (bound {Mib(cacheNow.CapacityBytes)} MiB), {cacheNow.Hits} hits, {cacheNow.Misses} builds; load average at end {LoadAverages()}");
        foreach (var line in stats)
        {
            text.AppendLine(inv, $"- {line}");
        }
        text.AppendLine();
        text.AppendLine("| RPC | variant | call | seconds | status | projection builds | result |");
        text.AppendLine("| --- | --- | --- | ---: | --- | ---: | --- |");
        foreach (var c in calls)
        {
            text.AppendLine(inv, $"| {c.Rpc} | {c.Variant} | {c.Phase} | {c.Seconds:F3} | {c.Status} | {c.Builds} | {c.Result.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
        log.WriteLine();
        log.WriteLine(text.ToString());
        return 0;
    }

    /// <summary>
    /// The server as its own process; with a port range, gRPC on first + offset and the web endpoint on the next port;
    /// with a web port given, gRPC on the port and the web endpoint on the web port whatever the offset.
    /// </summary>
    private static Task<ServerProcess> Start(Setup setup, int offset, string store)
    {
        string[] quiet = setup.Budget is { } budget
            ? ["--Logging:LogLevel:Default=Warning", string.Create(CultureInfo.InvariantCulture, $"--LocalVision:Limits:ExpensiveCallSeconds={budget}")]
            : ["--Logging:LogLevel:Default=Warning"];
        return setup switch
        {
            { Port: { } grpc, WebPort: { } web } => ServerProcess.StartAsync(grpc, store, [.. quiet, "--web-port", web.ToString(CultureInfo.InvariantCulture)]),
            { Port: { } first } => ServerProcess.StartAsync(first + offset, store, [.. quiet, "--web-port", (first + offset + 1).ToString(CultureInfo.InvariantCulture)]),
            _ => ServerProcess.StartAsync(store, quiet),
        };
    }

    private static async Task<(long Nodes, long Relationships)> ImportAsync(GraphService.GraphServiceClient graph, int partners, int ties, TextWriter log)
    {
        var random = new Random(7);
        using var call = graph.ImportGraph();
        var batches = new ImportBatches(call.RequestStream, 10_000);
        string[] kinds = ["VOLUNTARY", "LOCAL_AUTHORITY", "BUSINESS", "COMMUNITY"];
        var initiatives = Math.Max(1, partners / 20);

        for (var i = 0; i < initiatives; i++)
        {
            await batches.AddAsync(ImportBatches.Initiative(i));
        }
        for (var i = 0; i < partners; i++)
        {
            await batches.AddAsync(ImportBatches.Partner(i, kinds[i % kinds.Length]));
        }
        // Partner ties: mostly to partners nearby in number (a local structure, like towns), some far; each with a cost 1..10.
        // A store holds one relationship per type, start and end, so a pair already drawn is drawn again; the reverse
        // direction may be drawn too (a tie recorded both ways, which the projection merges).
        var drawn = new HashSet<long>(ties);
        for (var r = 0; r < ties; r++)
        {
            var a = r % partners;
            int b;
            do
            {
                b = random.Next(10) < 8 ? (a + random.Next(1, 200)) % partners : random.Next(partners);
            }
            while (a == b || !drawn.Add((long)a * partners + b));
            await batches.AddAsync(new Relationship
            {
                Type = "COLLABORATES_WITH", Start = $"partners/p{a}", End = $"partners/p{b}",
                Properties = new Struct { Fields = { ["cost"] = Value.ForNumber(random.Next(1, 11)) } },
            });
            if (r % 1_000_000 == 0 && r > 0)
            {
                log.WriteLine($"  … {r:N0} ties");
            }
        }
        // Every partner takes part in one initiative: the ties a label filter on Partner leaves out.
        for (var p = 0; p < partners; p++)
        {
            await batches.AddAsync(new Relationship
            {
                Type = "PARTNER_IN", Start = $"partners/p{p}", End = $"initiatives/i{p % initiatives}",
                Properties = new Struct { Fields = { ["role"] = Value.ForString("MEMBER") } },
            });
        }
        await batches.FlushAsync();
        await call.RequestStream.CompleteAsync();
        var response = await call;
        return (response.NodesWritten, response.RelationshipsWritten);
    }

    /// <summary>A call's status ("OK" or the gRPC code) and its summary, or the error's detail cut to <paramref name="width"/> characters.</summary>
    internal static async Task<(string Status, string Result)> Outcome(Func<Task<string>> run, int width)
    {
        try
        {
            return ("OK", await run());
        }
        catch (RpcException e)
        {
            return (e.StatusCode.ToString(), e.Status.Detail.Length > width ? e.Status.Detail[..width] + "…" : e.Status.Detail);
        }
    }

    internal static async Task<string> Scores(AsyncServerStreamingCall<CentralityScore> call)
    {
        using (call)
        {
            var scores = new List<CentralityScore>();
            await foreach (var score in call.ResponseStream.ReadAllAsync())
            {
                scores.Add(score);
            }
            return scores.Count == 0 ? "no scores" : $"top {scores[0].Name} {scores[0].Score:G4}{(scores[0].StandardError > 0 ? $" ± {scores[0].StandardError:G2}" : "")}, {scores.Count} scores";
        }
    }

    private static string Paths(FindPathsResponse response) =>
        response.Paths.Count == 0 ? "no path" : $"{response.Paths.Count} paths, first {response.Paths[0].Relationships.Count} hops cost {response.Paths[0].Cost:G4}";

    internal static string Metrics(NetworkMetrics m) =>
        $"{m.Nodes:N0} nodes, {m.Edges:N0} ties, {m.Components} components, apl {m.AveragePathLength:F2}, diameter {m.Diameter}, clustering {m.AverageClustering:F4}";

    internal static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    internal static string LoadAverages() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture);
}
