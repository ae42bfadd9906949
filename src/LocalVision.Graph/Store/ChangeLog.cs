namespace LocalVision.Graph.Store;

/// <summary>
/// A bounded, in-memory record of what recent writes changed, by version: <see cref="IGraphStore.GetChangesSinceAsync"/>
/// for a store that is the only writer of its graph. It need not outlive the process, because the caches it serves
/// live in the same process and start empty; a store whose graph other processes write cannot use it.
/// </summary>
/// <param name="capacity">The most changed records kept; the oldest writes are forgotten first, and a write larger than this is not kept at all.</param>
internal sealed class ChangeLog(int capacity = ChangeLog.DefaultCapacity)
{
    /// <summary>Enough for many small writes between two reads, small beside a projection (a record holds references only).</summary>
    public const int DefaultCapacity = 50_000;

    private readonly Lock _gate = new();
    private readonly Queue<Entry> _entries = new();
    private long _floor = long.MaxValue;
    private long _latest = long.MinValue;
    private long _size;

    /// <summary>
    /// Records a committed write's changes. Call it before publishing the write's version, so that whoever sees the
    /// version finds its changes here.
    /// </summary>
    public void Record(long version, IReadOnlyList<NodeChange> nodes, IReadOnlyList<RelationshipChange> relationships)
    {
        lock (_gate)
        {
            var size = Math.Max(1, nodes.Count + relationships.Count);
            if (size > capacity)
            {
                ResetLocked(version);
                return;
            }
            _entries.Enqueue(new Entry(version, nodes, relationships, size));
            _size += size;
            _latest = Math.Max(_latest, version);
            while (_size > capacity)
            {
                var forgotten = _entries.Dequeue();
                _size -= forgotten.Size;
                _floor = forgotten.Version;
            }
        }
    }

    /// <summary>Forgets every write: the graph is now what it is at <paramref name="version"/>, however it got there.</summary>
    public void Reset(long version)
    {
        lock (_gate)
        {
            ResetLocked(version);
        }
    }

    /// <summary>The changes after a version, or null when they are not all known here.</summary>
    public GraphChanges? Since(long version)
    {
        lock (_gate)
        {
            if (version < _floor || version > _latest)
            {
                return null;
            }
            var nodes = new List<NodeChange>();
            var relationships = new List<RelationshipChange>();
            foreach (var entry in _entries.Where(e => e.Version > version))
            {
                nodes.AddRange(entry.Nodes);
                relationships.AddRange(entry.Relationships);
            }
            return new GraphChanges(version, _latest, nodes, relationships);
        }
    }

    private void ResetLocked(long version)
    {
        _entries.Clear();
        _size = 0;
        _floor = version;
        _latest = version;
    }

    private sealed record Entry(long Version, IReadOnlyList<NodeChange> Nodes, IReadOnlyList<RelationshipChange> Relationships, int Size);
}
