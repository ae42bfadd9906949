using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Network;

/// <summary>
/// Whole-network measures of a set of nodes, on the simple undirected graph among them (direction ignored, parallel
/// relationships merged, self-loops dropped), as networkx defines them.
/// </summary>
/// <param name="Nodes">Nodes in scope.</param>
/// <param name="Edges">Distinct pairs of nodes joined by at least one relationship.</param>
/// <param name="Relationships">Relationships among the nodes, parallel ones included.</param>
/// <param name="Density">Edges over n(n-1)/2.</param>
/// <param name="DegreeCentralization">Freeman's: Σ(max degree − degree) over its largest possible value (n-1)(n-2).</param>
/// <param name="AveragePathLength">Mean hops over ordered pairs joined by a path; 0 when none is.</param>
/// <param name="Diameter">Longest shortest path over connected pairs.</param>
/// <param name="AverageClustering">Mean local clustering coefficient, nodes of degree below 2 counting 0.</param>
/// <param name="Transitivity">3 × triangles / connected triples.</param>
/// <param name="Components">Connected components (isolated nodes included).</param>
/// <param name="ConnectedPairs">Unordered pairs joined by some path: what a broker's removal can cut.</param>
public sealed record NetworkMetrics(
    int Nodes,
    int Edges,
    int Relationships,
    double Density,
    double DegreeCentralization,
    double AveragePathLength,
    int Diameter,
    double AverageClustering,
    double Transitivity,
    int Components,
    long ConnectedPairs);

/// <summary>How a network changed between two dates: the ties gained and lost, and the metrics then and now.</summary>
public sealed record NetworkChange(NetworkMetrics Then, NetworkMetrics Now, IReadOnlyList<RelationshipKey> Gained, IReadOnlyList<RelationshipKey> Lost);

/// <summary>The metrics of a network with and without one node.</summary>
public sealed record RemovalImpact(string Removed, NetworkMetrics Before, NetworkMetrics After);

/// <summary>Network metrics for a scope, changes over time, and what-if removals.</summary>
public static class NetworkAnalysis
{
    /// <summary>Metrics of the nodes in <paramref name="scope"/> (all nodes when null) and the relationships among them.</summary>
    public static NetworkMetrics Metrics(NetworkProjection projection, IReadOnlyCollection<int>? scope = null, CancellationToken cancellationToken = default)
    {
        var graph = SimpleGraph.From(projection, scope, exclude: -1);
        return graph.Measure(cancellationToken);
    }

    /// <summary>Metrics of the named nodes that exist in the projection (all when null).</summary>
    public static NetworkMetrics Metrics(NetworkProjection projection, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken = default) =>
        Metrics(projection, Resolve(projection, scope), cancellationToken);

    /// <summary>
    /// Compares two projections of the same spec at different dates: relationships present now but not then
    /// (gained), then but not now (lost), each among the scope's nodes, and the metrics of both.
    /// </summary>
    public static NetworkChange Compare(NetworkProjection then, NetworkProjection now, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken = default)
    {
        var inScope = scope?.ToHashSet(StringComparer.Ordinal);
        var before = Keys(then, inScope);
        var after = Keys(now, inScope);
        var gained = after.Except(before).OrderBy(k => k.Type, StringComparer.Ordinal).ThenBy(k => k.Start, StringComparer.Ordinal).ThenBy(k => k.End, StringComparer.Ordinal).ToList();
        var lost = before.Except(after).OrderBy(k => k.Type, StringComparer.Ordinal).ThenBy(k => k.Start, StringComparer.Ordinal).ThenBy(k => k.End, StringComparer.Ordinal).ToList();
        return new NetworkChange(Metrics(then, scope, cancellationToken), Metrics(now, scope, cancellationToken), gained, lost);
    }

    /// <summary>What-if: the scope's metrics as they are and with <paramref name="removed"/> and its relationships taken out.</summary>
    public static RemovalImpact SimulateRemoval(NetworkProjection projection, IReadOnlyCollection<int>? scope, int removed, CancellationToken cancellationToken = default)
    {
        NetworkPaths.CheckNode(projection, removed, nameof(removed));
        var before = SimpleGraph.From(projection, scope, exclude: -1).Measure(cancellationToken);
        var after = SimpleGraph.From(projection, scope, exclude: removed).Measure(cancellationToken);
        return new RemovalImpact(projection.NameOf(removed), before, after);
    }

