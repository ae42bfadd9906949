namespace LocalVision.Graph.Network;

/// <summary>The centrality measures <see cref="Centrality.Compute"/> offers.</summary>
public enum CentralityMeasure
{
    Degree,
    Betweenness,
    Closeness,
    Harmonic,
    PageRank,
    Brokerage,
}

/// <summary>A node's score and its rank (1 = highest; equal scores share a rank).</summary>
public readonly record struct CentralityScore(int Node, string Name, double Score, int Rank);

/// <summary>Betweenness estimated from a sample of sources, with the error it may carry.</summary>
/// <param name="Scores">Estimated betweenness per node, in the same units as exact betweenness with the same options.</param>
/// <param name="Pivots">The sources sampled.</param>
/// <param name="ErrorBound">With probability at least <paramref name="Confidence"/>, every node's estimate is within this of its exact value (Hoeffding's inequality with a union bound over the nodes).</param>
public sealed record SampledBetweenness(double[] Scores, IReadOnlyList<int> Pivots, double ErrorBound, double Confidence);

/// <summary>PageRank scores and how the power iteration ended.</summary>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged);

/// <summary>
/// Centrality measures on a projection. Definitions follow networkx, so results can be checked against it:
/// betweenness excludes endpoints and is normalised by (n-1)(n-2); closeness is Wasserman–Faust's (scaled by the
/// reachable fraction) over distances to the node; harmonic is the unnormalised sum of 1/d over distances to the node.
/// </summary>
public static class Centrality
{
    /// <summary>
    /// One measure with its defaults: normalised degree and betweenness, closeness, harmonic, PageRank (damping 0.85,
    /// at most 100 iterations, tolerance 1e-6) and raw brokerage counts. Weighted where the projection is.
    /// </summary>
    public static double[] Compute(NetworkProjection projection, CentralityMeasure measure, CancellationToken cancellationToken = default) => measure switch
    {
        CentralityMeasure.Degree => Degree(projection, weighted: projection.IsWeighted),
        CentralityMeasure.Betweenness => Betweenness(projection, cancellationToken: cancellationToken),
        CentralityMeasure.Closeness => Closeness(projection, cancellationToken: cancellationToken),
        CentralityMeasure.Harmonic => Harmonic(projection, cancellationToken: cancellationToken),
        CentralityMeasure.PageRank => PageRank(projection, weighted: projection.IsWeighted, cancellationToken: cancellationToken).Scores,
        CentralityMeasure.Brokerage => Brokerage(projection, cancellationToken: cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "unknown centrality measure"),
    };

    /// <summary>Arcs leaving each node (degree when undirected), divided by n-1 when normalised; weighted sums arc weights.</summary>
    public static double[] Degree(NetworkProjection projection, bool normalized = true, bool weighted = false)
    {
        var n = projection.NodeCount;
        var adjacency = projection.Out;
        var scores = new double[n];
        var scale = normalized && n > 1 ? 1.0 / (n - 1) : 1.0;
        for (var u = 0; u < n; u++)
        {
            double degree;
            if (weighted)
            {
                degree = 0;
                for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                {
                    degree += adjacency.Weights[a];
                }
            }
            else
            {
                degree = adjacency.Offsets[u + 1] - adjacency.Offsets[u];
            }
            scores[u] = degree * scale;
        }
        return scores;
    }

    /// <summary>Exact betweenness (Brandes), by hops or, when <paramref name="weighted"/>, by weights (Dijkstra).</summary>
    public static double[] Betweenness(NetworkProjection projection, bool normalized = true, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        var raw = Dependencies(projection, Enumerable.Range(0, projection.NodeCount).ToArray(), null, weighted ?? projection.IsWeighted, cancellationToken);
        Rescale(raw, BetweennessScale(projection, normalized));
        return raw;
    }

