using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Evaluation.Facts;

/// <summary>
/// The whole graph in memory, read once, so that evaluating every initiative costs one pass over the store
/// rather than dozens of queries per initiative.
/// </summary>
public sealed class GraphSnapshot : IGraphReader
{
    private readonly Dictionary<string, GraphNode> _nodes;
    private readonly Dictionary<string, List<GraphRelationship>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GraphRelationship>> _incoming = new(StringComparer.Ordinal);

    private GraphSnapshot(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships, long version)
    {
        _nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            _nodes[node.Name] = node;
        }
        foreach (var relationship in relationships)
        {
            Add(_outgoing, relationship.Start, relationship);
            Add(_incoming, relationship.End, relationship);
        }
        Version = version;
    }

    /// <summary>The store version the snapshot was read at; -1 when built from lists.</summary>
    public long Version { get; }

    public int NodeCount => _nodes.Count;

    public static GraphSnapshot Create(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships) =>
        new(nodes, relationships, -1);

    /// <summary>Reads every node and relationship; retries a few times if a write lands mid-read, so the snapshot is one version.</summary>
    public static async Task<GraphSnapshot> LoadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var before = await store.GetVersionAsync(cancellationToken);
            var nodes = new List<GraphNode>();
            await foreach (var node in store.ReadNodesAsync([], cancellationToken))
            {
                nodes.Add(node);
            }
            var relationships = new List<GraphRelationship>();
            await foreach (var relationship in store.ReadRelationshipsAsync([], cancellationToken))
            {
                relationships.Add(relationship);
            }
            var after = await store.GetVersionAsync(cancellationToken);
            if (before == after || attempt == attempts)
            {
                // After the last attempt a busy store gets the newer version's number: a cache keyed by it is never stale.
                return new GraphSnapshot(nodes, relationships, after);
            }
        }
    }

    /// <summary>The nodes of a label, in name order.</summary>
    public IEnumerable<GraphNode> NodesWithLabel(string label) =>
        _nodes.Values.Where(n => n.Label == label).OrderBy(n => n.Name, StringComparer.Ordinal);

    public ValueTask<GraphNode?> GetNodeAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_nodes.GetValueOrDefault(name));

    public ValueTask<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = new List<GraphNode>(names.Count);
        foreach (var name in names)
        {
            if (_nodes.TryGetValue(name, out var node))
            {
                found.Add(node);
            }
        }
        return ValueTask.FromResult<IReadOnlyList<GraphNode>>(found);
    }

    public ValueTask<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(
        string node, string? type, Direction direction, CancellationToken cancellationToken)
    {
        if (!_nodes.ContainsKey(node))
        {
            throw new NodeNotFoundException(node);
        }
        var found = new List<GraphRelationship>();
        if (direction is Direction.Outgoing or Direction.Both)
        {
            Collect(_outgoing, node, type, found);
        }
        if (direction is Direction.Incoming or Direction.Both)
        {
            Collect(_incoming, node, type, found);
        }
        return ValueTask.FromResult<IReadOnlyList<GraphRelationship>>(found);
    }

    private static void Add(Dictionary<string, List<GraphRelationship>> index, string key, GraphRelationship relationship)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }
        list.Add(relationship);
    }

    private static void Collect(Dictionary<string, List<GraphRelationship>> index, string node, string? type, List<GraphRelationship> into)
    {
        if (index.TryGetValue(node, out var list))
        {
            into.AddRange(type is null ? list : list.Where(r => r.Type == type));
        }
    }
}
