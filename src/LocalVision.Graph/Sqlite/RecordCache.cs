using System.Collections.Concurrent;
using LocalVision.Graph.Model;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// Nodes and relationships as last read, so hot reads (neighbourhoods, GetNode) skip SQLite and JSON parsing.
/// Entries are shared between callers and must not be mutated. A read may only fill the cache if no write
/// evicted anything since the read began; that check and every eviction happen under one lock, so a stale
/// record can never be cached after the write that replaced it.
/// </summary>
internal sealed class RecordCache(int nodeCapacity, int relationshipCapacity)
{
    private readonly ConcurrentDictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, GraphRelationship> _relationships = new();
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>Taken before reading from disk; rises with every eviction.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGetNode(string name, out GraphNode node) => _nodes.TryGetValue(name, out node!);

    public bool TryGetRelationship(long id, out GraphRelationship relationship) => _relationships.TryGetValue(id, out relationship!);

    public void AddNodes(IReadOnlyCollection<GraphNode> nodes, long generationAtRead)
    {
        lock (_gate)
        {
            if (_generation != generationAtRead || nodeCapacity == 0)
            {
                return;
            }
            if (_nodes.Count + nodes.Count > nodeCapacity)
            {
                _nodes.Clear();
            }
            foreach (var node in nodes)
            {
                _nodes[node.Name] = node;
            }
        }
    }

    public void AddRelationships(IReadOnlyCollection<(long Id, GraphRelationship Relationship)> relationships, long generationAtRead)
    {
        lock (_gate)
        {
            if (_generation != generationAtRead || relationshipCapacity == 0)
            {
                return;
            }
            if (_relationships.Count + relationships.Count > relationshipCapacity)
            {
                _relationships.Clear();
            }
            foreach (var (id, relationship) in relationships)
            {
                _relationships[id] = relationship;
            }
        }
    }

    /// <summary>Called after a commit with what it changed.</summary>
    public void Evict(IEnumerable<string> nodes, IEnumerable<long> relationships)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var name in nodes)
            {
                _nodes.TryRemove(name, out _);
            }
            foreach (var id in relationships)
            {
                _relationships.TryRemove(id, out _);
            }
        }
    }
}
