using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.V1;

namespace LocalVision.Bench.Load;

/// <summary>
/// The mix the callers send, the "reads, evaluations, traversals, small writes": mostly reads, some
/// traversals and rule evaluations, a few small writes (updates of a fixed set of nodes, so the store does not grow).
/// </summary>
public sealed class MixedLoad(LoadClients clients, LoadTargets targets)
{
    private const int WritableNodes = 64;

    public static IReadOnlyList<string> Kinds { get; } = ["GetNode", "ListNodes", "GetNeighborhood", "FindPaths", "EvaluateInitiative", "UpsertNodes"];

    /// <summary>Twenty calls in the order they repeat: 8 GetNode, 3 ListNodes, 3 GetNeighborhood, 2 FindPaths, 2 EvaluateInitiative, 2 UpsertNodes.</summary>
    private static readonly int[] Schedule = [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 1, 0, 2, 0, 3, 1, 4, 2, 5];

    public static string Description => "40% GetNode, 15% ListNodes (filtered, 50 a page), 15% GetNeighborhood (depth 2), 10% FindPaths (partner to partner), "
        + "10% EvaluateInitiative (the NRules rule set over one project), 10% UpsertNodes (1 node)";

    /// <summary>Which of <see cref="Kinds"/> call number <paramref name="i"/> is.</summary>
    public static int KindOf(long i) => Schedule[i % Schedule.Length];

    public Task CallAsync(long i, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var options = new CallOptions(deadline: deadline, cancellationToken: cancellationToken);
        return KindOf(i) switch
        {
            0 => clients.Graph.GetNodeAsync(new GetNodeRequest { Name = Pick(targets.Names, i * 7919) }, options).ResponseAsync,
            1 => clients.Graph.ListNodesAsync(new ListNodesRequest { Label = "Observation", Filter = "score >= 0.5", PageSize = 50 }, options).ResponseAsync,
            2 => clients.Graph.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = Pick(targets.Hubs, i), Depth = 2, Limit = 200 }, options).ResponseAsync,
            3 => clients.Network.FindPathsAsync(new FindPathsRequest { From = Pick(targets.Partners, i * 31), To = Pick(targets.Partners, i * 17 + 5), MaxDepth = 6 }, options).ResponseAsync,
            4 => clients.Evaluation.EvaluateInitiativeAsync(new EvaluateInitiativeRequest { Name = Pick(targets.Initiatives, i) }, options).ResponseAsync,
            _ => clients.Writer.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { Partner(i % WritableNodes, i) } }, options).ResponseAsync,
        };
    }

    private static string Pick(IReadOnlyList<string> names, long i) => names[(int)(i % names.Count)];

    private static Node Partner(long slot, long call) => new()
    {
        Name = $"partners/load-{slot}",
        Label = "Partner",
        DisplayName = $"Load partner {slot}",
        Properties = new Struct
        {
            Fields = { ["name"] = Value.ForString($"Load partner {slot}"), ["kind"] = Value.ForString("VOLUNTARY"), ["call"] = Value.ForNumber(call) },
        },
    };
}

/// <summary>The clients one load run calls through: reads with a reader key, writes with an evaluator key.</summary>
public sealed record LoadClients(GraphService.GraphServiceClient Graph, GraphService.GraphServiceClient Writer, NetworkService.NetworkServiceClient Network, EvaluationService.EvaluationServiceClient Evaluation);

/// <summary>The resource names calls pick from: all nodes, traversal hubs, partners, and Local Vision projects.</summary>
public sealed record LoadTargets(IReadOnlyList<string> Names, IReadOnlyList<string> Hubs, IReadOnlyList<string> Partners, IReadOnlyList<string> Initiatives);