    /// <summary>
    /// Betweenness estimated from <paramref name="pivots"/> sources drawn without replacement (seeded), each source's
    /// dependencies scaled by n/pivots, with a bound on the error of every node at confidence 1 - <paramref name="failureProbability"/>.
    /// </summary>
    public static SampledBetweenness SampledBetweenness(
        NetworkProjection projection, int pivots, int seed, bool normalized = true, bool? weighted = null,
        double failureProbability = 0.05, CancellationToken cancellationToken = default)
    {
        var n = projection.NodeCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(pivots, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failureProbability);
        pivots = Math.Min(pivots, n);
        var sources = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < pivots; i++)
        {
            var j = random.Next(i, n);
            (sources[i], sources[j]) = (sources[j], sources[i]);
        }
        var chosen = sources[..pivots];
        Array.Sort(chosen);
        var raw = Dependencies(projection, chosen, null, weighted ?? projection.IsWeighted, cancellationToken);
        var scale = BetweennessScale(projection, normalized);
        Rescale(raw, scale * n / pivots);
        // Each source adds at most n-2 to a node, so X = dependency/(n-2) lies in [0, 1]; Hoeffding on its sample mean,
        // with a union bound over n nodes, gives |error of the mean| <= eps; the estimate is that mean times n(n-2)·scale.
        var eps = pivots == n ? 0 : Math.Sqrt(Math.Log(2.0 * n / failureProbability) / (2.0 * pivots));
        var bound = n > 2 ? eps * n * (n - 2) * scale : 0;
        return new SampledBetweenness(raw, chosen, bound, 1 - failureProbability);
    }

    /// <summary>
    /// Cross-sector brokerage: betweenness counting only shortest paths whose two endpoints are in different groups.
    /// By default a node's group is its <c>kind</c> when it is a Partner (other nodes are never endpoints), so the score
    /// says who sits between partners of different sectors. Raw pair counts (each unordered pair once when undirected).
    /// </summary>
    /// <param name="groupOf">Per node, its group, or -1 when paths from or to it do not count.</param>
    public static double[] Brokerage(NetworkProjection projection, Func<int, int>? groupOf = null, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        var n = projection.NodeCount;
        var groups = new int[n];
        var partner = projection.LabelNames.ToList().IndexOf(Schema.Labels.Partner);
        for (var v = 0; v < n; v++)
        {
            groups[v] = groupOf is not null ? groupOf(v) : projection.LabelIdOf(v) == partner ? projection.KindIdOf(v) : -1;
        }
        var sources = Enumerable.Range(0, n).Where(v => groups[v] >= 0).ToArray();
        var raw = Dependencies(projection, sources, groups, weighted ?? projection.IsWeighted, cancellationToken);
        Rescale(raw, projection.Direction == ProjectionDirection.Undirected ? 0.5 : 1.0);
        return raw;
    }

    /// <summary>Wasserman–Faust closeness over distances to each node: ((r-1)/Σd)·((r-1)/(n-1)), r counting the node and those that reach it.</summary>
    public static double[] Closeness(NetworkProjection projection, bool? weighted = null, CancellationToken cancellationToken = default) =>
        DistanceSums(projection, weighted ?? projection.IsWeighted, harmonic: false, cancellationToken);

    /// <summary>Harmonic centrality: Σ 1/d(v, u) over the other nodes v that reach u.</summary>
    public static double[] Harmonic(NetworkProjection projection, bool? weighted = null, CancellationToken cancellationToken = default) =>
        DistanceSums(projection, weighted ?? projection.IsWeighted, harmonic: true, cancellationToken);

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
            cancellationToken.ThrowIfCancellationRequested();
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

    /// <summary>The highest <paramref name="top"/> scores, highest first; ties ordered by name and sharing a rank.</summary>
    public static IReadOnlyList<CentralityScore> Rank(NetworkProjection projection, IReadOnlyList<double> scores, int top = int.MaxValue)
    {
        var order = Enumerable.Range(0, scores.Count)
            .OrderByDescending(v => scores[v])
            .ThenBy(projection.NameOf, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        var ranked = new List<CentralityScore>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            var rank = i > 0 && scores[order[i]] == scores[order[i - 1]] ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new CentralityScore(order[i], projection.NameOf(order[i]), scores[order[i]], rank));
        }
        return ranked;
    }

    private static double BetweennessScale(NetworkProjection projection, bool normalized)
    {
        var n = projection.NodeCount;
        if (normalized)
        {
            return n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
        }
        return projection.Direction == ProjectionDirection.Undirected ? 0.5 : 1.0;
    }

    private static void Rescale(double[] values, double scale)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }
    }

    /// <summary>Σ over sources of Brandes dependencies; with groups, only pairs whose ends are in different groups count.</summary>
    private static double[] Dependencies(NetworkProjection projection, int[] sources, int[]? groups, bool weighted, CancellationToken cancellationToken)
    {
        var n = projection.NodeCount;
        if (n == 0 || sources.Length == 0)
        {
            return new double[n];
        }
        _ = projection.In;
        return SourceParallel.Accumulate(n, sources, () => new Brandes(projection, weighted, groups),
            (worker, source, accumulator) => worker.Accumulate(source, accumulator), cancellationToken);
    }

    private static double[] DistanceSums(NetworkProjection projection, bool weighted, bool harmonic, CancellationToken cancellationToken)
    {
        var n = projection.NodeCount;
        var scores = new double[n];
        // Distances to u are distances from u along reversed arcs.
        var adjacency = projection.In;
        SourceParallel.ForEach(n, () => new DistanceWorker(n), (worker, u) =>
        {
            var (reached, sum, inverseSum) = worker.Run(adjacency, u, weighted);
            if (harmonic)
            {
                scores[u] = inverseSum;
            }
            else if (sum > 0 && n > 1)
            {
                var r = reached - 1.0;
                scores[u] = r / sum * (r / (n - 1.0));
            }
        }, cancellationToken);
        return scores;
    }

    /// <summary>Single-source shortest paths, reporting how many nodes were reached and Σd, Σ1/d.</summary>
    private sealed class DistanceWorker(int n)
    {
        private readonly double[] _distance = Fill(new double[n], double.PositiveInfinity);
        private readonly int[] _order = new int[n];
        private readonly MinHeap _heap = new();

        public (int Reached, double Sum, double InverseSum) Run(Adjacency adjacency, int source, bool weighted)
        {
            var count = 0;
            _distance[source] = 0;
            if (weighted)
            {
                _heap.Clear();
                _heap.Push(0, source);
                while (_heap.Count > 0)
                {
                    // Each (distance, node) is pushed once, only when it improves, so a pop at the current distance is the settling one.
                    var (d, u) = _heap.Pop();
                    if (d > _distance[u])
                    {
                        continue;
                    }
                    _order[count++] = u;
                    for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                    {
                        var v = adjacency.Targets[a];
                        var candidate = d + adjacency.Weights[a];
                        if (candidate < _distance[v])
                        {
                            _distance[v] = candidate;
                            _heap.Push(candidate, v);
                        }
                    }
                }
            }
            else
            {
                _order[count++] = source;
                for (var head = 0; head < count; head++)
                {
                    var u = _order[head];
                    var next = _distance[u] + 1;
                    for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                    {
                        var v = adjacency.Targets[a];
                        if (double.IsPositiveInfinity(_distance[v]))
                        {
                            _distance[v] = next;
                            _order[count++] = v;
                        }
                    }
                }
            }
            double sum = 0, inverseSum = 0;
            for (var i = 0; i < count; i++)
            {
                var d = _distance[_order[i]];
                if (d > 0)
                {
                    sum += d;
                    inverseSum += 1 / d;
                }
                _distance[_order[i]] = double.PositiveInfinity;
            }
            return (count, sum, inverseSum);
        }
    }

    internal static double[] Fill(double[] array, double value)
    {
        Array.Fill(array, value);
        return array;
    }

    /// <summary>One source of Brandes' algorithm: count shortest paths forward, accumulate dependencies backward.</summary>
    private sealed class Brandes
    {
        private readonly Adjacency _out;
        private readonly Adjacency _in;
        private readonly bool _weighted;
        private readonly int[]? _groups;
        private readonly int[] _hops;
        private readonly double[] _distance;
        private readonly double[] _sigma;
        private readonly double[] _delta;
        private readonly int[] _order;
        private readonly MinHeap _heap = new();

        public Brandes(NetworkProjection projection, bool weighted, int[]? groups)
        {
            var n = projection.NodeCount;
            _out = projection.Out;
            _in = projection.In;
            _weighted = weighted;
            _groups = groups;
            _hops = new int[n];
            Array.Fill(_hops, -1);
            _distance = weighted ? Fill(new double[n], double.PositiveInfinity) : [];
            _sigma = new double[n];
            _delta = new double[n];
            _order = new int[n];
        }

        public void Accumulate(int source, double[] accumulator)
        {
            int count;
            if (_weighted)
            {
                count = Dijkstra(source);
                AccumulateWeighted(source, count, accumulator);
            }
            else
            {
                count = BreadthFirst(source);
                AccumulateByHops(source, count, accumulator);
            }
            var order = _order;
            for (var i = 0; i < count; i++)
            {
                var v = order[i];
                _hops[v] = -1;
                _sigma[v] = 0;
                _delta[v] = 0;
                if (_weighted)
                {
                    _distance[v] = double.PositiveInfinity;
                }
            }
        }

        /// <summary>1 when the pair (source, w) counts: always, or with groups only across groups.</summary>
        private double EndsAt(int source, int w) =>
            _groups is null ? 1.0 : _groups[w] >= 0 && _groups[w] != _groups[source] ? 1.0 : 0.0;

        private int BreadthFirst(int source)
        {
            var offsets = _out.Offsets;
            var targets = _out.Targets;
            var hops = _hops;
            var sigma = _sigma;
            var order = _order;
            var count = 0;
            hops[source] = 0;
            sigma[source] = 1;
            order[count++] = source;
            for (var head = 0; head < count; head++)
            {
                var u = order[head];
                var next = hops[u] + 1;
                var paths = sigma[u];
                for (int a = offsets[u], end = offsets[u + 1]; a < end; a++)
                {
                    var v = targets[a];
                    var d = hops[v];
                    if (d < 0)
                    {
                        hops[v] = next;
                        sigma[v] = paths;
                        order[count++] = v;
                    }
                    else if (d == next)
                    {
                        sigma[v] += paths;
                    }
                }
            }
            return count;
        }

        private void AccumulateByHops(int source, int count, double[] accumulator)
        {
            var offsets = _in.Offsets;
            var targets = _in.Targets;
            var hops = _hops;
            var sigma = _sigma;
            var delta = _delta;
            var order = _order;
            for (var i = count - 1; i > 0; i--)
            {
                var w = order[i];
                var coefficient = (EndsAt(source, w) + delta[w]) / sigma[w];
                if (coefficient != 0)
                {
                    var previous = hops[w] - 1;
                    for (int a = offsets[w], end = offsets[w + 1]; a < end; a++)
                    {
                        var v = targets[a];
                        if (hops[v] == previous)
                        {
                            delta[v] += sigma[v] * coefficient;
                        }
                    }
                }
                accumulator[w] += delta[w];
            }
        }

        private void AccumulateWeighted(int source, int count, double[] accumulator)
        {
            for (var i = count - 1; i > 0; i--)
            {
                var w = _order[i];
                var coefficient = (EndsAt(source, w) + _delta[w]) / _sigma[w];
                if (coefficient != 0)
                {
                    for (var a = _in.Offsets[w]; a < _in.Offsets[w + 1]; a++)
                    {
                        var v = _in.Targets[a];
                        if (v != w && _hops[v] >= 0 && _distance[v] + _in.Weights[a] == _distance[w])
                        {
                            _delta[v] += _sigma[v] * coefficient;
                        }
                    }
                }
                accumulator[w] += _delta[w];
            }
        }

        /// <summary>Settles nodes in distance order; <c>_hops[v] >= 0</c> marks a settled node.</summary>
        private int Dijkstra(int source)
        {
            var count = 0;
            _distance[source] = 0;
            _heap.Clear();
            _heap.Push(0, source);
            while (_heap.Count > 0)
            {
                var (d, u) = _heap.Pop();
                if (_hops[u] >= 0 || d > _distance[u])
                {
                    continue;
                }
                _hops[u] = count;
                _order[count++] = u;
                for (var a = _out.Offsets[u]; a < _out.Offsets[u + 1]; a++)
                {
                    var v = _out.Targets[a];
                    var candidate = d + _out.Weights[a];
                    if (candidate < _distance[v])
                    {
                        _distance[v] = candidate;
                        _heap.Push(candidate, v);
                    }
                }
            }
            // Paths are counted once every distance is final, in settling order, so ties found late still count.
            _sigma[source] = 1;
            for (var i = 1; i < count; i++)
            {
                var w = _order[i];
                var sigma = 0.0;
                for (var a = _in.Offsets[w]; a < _in.Offsets[w + 1]; a++)
                {
                    var v = _in.Targets[a];
                    if (v != w && _hops[v] >= 0 && _distance[v] + _in.Weights[a] == _distance[w])
                    {
                        sigma += _sigma[v];
                    }
                }
                _sigma[w] = sigma;
            }
            return count;
        }
    }
}