    /// <summary>What-if by names: unknown scope names are ignored; the removed node must exist.</summary>
    /// <exception cref="ArgumentException">The removed node is not in the projection.</exception>
    public static RemovalImpact SimulateRemoval(NetworkProjection projection, IReadOnlyCollection<string>? scope, string removed, CancellationToken cancellationToken = default)
    {
        var index = projection.IndexOf(removed);
        if (index < 0)
        {
            throw new ArgumentException($"{removed} is not in the projection", nameof(removed));
        }
        return SimulateRemoval(projection, Resolve(projection, scope), index, cancellationToken);
    }

    /// <summary>
    /// A locality's network, read from the store: its partners (BASED_IN) and initiatives (IN_LOCALITY), the partners
    /// and Enablers of those initiatives, and the people working for its partners. The locality itself is left out,
    /// since as a hub joined to every member it would hide the shape of the network.
    /// </summary>
    /// <exception cref="NodeNotFoundException">There is no such locality.</exception>
    public static async Task<IReadOnlySet<string>> LocalityScopeAsync(IGraphStore store, string locality, CancellationToken cancellationToken)
    {
        if (await store.GetNodeAsync(locality, cancellationToken) is null)
        {
            throw new NodeNotFoundException(locality);
        }
        var scope = new SortedSet<string>(StringComparer.Ordinal);
        var partners = await StartsOfAsync(store, locality, RelationshipTypes.BasedIn, cancellationToken);
        var initiatives = await StartsOfAsync(store, locality, RelationshipTypes.InLocality, cancellationToken);
        scope.UnionWith(partners);
        scope.UnionWith(initiatives);
        foreach (var initiative in initiatives)
        {
            scope.UnionWith(await StartsOfAsync(store, initiative, RelationshipTypes.PartnerIn, cancellationToken));
            scope.UnionWith(await StartsOfAsync(store, initiative, RelationshipTypes.Enables, cancellationToken));
        }
        foreach (var partner in partners)
        {
            scope.UnionWith(await StartsOfAsync(store, partner, RelationshipTypes.WorksFor, cancellationToken));
        }
        return scope;
    }

    private static async Task<List<string>> StartsOfAsync(IGraphStore store, string end, string type, CancellationToken cancellationToken)
    {
        var starts = new List<string>();
        string? token = null;
        do
        {
            var page = await store.ListRelationshipsAsync(new RelationshipQuery(end, type, Direction.Incoming, 1000, token), cancellationToken);
            starts.AddRange(page.Items.Select(r => r.Start));
            token = page.NextPageToken;
        }
        while (token is not null);
        return starts;
    }

    private static int[]? Resolve(NetworkProjection projection, IReadOnlyCollection<string>? scope) =>
        scope?.Select(projection.IndexOf).Where(i => i >= 0).Distinct().Order().ToArray();

