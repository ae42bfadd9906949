using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Graph.Traversal;

/// <summary>
/// Who is connected to whom, in memory, keyed by dense integer ids, so that traversals never touch disk.
/// A store keeps it consistent with what it has committed; it holds no properties.
/// </summary>
public sealed class AdjacencyIndex
{
    /// <summary>One end of a relationship as seen from a node.</summary>
    public readonly record struct Edge(long RelationshipId, int Other, byte Type, bool Outgoing);

    private static readonly string[] TypeNames = GraphSchema.Relationships.Keys.Order(StringComparer.Ordinal).ToArray();
    private static readonly Dictionary<string, byte> TypeCodes =
        TypeNames.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (byte)x.i, StringComparer.Ordinal);
    private static readonly string[] LabelNames = Labels.All.Order(StringComparer.Ordinal).ToArray();
    private static readonly Dictionary<string, byte> LabelCodes =
        LabelNames.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (byte)x.i, StringComparer.Ordinal);

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _idByName = new(StringComparer.Ordinal);
    private readonly List<string?> _names = [];
    private readonly List<byte> _labels = [];
    private readonly List<List<Edge>?> _edges = [];
    private long _relationshipCount;

    public static byte TypeCode(string type) => TypeCodes[type];

    public static string TypeName(byte code) => TypeNames[code];

    public static byte LabelCode(string label) => LabelCodes[label];

    public static string LabelName(byte code) => LabelNames[code];

    public int NodeCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _idByName.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public long RelationshipCount => Interlocked.Read(ref _relationshipCount);

    /// <summary>The next id a new node will get; ids are never reused within a process.</summary>
    public int NextId
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _names.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public bool TryGetId(string name, out int id)
    {
        _lock.EnterReadLock();
        try
        {
            return _idByName.TryGetValue(name, out id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Applies a committed change: all mutations of one write happen under one lock.</summary>
    public void Apply(Action<Mutator> change)
    {
        _lock.EnterWriteLock();
        try
        {
            change(new Mutator(this));
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Runs a read under one consistent view of the index.</summary>
    public T Read<T>(Func<Reader, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(new Reader(this));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Read access, valid only inside <see cref="Read{T}"/>.</summary>
    public readonly struct Reader(AdjacencyIndex index)
    {
        public bool TryGetId(string name, out int id) => index._idByName.TryGetValue(name, out id);

        public string NameOf(int id) => index._names[id]!;

        public byte LabelOf(int id) => index._labels[id];

        public IReadOnlyList<Edge> EdgesOf(int id) => (IReadOnlyList<Edge>?)index._edges[id] ?? [];

        /// <summary>The id of an existing relationship of this type from start to end, or null.</summary>
        public long? FindRelationship(int start, byte type, int end)
        {
            foreach (var edge in EdgesOf(start))
            {
                if (edge.Outgoing && edge.Type == type && edge.Other == end)
                {
                    return edge.RelationshipId;
                }
            }
            return null;
        }
    }

    /// <summary>Write access, valid only inside <see cref="Apply"/>.</summary>
    public readonly struct Mutator(AdjacencyIndex index)
    {
        public Reader Reader => new(index);

        public void AddNode(int id, string name, string label)
        {
            while (index._names.Count <= id)
            {
                index._names.Add(null);
                index._labels.Add(0);
                index._edges.Add(null);
            }
            index._names[id] = name;
            index._labels[id] = LabelCode(label);
            index._idByName[name] = id;
        }

        public void AddRelationship(long relationshipId, int start, byte type, int end)
        {
            (index._edges[start] ??= []).Add(new Edge(relationshipId, end, type, true));
            (index._edges[end] ??= []).Add(new Edge(relationshipId, start, type, false));
            Interlocked.Increment(ref index._relationshipCount);
        }

        /// <summary>Removes a node and every relationship touching it.</summary>
        public void RemoveNode(int id)
        {
            if (index._edges[id] is { } edges)
            {
                foreach (var edge in edges)
                {
                    if (edge.Other != id)
                    {
                        index._edges[edge.Other]?.RemoveAll(e => e.RelationshipId == edge.RelationshipId);
                    }
                }
                var distinct = edges.Select(e => e.RelationshipId).Distinct().Count();
                Interlocked.Add(ref index._relationshipCount, -distinct);
            }
            index._idByName.Remove(index._names[id]!);
            index._names[id] = null;
            index._edges[id] = null;
        }

        public void Clear()
        {
            index._idByName.Clear();
            index._names.Clear();
            index._labels.Clear();
            index._edges.Clear();
            Interlocked.Exchange(ref index._relationshipCount, 0);
        }
    }

    /// <summary>Breadth-first from a node: the ids reached within <paramref name="depth"/> hops, nearest first.</summary>
    public (List<int> Nodes, bool Truncated) Expand(
        int start, int depth, IReadOnlySet<byte>? types, IReadOnlySet<byte>? labels, int limit, CancellationToken cancellationToken)
    {
        return Read(reader =>
        {
            var seen = new HashSet<int> { start };
            var order = new List<int> { start };
            var frontier = new List<int> { start };
            var truncated = false;
            for (var hop = 0; hop < depth && frontier.Count > 0 && !truncated; hop++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = new List<int>();
                foreach (var id in frontier)
                {
                    foreach (var edge in reader.EdgesOf(id))
                    {
                        if ((types is not null && !types.Contains(edge.Type))
                            || (labels is not null && !labels.Contains(reader.LabelOf(edge.Other)))
                            || !seen.Add(edge.Other))
                        {
                            continue;
                        }
                        if (order.Count >= limit)
                        {
                            truncated = true;
                            break;
                        }
                        order.Add(edge.Other);
                        next.Add(edge.Other);
                    }
                    if (truncated)
                    {
                        break;
                    }
                }
                frontier = next;
            }
            return (order, truncated);
        });
    }

    /// <summary>The relationships among a set of nodes (each once), optionally of some types, at most <paramref name="limit"/>.</summary>
    public (List<long> Relationships, bool Truncated) RelationshipsAmong(IReadOnlyCollection<int> nodes, IReadOnlySet<byte>? types, int limit)
    {
        return Read(reader =>
        {
            var members = nodes as IReadOnlySet<int> ?? nodes.ToHashSet();
            var result = new List<long>();
            foreach (var id in nodes)
            {
                foreach (var edge in reader.EdgesOf(id))
                {
                    if (!edge.Outgoing || !members.Contains(edge.Other) || (types is not null && !types.Contains(edge.Type)))
                    {
                        continue;
                    }
                    if (result.Count >= limit)
                    {
                        return (result, true);
                    }
                    result.Add(edge.RelationshipId);
                }
            }
            return (result, false);
        });
    }

    /// <summary>Direction filter used by relationship listings.</summary>
    public static bool Follows(Edge edge, Direction direction) => direction switch
    {
        Direction.Outgoing => edge.Outgoing,
        Direction.Incoming => !edge.Outgoing,
        _ => true,
    };
}
