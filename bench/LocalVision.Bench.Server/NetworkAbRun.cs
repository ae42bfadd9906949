using System.Diagnostics;
using System.Globalization;
using System.Text;
using LocalVision.Testing.Hosting;
using LocalVision.V1;

namespace LocalVision.Bench.Server;

/// <summary>
/// Two builds of the server side by side on one store: a baseline (another commit's build, by its
/// LocalVision.Server.dll) and this one. Each round starts each build as its own process in turn (the order
/// alternating round by round), makes the same calls through gRPC, and stops it, so both pay the same cold start and
/// projection build and neither inherits the other's cache. The summary gives each call's median per build and the
/// ratio this / baseline, with every round's ratio beside it. The store comes from an earlier <c>network</c> run.
/// </summary>
public static class NetworkAbRun
{
    private static readonly string[] Partners = ["Partner"];

    public sealed record Setup(string Folder, int Partners, int Ties, int Rounds, string BaselineDll, int Port);

    public static async Task<int> RunAsync(Setup setup, TextWriter log)
    {
        var store = Path.Combine(setup.Folder, $"network-{setup.Partners}-{setup.Ties}.db");
        if (!File.Exists(store + ".imported"))
        {
            await Console.Error.WriteLineAsync($"no imported store at {store}: run `network {setup.Partners} {setup.Ties} --cold-only --folder {setup.Folder}` first");
            return 2;
        }
        if (!File.Exists(setup.BaselineDll))
        {
            await Console.Error.WriteLineAsync($"no baseline build at {setup.BaselineDll}");
            return 2;
        }
        var builds = new[] { ("baseline", setup.BaselineDll), ("this build", ServerProcess.ThisBuild) };
        log.WriteLine($"- store {store}; baseline {setup.BaselineDll}; {setup.Rounds} rounds; load average at start {NetworkRun.LoadAverages()}");
        var seconds = new Dictionary<(string Build, string Call), List<double>>();
        var order = new List<string>();
        for (var round = 0; round < setup.Rounds; round++)
        {
            foreach (var (build, dll) in round % 2 == 0 ? builds : builds.Reverse())
            {
                var opening = Stopwatch.StartNew();
                await using var server = await ServerProcess.StartBuildAsync(dll, setup.Port, store,
                    "--Logging:LogLevel:Default=Warning", "--web-port", (setup.Port + 1).ToString(CultureInfo.InvariantCulture));
                Record(build, "server healthy after launch", opening.Elapsed.TotalSeconds, "OK", "", round);
                var network = new NetworkService.NetworkServiceClient(server.Channel);
                foreach (var (call, run) in Calls(network))
                {
                    var clock = Stopwatch.StartNew();
                    var (status, result) = await NetworkRun.Outcome(run, 80);
                    Record(build, call, clock.Elapsed.TotalSeconds, status, result, round);
                }
            }
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"- load average at end {NetworkRun.LoadAverages()}");
        text.AppendLine();
        text.AppendLine("| call | baseline median s | this build median s | this / baseline | per round |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var call in order)
        {
            var (a, b) = (seconds[("baseline", call)], seconds[("this build", call)]);
            var rounds = string.Join(", ", a.Zip(b, (x, y) => (y / x).ToString("F2", CultureInfo.InvariantCulture)));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {call} | {Median(a):F3} | {Median(b):F3} | {Median(b) / Median(a):F2} | {rounds} |");
        }
        log.WriteLine();
        log.WriteLine(text.ToString());
        return 0;

        void Record(string build, string call, double s, string status, string result, int round)
        {
            if (!seconds.TryGetValue((build, call), out var list))
            {
                seconds[(build, call)] = list = [];
                if (!order.Contains(call))
                {
                    order.Add(call);
                }
            }
            list.Add(s);
            log.WriteLine($"  round {round + 1} {build,-10} {call,-40} {s,8:F3} s  {status,-18} {result}  (load {NetworkRun.Load()})");
        }
    }

    /// <summary>The calls each build makes in each round, in order: the first builds the projection the rest use.</summary>
    private static IEnumerable<(string Call, Func<Task<string>> Run)> Calls(NetworkService.NetworkServiceClient network)
    {
        DateTime Deadline() => DateTime.UtcNow.AddSeconds(120);
        ComputeCentralityRequest Centrality(CentralityAlgorithm algorithm, int sample) =>
            new() { Algorithm = algorithm, Labels = { Partners }, Top = 10, SampleSize = sample, Seed = 1 };
        yield return ("DEGREE (builds the projection)", () => NetworkRun.Scores(network.ComputeCentrality(Centrality(CentralityAlgorithm.Degree, 0), deadline: Deadline())));
        yield return ("DEGREE again", () => NetworkRun.Scores(network.ComputeCentrality(Centrality(CentralityAlgorithm.Degree, 0), deadline: Deadline())));
        foreach (var (algorithm, sample) in new[]
        {
            (CentralityAlgorithm.Pagerank, 0), (CentralityAlgorithm.Betweenness, 32), (CentralityAlgorithm.Brokerage, 64),
            (CentralityAlgorithm.Harmonic, 64), (CentralityAlgorithm.Closeness, 64),
        })
        {
            yield return ($"{algorithm.ToString().ToUpperInvariant()}{(sample > 0 ? $" sample {sample}" : "")}",
                () => NetworkRun.Scores(network.ComputeCentrality(Centrality(algorithm, sample), deadline: Deadline())));
        }
        foreach (var algorithm in new[] { CommunityAlgorithm.Wcc, CommunityAlgorithm.LabelPropagation, CommunityAlgorithm.Louvain })
        {
            yield return ($"{algorithm.ToString().ToUpperInvariant()} first page (detects)", async () =>
            {
                var page = await network.DetectCommunitiesAsync(new DetectCommunitiesRequest { Algorithm = algorithm, Labels = { Partners } }, deadline: Deadline());
                return string.Create(CultureInfo.InvariantCulture, $"{page.CommunityCount:N0} communities, Q={page.Modularity:F4}");
            });
        }
        yield return ("GetNetworkMetrics sample 64", async () => NetworkRun.Metrics((await network.GetNetworkMetricsAsync(
            new GetNetworkMetricsRequest { Labels = { Partners }, SampleSize = 64, Seed = 1 }, deadline: Deadline())).Metrics));
        yield return ("SimulateRemoval p0 sample 64", async () =>
        {
            var r = await network.SimulateRemovalAsync(new SimulateRemovalRequest { Remove = "partners/p0", Labels = { Partners }, SampleSize = 64, Seed = 1 }, deadline: Deadline());
            return $"{r.Disconnected.Count} disconnected";
        });
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
