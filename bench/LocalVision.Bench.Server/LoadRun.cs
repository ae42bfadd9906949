using System.Diagnostics;

namespace LocalVision.Bench.Server;

/// <summary>Closed-loop load: a fixed number of concurrent callers, each calling as fast as answers come, for a fixed time.</summary>
public static class LoadRun
{
    public sealed record Result(string Name, long Calls, long Errors, double Seconds, double P50Ms, double P99Ms)
    {
        public double CallsPerSecond => Calls / Seconds;
    }

    public static async Task<Result> RunAsync(string name, int concurrency, TimeSpan duration, Func<int, Task> call)
    {
        // Warm up connections, JIT and caches before measuring.
        using (var warmup = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
            {
                var i = 0;
                while (!warmup.IsCancellationRequested)
                {
                    await call(worker * 1_000_000 + i++);
                }
            }));
        }

        var latencies = new List<double>[concurrency];
        long errors = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(worker * 1_000_000 + i++);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
