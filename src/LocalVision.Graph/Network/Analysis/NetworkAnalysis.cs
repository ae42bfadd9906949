using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Network;

/// <summary>Network metrics for a scope, changes over time, and what-if removals.</summary>
public static partial class NetworkAnalysis
{
    /// <summary>Metrics of the nodes in <paramref name="scope"/> (all nodes when null) and the relationships among them.</summary>
    /// <param name="sampleSize">
    /// When above 0 and below the scope's size, the average path length and diameter come from breadth-first searches
    /// from this many of the scope's nodes drawn without replacement (seeded by <paramref name="seed"/>): the average an
    /// estimate, the diameter a lower bound (<see cref="NetworkMetrics.SampledSources"/> says so); the rest stays exact.
    /// </param>
    public static NetworkMetrics Metrics(
        NetworkProjection projection, IReadOnlyCollection<int>? scope = null, CancellationToken cancellationToken = default, int sampleSize = 0, int seed = 0)
    {
        var graph = SimpleGraph.From(projection, scope, exclude: -1, cancellationToken);
        return graph.Measure(cancellationToken, graph.SourcesOf(Sample(graph, sampleSize, seed)));
    }

    /// <summary>Metrics of the named nodes that exist in the projection (all when null).</summary>
    public static NetworkMetrics Metrics(
        NetworkProjection projection, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken = default, int sampleSize = 0, int seed = 0) =>
        Metrics(projection, Resolve(projection, scope), cancellationToken, sampleSize, seed);

    /// <summary>The projection nodes of a sample of the graph's nodes, or null for every node.</summary>
    private static int[]? Sample(SimpleGraph graph, int sampleSize, int seed)
    {
        var members = Enumerable.Range(0, graph.Local.Length).Where(v => graph.Local[v] >= 0).ToArray();
        return sampleSize <= 0 || sampleSize >= members.Length ? null : Centrality.SampleSources(members, sampleSize, seed);
    }

    /// <summary>
    /// Compares two projections of the same spec at different dates: relationships present now but not then
    /// (gained), then but not now (lost), each among the scope's nodes, and the metrics of both.
    /// </summary>
    public static NetworkChange Compare(NetworkProjection then, NetworkProjection now, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken = default)
    {
        var inScope = scope?.ToHashSet(StringComparer.Ordinal);
        var before = Keys(then, inScope, cancellationToken);
        var after = Keys(now, inScope, cancellationToken);
        var gained = after.Except(before).OrderBy(k => k.Type, StringComparer.Ordinal).ThenBy(k => k.Start, StringComparer.Ordinal).ThenBy(k => k.End, StringComparer.Ordinal).ToList();
        var lost = before.Except(after).OrderBy(k => k.Type, StringComparer.Ordinal).ThenBy(k => k.Start, StringComparer.Ordinal).ThenBy(k => k.End, StringComparer.Ordinal).ToList();
        return new NetworkChange(Metrics(then, scope, cancellationToken), Metrics(now, scope, cancellationToken), gained, lost);
    }

    /// <summary>What-if: the scope's metrics as they are and with <paramref name="removed"/> and its relationships taken out.</summary>
    /// <remarks>
    /// With <paramref name="sampleSize"/> (as for <see cref="Metrics(NetworkProjection, IReadOnlyCollection{int}?, CancellationToken, int, int)"/>)
    /// both sides search from the same sampled nodes (less the removed one), so their difference is not sampling noise alone.
    /// </remarks>
    public static RemovalImpact SimulateRemoval(
        NetworkProjection projection, IReadOnlyCollection<int>? scope, int removed, CancellationToken cancellationToken = default, int sampleSize = 0, int seed = 0)
    {
        NetworkPaths.CheckNode(projection, removed, nameof(removed));
        var whole = SimpleGraph.From(projection, scope, exclude: -1, cancellationToken);
        var sample = Sample(whole, sampleSize, seed);
        var before = whole.Measure(cancellationToken, whole.SourcesOf(sample));
        var without = SimpleGraph.From(projection, scope, exclude: removed, cancellationToken);
        var after = without.Measure(cancellationToken, without.SourcesOf(sample));
        return new RemovalImpact(projection.NameOf(removed), before, after, CutOff(projection, without, removed, cancellationToken));
    }

    /// <summary>What-if by names: unknown scope names are ignored; the removed node must exist.</summary>
    /// <exception cref="ArgumentException">The removed node is not in the projection.</exception>
    public static RemovalImpact SimulateRemoval(
        NetworkProjection projection, IReadOnlyCollection<string>? scope, string removed, CancellationToken cancellationToken = default, int sampleSize = 0, int seed = 0)
    {
        var index = projection.IndexOf(removed);
        if (index < 0)
        {
            throw new ArgumentException($"{removed} is not in the projection", nameof(removed));
        }
        return SimulateRemoval(projection, Resolve(projection, scope), index, cancellationToken, sampleSize, seed);
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

    private static HashSet<RelationshipKey> Keys(NetworkProjection projection, HashSet<string>? scope, CancellationToken cancellationToken)
    {
        var keys = new HashSet<RelationshipKey>();
        var check = new CancellationCheck(cancellationToken);
        for (var r = 0; r < projection.RelationshipCount; r++)
        {
            check.Add(1);
            var key = projection.KeyOf(r);
            if (scope is null || (scope.Contains(key.Start) && scope.Contains(key.End)))
            {
                keys.Add(key);
            }
        }
        return keys;
    }
}