/// <param name="ByKind">p50 and p99 of each kind of call in <see cref="MixedLoad.Kinds"/>.</param>
/// <param name="Lag">For an open loop, how late the generator sent calls after they were due (p50, p99): time the
/// latencies include that no server spent.</param>
public sealed record RunResult(string Phase, double TargetRate, long Calls, long Errors, double Seconds, double P50Ms, double P99Ms, IReadOnlyList<(double P50Ms, double P99Ms)> ByKind)
{
    public (double P50Ms, double P99Ms) Lag { get; init; } = (double.NaN, double.NaN);

    public double CallsPerSecond => Calls / Seconds;
}

/// <summary>Closed loop (callers wait for each answer: finds the saturating rate) and open loop (calls on a fixed schedule: holds a rate).</summary>
public static class LoadRunner
{
    public static async Task<RunResult> ClosedLoopAsync(string phase, int callers, TimeSpan duration, Func<long, CancellationToken, Task> call)
    {
        var latencies = new List<(int Kind, double Ms)>[callers];
        long errors = 0;
        long next = -1;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var mine = latencies[caller] = new List<(int Kind, double Ms)>(100_000);
            while (!stop.IsCancellationRequested)
            {
                // One shared sequence, so the calls made follow the mix exactly; a fixed stride per caller would
                // leave some callers only cheap calls and overstate the saturating rate of the mix.
                var i = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(i, CancellationToken.None);
                    mine.Add((MixedLoad.KindOf(i), Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return Summarise(phase, 0, latencies.SelectMany(l => l), errors, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Starts calls at <paramref name="rate"/> per second whether or not earlier ones have answered, and measures each
    /// from when it was due — so a stall shows in the latencies instead of quietly lowering the rate. A call that would
    /// exceed <paramref name="maxOutstanding"/> calls in flight is not sent and counts as an error: the rate was not held.
    /// </summary>
    public static async Task<RunResult> OpenLoopAsync(string phase, double rate, TimeSpan duration, Func<long, CancellationToken, Task> call, int maxOutstanding = 256)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<(int Kind, double Ms)>();
        long errors = 0;
        var outstanding = 0;
        var calls = new List<Task>();
        var lags = new List<double>();
        var start = Stopwatch.GetTimestamp();
        var total = (long)(rate * duration.TotalSeconds);
        for (long i = 0; i < total; i++)
        {
            var due = start + (long)(i / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            if (Volatile.Read(ref outstanding) >= maxOutstanding)
            {
                Interlocked.Increment(ref errors);
                continue;
            }
            Interlocked.Increment(ref outstanding);
            lags.Add(Math.Max(0, Stopwatch.GetElapsedTime(due).TotalMilliseconds));
            calls.Add(Measure(i, due));
        }
        await Task.WhenAll(calls);
        var sortedLags = lags.Order().ToArray();
        return Summarise(phase, rate, latencies, Interlocked.Read(ref errors), Stopwatch.GetElapsedTime(start).TotalSeconds)
            with { Lag = (Percentile(sortedLags, 0.50), Percentile(sortedLags, 0.99)) };

        async Task Measure(long n, long due)
        {
            try
            {
                await call(n, CancellationToken.None);
                latencies.Add((MixedLoad.KindOf(n), Stopwatch.GetElapsedTime(due).TotalMilliseconds));
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref errors);
            }
            finally
            {
                Interlocked.Decrement(ref outstanding);
            }
        }
    }

    private static RunResult Summarise(string phase, double rate, IEnumerable<(int Kind, double Ms)> latencies, long errors, double seconds)
    {
        var all = latencies.ToList();
        var sorted = all.Select(l => l.Ms).Order().ToArray();
        var byKind = Enumerable.Range(0, MixedLoad.Kinds.Count).Select(kind =>
        {
            var mine = all.Where(l => l.Kind == kind).Select(l => l.Ms).Order().ToArray();
            return (Percentile(mine, 0.50), Percentile(mine, 0.99));
        }).ToList();
        return new RunResult(phase, rate, sorted.Length, errors, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), byKind);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
