namespace LocalVision.Graph.Network;

/// <summary>
/// Runs per-source work (one BFS or Dijkstra per source) across cores with results that never depend on the
/// number of cores or on scheduling: sources are dealt round-robin into a fixed number of partitions, each partition
/// sums into its own buffer in source order, and the buffers are added up in partition order. There are more
/// partitions than cores so that a core slowed by other work holds up only a small share. The token is observed
/// before each source; a worker whose single source is large (a search over millions of arcs) observes it inside too.
/// </summary>
internal static class SourceParallel
{
    /// <summary>Fixed, so that floating-point sums are the same on any machine.</summary>
    public const int Partitions = 16;

    public static int MaxDegreeOfParallelism { get; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Calls <paramref name="work"/> for every source with its partition's worker and accumulator, then sums the accumulators.</summary>
    public static double[] Accumulate<TWorker>(
        int nodeCount, IReadOnlyList<int> sources, Func<TWorker> createWorker, Action<TWorker, int, double[]> work, CancellationToken cancellationToken)
    {
        var partitions = Math.Max(1, Math.Min(Partitions, sources.Count));
        var accumulators = new double[partitions][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        // Workers (the per-source scratch arrays) belong to threads; accumulators belong to partitions.
        Parallel.For(0, partitions, options, createWorker, (p, _, worker) =>
        {
            var accumulator = new double[nodeCount];
            for (var i = p; i < sources.Count; i += partitions)
            {
                CancellationCheck.Observe(cancellationToken);
                work(worker, sources[i], accumulator);
            }
            accumulators[p] = accumulator;
            return worker;
        }, _ => { });
        var total = accumulators[0];
        for (var p = 1; p < partitions; p++)
        {
            var part = accumulators[p];
            for (var v = 0; v < nodeCount; v++)
            {
                total[v] += part[v];
            }
        }
        return total;
    }

    /// <summary>Calls <paramref name="work"/> for every source; each call writes only its own source's results.</summary>
    public static void ForEach<TWorker>(int count, Func<TWorker> createWorker, Action<TWorker, int> work, CancellationToken cancellationToken)
    {
        var partitions = Math.Max(1, Math.Min(Partitions, count));
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, partitions, options, createWorker, (p, _, worker) =>
        {
            for (var i = p; i < count; i += partitions)
            {
                CancellationCheck.Observe(cancellationToken);
                work(worker, i);
            }
            return worker;
        }, _ => { });
    }
}