    private static HashSet<RelationshipKey> Keys(NetworkProjection projection, HashSet<string>? scope)
    {
        var keys = new HashSet<RelationshipKey>();
        for (var r = 0; r < projection.RelationshipCount; r++)
        {
            var key = projection.KeyOf(r);
            if (scope is null || (scope.Contains(key.Start) && scope.Contains(key.End)))
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    /// <summary>The simple undirected graph on a scope, with sorted neighbour lists.</summary>
    private sealed class SimpleGraph(int[] offsets, int[] targets, int relationships)
    {
        private int NodeCount => offsets.Length - 1;

        public static SimpleGraph From(NetworkProjection projection, IReadOnlyCollection<int>? scope, int exclude)
        {
            var local = new int[projection.NodeCount];
            int count;
            if (scope is null)
            {
                for (var v = 0; v < local.Length; v++)
                {
                    local[v] = v;
                }
                count = local.Length;
            }
            else
            {
                Array.Fill(local, -1);
                count = 0;
                foreach (var v in scope.Distinct().Order())
                {
                    NetworkPaths.CheckNode(projection, v, nameof(scope));
                    local[v] = count++;
                }
            }
            if (exclude >= 0 && local[exclude] >= 0)
            {
                // Renumber without the removed node.
                var removedAt = local[exclude];
                for (var v = 0; v < local.Length; v++)
                {
                    if (local[v] > removedAt)
                    {
                        local[v]--;
                    }
                }
                local[exclude] = -1;
                count--;
            }
            var pairs = new List<long>();
            var relationships = 0;
            for (var r = 0; r < projection.RelationshipCount; r++)
            {
                var a = local[projection.StartOf(r)];
                var b = local[projection.EndOf(r)];
                if (a < 0 || b < 0)
                {
                    continue;
                }
                relationships++;
                if (a != b)
                {
                    pairs.Add(((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b));
                }
            }
            pairs.Sort();
            var edges = new List<(int, int)>();
            for (var i = 0; i < pairs.Count; i++)
            {
                if (i == 0 || pairs[i] != pairs[i - 1])
                {
                    edges.Add(((int)(pairs[i] >> 32), (int)(pairs[i] & 0xFFFFFFFF)));
                }
            }
            var starts = edges.Select(e => e.Item1).ToArray();
            var ends = edges.Select(e => e.Item2).ToArray();
            var adjacency = Adjacency.Build(count, starts, ends, new double[starts.Length], ProjectionDirection.Undirected);
            for (var u = 0; u < count; u++)
            {
                Array.Sort(adjacency.Targets, adjacency.Offsets[u], adjacency.Offsets[u + 1] - adjacency.Offsets[u]);
            }
            return new SimpleGraph(adjacency.Offsets, adjacency.Targets, relationships);
        }

        private int Degree(int u) => offsets[u + 1] - offsets[u];

        public NetworkMetrics Measure(CancellationToken cancellationToken)
        {
            var n = NodeCount;
            var edges = targets.Length / 2;
            var density = n > 1 ? 2.0 * edges / ((double)n * (n - 1)) : 0;
            var maxDegree = 0;
            for (var u = 0; u < n; u++)
            {
                maxDegree = Math.Max(maxDegree, Degree(u));
            }
            var centralisation = 0.0;
            if (n > 2)
            {
                var sum = 0.0;
                for (var u = 0; u < n; u++)
                {
                    sum += maxDegree - Degree(u);
                }
                centralisation = sum / ((n - 1.0) * (n - 2.0));
            }
            var (clustering, transitivity) = Clustering(cancellationToken);
            var distanceSum = new long[n];
            var reached = new long[n];
            var eccentricity = new int[n];
            SourceParallel.ForEach(n, () => (Distance: Fill(new int[n], -1), Queue: new int[n]), (worker, s) =>
            {
                var (distance, queue) = worker;
                distance[s] = 0;
                queue[0] = s;
                int head = 0, tail = 1;
                long sum = 0;
                var max = 0;
                while (head < tail)
                {
                    var u = queue[head++];
                    for (var a = offsets[u]; a < offsets[u + 1]; a++)
                    {
                        var v = targets[a];
                        if (distance[v] < 0)
                        {
                            distance[v] = distance[u] + 1;
                            sum += distance[v];
                            max = Math.Max(max, distance[v]);
                            queue[tail++] = v;
                        }
                    }
                }
                for (var i = 0; i < tail; i++)
                {
                    distance[queue[i]] = -1;
                }
                distanceSum[s] = sum;
                reached[s] = tail - 1;
                eccentricity[s] = max;
            }, cancellationToken);
            var orderedPairs = reached.Sum();
            var average = orderedPairs > 0 ? (double)distanceSum.Sum() / orderedPairs : 0;
            var diameter = n > 0 ? eccentricity.Max() : 0;
            var components = 0;
            var seen = new bool[n];
            for (var s = 0; s < n; s++)
            {
                if (!seen[s])
                {
                    components++;
                    var stack = new Stack<int>([s]);
                    seen[s] = true;
                    while (stack.TryPop(out var u))
                    {
                        for (var a = offsets[u]; a < offsets[u + 1]; a++)
                        {
                            if (!seen[targets[a]])
                            {
                                seen[targets[a]] = true;
                                stack.Push(targets[a]);
                            }
                        }
                    }
                }
            }
            return new NetworkMetrics(n, edges, relationships, density, centralisation, average, diameter, clustering, transitivity, components, orderedPairs / 2);
        }

        private (double Average, double Transitivity) Clustering(CancellationToken cancellationToken)
        {
            var n = NodeCount;
            if (n == 0)
            {
                return (0, 0);
            }
            var mark = Fill(new int[n], -1);
            double coefficients = 0, triangles = 0, triples = 0;
            for (var u = 0; u < n; u++)
            {
                if ((u & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                var degree = Degree(u);
                if (degree < 2)
                {
                    continue;
                }
                for (var a = offsets[u]; a < offsets[u + 1]; a++)
                {
                    mark[targets[a]] = u;
                }
                long links = 0;
                for (var a = offsets[u]; a < offsets[u + 1]; a++)
                {
                    var v = targets[a];
                    for (var b = offsets[v]; b < offsets[v + 1]; b++)
                    {
                        if (mark[targets[b]] == u)
                        {
                            links++;
                        }
                    }
                }
                // Each link among u's neighbours was seen from both of its ends.
                var t = links / 2.0;
                var possible = degree * (degree - 1) / 2.0;
                coefficients += t / possible;
                triangles += t;
                triples += possible;
            }
            return (coefficients / n, triples > 0 ? triangles / triples : 0);
        }

        private static int[] Fill(int[] array, int value)
        {
            Array.Fill(array, value);
            return array;
        }
    }
}
