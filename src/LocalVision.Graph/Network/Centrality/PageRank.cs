namespace LocalVision.Graph.Network;

/// <summary>PageRank scores and how the power iteration ended.</summary>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged);

public static partial class Centrality
{
    /// <summary>
    /// PageRank by power iteration, as networkx computes it: undirected relationships count both ways, a node's rank
    /// is split over its arcs in proportion to their weights (when weighted), and dangling nodes spread their rank
    /// evenly. Stops when the L1 change falls below n·<paramref name="tolerance"/> or after <paramref name="iterations"/>.
    /// </summary>
    public static PageRankResult PageRank(
        NetworkProjection projection, double damping = 0.85, int iterations = 100, double tolerance = 1e-6, bool weighted = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        if (damping is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(damping), damping, "damping must be in [0, 1)");
        }
        var n = projection.NodeCount;
        if (n == 0)
        {
            return new PageRankResult([], 0, true);
        }
        var outgoing = projection.Out;
        var incoming = projection.In;
        var strength = new double[n];
        for (var u = 0; u < n; u++)
        {
            if (weighted)
            {
                for (var a = outgoing.Offsets[u]; a < outgoing.Offsets[u + 1]; a++)
                {
                    strength[u] += outgoing.Weights[a];
                }
            }
            else
            {
                strength[u] = outgoing.Offsets[u + 1] - outgoing.Offsets[u];
            }
        }
        var rank = new double[n];
        Array.Fill(rank, 1.0 / n);
        var next = new double[n];
        var share = new double[n];
        var chunk = Math.Max(4096, (n / (4 * SourceParallel.MaxDegreeOfParallelism)) + 1);
        var chunks = (n + chunk - 1) / chunk;
        var options = new ParallelOptions { MaxDegreeOfParallelism = SourceParallel.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        // Below about a million arcs an iteration takes a millisecond or so, less than waking threads costs. Chunks
        // are summed in order either way, so the result does not depend on this choice.
        var parallel = incoming.ArcCount >= 1_000_000 && SourceParallel.MaxDegreeOfParallelism > 1;
        for (var iteration = 1; iteration <= iterations; iteration++)
        {
            CancellationCheck.Observe(cancellationToken);
            var dangling = 0.0;
            for (var u = 0; u < n; u++)
            {
                if (strength[u] > 0)
                {
                    share[u] = damping * rank[u] / strength[u];
                }
                else
                {
                    share[u] = 0;
                    dangling += rank[u];
                }
            }
            var teleport = ((damping * dangling) + (1 - damping)) / n;
            var changes = new double[chunks];
            void Pull(int c)
            {
                var change = 0.0;
                var offsets = incoming.Offsets;
                var targets = incoming.Targets;
                var weights = incoming.Weights;
                var check = new CancellationCheck(cancellationToken);
                for (int v = c * chunk, end = Math.Min(n, (c + 1) * chunk); v < end; v++)
                {
                    var sum = 0.0;
                    if (weighted)
                    {
                        for (var a = offsets[v]; a < offsets[v + 1]; a++)
                        {
                            sum += share[targets[a]] * weights[a];
                        }
                    }
                    else
                    {
                        for (var a = offsets[v]; a < offsets[v + 1]; a++)
                        {
                            sum += share[targets[a]];
                        }
                    }
                    var value = sum + teleport;
                    change += Math.Abs(value - rank[v]);
                    next[v] = value;
                    check.Add(offsets[v + 1] - offsets[v] + 1);
                }
                changes[c] = change;
            }
            if (parallel)
            {
                Parallel.For(0, chunks, options, Pull);
            }
            else
            {
                for (var c = 0; c < chunks; c++)
                {
                    Pull(c);
                }
            }
            (rank, next) = (next, rank);
            if (changes.Sum() < n * tolerance)
            {
                return new PageRankResult(rank, iteration, true);
            }
        }
        return new PageRankResult(rank, iterations, tolerance <= 0);
    }
}
