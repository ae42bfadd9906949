using System.Globalization;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Network;

/// <summary>One relationship of a projection, by node indices.</summary>
public readonly record struct ProjectedRelationship(int Index, string Type, int Start, int End, double Weight);

/// <summary>
/// An immutable, in-memory copy of (part of) the graph laid out for algorithms: node names, labels and kinds in
/// arrays, relationships as start/end/type/weight arrays, and the arcs in compressed sparse rows. Nodes and
/// relationships are addressed by dense indices; names come back through <see cref="NameOf"/> and
/// <see cref="KeyOf"/>. Safe for concurrent readers.
/// </summary>
public sealed class NetworkProjection
{
    private const string KindProperty = "kind";

    private readonly string[] _names;
    private readonly byte[] _labels;
    private readonly string[] _labelNames;
    private readonly short[] _kinds;
    private readonly string[] _kindNames;
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly byte[] _types;
    private readonly string[] _typeNames;
    private readonly double[] _weights;
    private readonly Lazy<Dictionary<string, int>> _indexByName;
    private readonly Lazy<Adjacency> _incoming;

    internal readonly Adjacency Out;

    internal NetworkProjection(
        string[] names, byte[] labels, string[] labelNames, short[] kinds, string[] kindNames,
        int[] starts, int[] ends, byte[] types, string[] typeNames, double[] weights,
        ProjectionDirection direction, bool weighted, MultiEdges multiEdges)
    {
        _names = names;
        _labels = labels;
        _labelNames = labelNames;
        _kinds = kinds;
        _kindNames = kindNames;
        _starts = starts;
        _ends = ends;
        _types = types;
        _typeNames = typeNames;
        _weights = weights;
        Direction = direction;
        IsWeighted = weighted;
        MultiEdges = multiEdges;
        Out = Adjacency.Build(names.Length, starts, ends, weights, direction, multiEdges);
        _indexByName = new Lazy<Dictionary<string, int>>(BuildIndex);
        _incoming = new Lazy<Adjacency>(() => direction == ProjectionDirection.Undirected ? Out : Out.Transpose());
    }

    /// <summary>The same projection stamped with a later store version (a write that did not touch it); shares every array.</summary>
    private NetworkProjection(NetworkProjection source, long version)
    {
        _names = source._names;
        _labels = source._labels;
        _labelNames = source._labelNames;
        _kinds = source._kinds;
        _kindNames = source._kindNames;
        _starts = source._starts;
        _ends = source._ends;
        _types = source._types;
        _typeNames = source._typeNames;
        _weights = source._weights;
        Direction = source.Direction;
        IsWeighted = source.IsWeighted;
        MultiEdges = source.MultiEdges;
        Out = source.Out;
        _indexByName = source._indexByName;
        _incoming = source._incoming;
        Version = version;
        ContentVersion = source.ContentVersion;
    }

    public ProjectionDirection Direction { get; }

    /// <summary>True when arcs carry costs from a weight property; otherwise every arc costs 1.</summary>
    public bool IsWeighted { get; }

    /// <summary>Whether parallel relationships are one tie (the arcs hold one per pair) or several.</summary>
    public MultiEdges MultiEdges { get; }

    public int NodeCount => _names.Length;

    public int RelationshipCount => _starts.Length;

    /// <summary>Arcs in the adjacency: twice the ties when undirected (ties are the relationships unless merged).</summary>
    public int ArcCount => Out.ArcCount;

    /// <summary>The store version this projection was read at, or -1 when it was built in memory.</summary>
    public long Version
    {
        get;
        internal set
        {
            field = value;
            ContentVersion = value;
        }
    } = -1;

    /// <summary>
    /// The store version at which this projection's nodes and ties were read or last changed: one restamped at a later
    /// version, because no write since touched it, keeps it. Two projections of one spec with the same content version
    /// hold the same network in the same order, which is what a page token of a network answer is bound to.
    /// </summary>
    public long ContentVersion { get; private set; } = -1;

    /// <summary>The labels present, indexed by <see cref="LabelIdOf"/>.</summary>
    public IReadOnlyList<string> LabelNames => _labelNames;

    /// <summary>The relationship types present, indexed by <see cref="TypeIdOf"/>.</summary>
    public IReadOnlyList<string> TypeNames => _typeNames;

    /// <summary>The node kinds present (the <c>kind</c> property of partners and initiatives), indexed by <see cref="KindIdOf"/>.</summary>
    public IReadOnlyList<string> KindNames => _kindNames;

    internal Adjacency In => _incoming.Value;

    public string NameOf(int node) => _names[node];

    public string LabelOf(int node) => _labelNames[_labels[node]];

    public int LabelIdOf(int node) => _labels[node];

    /// <summary>The node's <c>kind</c> property, or null when it has none.</summary>
    public string? KindOf(int node) => _kinds[node] < 0 ? null : _kindNames[_kinds[node]];

    /// <summary>The index of the node's kind in <see cref="KindNames"/>, or -1.</summary>
    public int KindIdOf(int node) => _kinds[node];

    /// <summary>The node's index, or -1 when it is not in the projection.</summary>
    public int IndexOf(string name) => _indexByName.Value.GetValueOrDefault(name, -1);

    public bool Contains(string name) => _indexByName.Value.ContainsKey(name);

    /// <summary>How many arcs leave the node (its degree when undirected).</summary>
    public int Degree(int node) => Out.Offsets[node + 1] - Out.Offsets[node];

    /// <summary>How many arcs arrive at the node (its degree when undirected).</summary>
    public int InDegree(int node) => In.Offsets[node + 1] - In.Offsets[node];

    /// <summary>The nodes the arcs leaving <paramref name="node"/> reach, in relationship order.</summary>
    public ReadOnlySpan<int> Neighbors(int node) => Out.Targets.AsSpan(Out.Offsets[node], Degree(node));

    /// <summary>The relationship behind each arc of <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<int> ArcRelationships(int node) => Out.Relationships.AsSpan(Out.Offsets[node], Degree(node));

    /// <summary>The cost of each arc of <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<double> ArcWeights(int node) => Out.Weights.AsSpan(Out.Offsets[node], Degree(node));

    public ProjectedRelationship Relationship(int relationship) =>
        new(relationship, _typeNames[_types[relationship]], _starts[relationship], _ends[relationship], _weights[relationship]);

    public int StartOf(int relationship) => _starts[relationship];

    public int EndOf(int relationship) => _ends[relationship];

    public int TypeIdOf(int relationship) => _types[relationship];

    public double WeightOf(int relationship) => _weights[relationship];

    /// <summary>The node's name and label, for a result whose node has gone from the store since the projection was read.</summary>
    public GraphNode BareNode(int node) => new(_names[node], LabelOf(node), _names[node], []);

    /// <summary>The relationship without properties, for a result whose relationship has gone from the store since.</summary>
    public GraphRelationship BareRelationship(int relationship) =>
        new(_typeNames[_types[relationship]], _names[_starts[relationship]], _names[_ends[relationship]], []);

    /// <summary>What identifies the relationship in the store, in its stored direction.</summary>
    public RelationshipKey KeyOf(int relationship) =>
        new(_typeNames[_types[relationship]], _names[_starts[relationship]], _names[_ends[relationship]]);

    /// <summary>
    /// About how much memory the projection holds: its arrays, the names, and the name index and incoming arcs once
    /// they are built (counted as if they were, since any call may build them).
    /// </summary>
    public long EstimatedBytes
    {
        get
        {
            long n = _names.Length;
            long m = _starts.Length;
            long arcs = Out.ArcCount;
            var names = 0L;
            foreach (var name in _names)
            {
                // A string's header and length, its UTF-16 characters, rounded to 8 bytes.
                names += 24 + ((2L * name.Length + 7) & ~7L);
            }
            var adjacency = (4 * (n + 1)) + (16 * arcs);
            var incoming = Direction == ProjectionDirection.Undirected ? 0 : adjacency;
            // A Dictionary<string, int> entry is 24 bytes plus its bucket, and the names array holds a reference each.
            var index = 28 * n;
            return names + (8 * n) + (3 * n) + (17 * m) + adjacency + incoming + index;
        }
    }

    /// <summary>
    /// The projection restricted to some nodes and the relationships among them, with nodes renumbered in the order
    /// given. <paramref name="mapping"/> gives, for each old index, the new one or -1.
    /// </summary>
    public NetworkProjection Induced(IReadOnlyList<int> nodes, out int[] mapping)
    {
        mapping = new int[NodeCount];
        Array.Fill(mapping, -1);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (mapping[nodes[i]] >= 0)
            {
                throw new ArgumentException($"node {NameOf(nodes[i])} is given twice", nameof(nodes));
            }
            mapping[nodes[i]] = i;
        }
        var kept = new List<int>();
        for (var r = 0; r < RelationshipCount; r++)
        {
            if (mapping[_starts[r]] >= 0 && mapping[_ends[r]] >= 0)
            {
                kept.Add(r);
            }
        }
        var names = new string[nodes.Count];
        var labels = new byte[nodes.Count];
        var kinds = new short[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            names[i] = _names[nodes[i]];
            labels[i] = _labels[nodes[i]];
            kinds[i] = _kinds[nodes[i]];
        }
        var starts = new int[kept.Count];
        var ends = new int[kept.Count];
        var types = new byte[kept.Count];
        var weights = new double[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var r = kept[i];
            starts[i] = mapping[_starts[r]];
            ends[i] = mapping[_ends[r]];
            types[i] = _types[r];
            weights[i] = _weights[r];
        }
        return new NetworkProjection(names, labels, _labelNames, kinds, _kindNames, starts, ends, types, _typeNames, weights, Direction, IsWeighted, MultiEdges)
        {
            Version = Version,
        };
    }

    /// <summary>The projection restricted to some nodes and the relationships among them.</summary>
    public NetworkProjection Induced(IReadOnlyList<int> nodes) => Induced(nodes, out _);

    /// <summary>
    /// This projection with its name index and incoming arcs built now, on the thread that builds it, rather than by the
    /// first call that needs them: at a million nodes that takes seconds, which a call could not stop once started.
    /// </summary>
    internal NetworkProjection Prepared()
    {
        _ = _indexByName.Value;
        _ = _incoming.Value;
        return this;
    }

    /// <summary>This projection, unchanged, as valid at a later store version.</summary>
    internal NetworkProjection Restamped(long version) => new(this, version);

    /// <summary>The same nodes with other relationships (indices into this projection's nodes), valid at a later store version.</summary>
    internal NetworkProjection WithRelationships(int[] starts, int[] ends, byte[] types, string[] typeNames, double[] weights, long version) =>
        new(_names, _labels, _labelNames, _kinds, _kindNames, starts, ends, types, typeNames, weights, Direction, IsWeighted, MultiEdges)
        {
            Version = version,
        };

    /// <summary>
    /// Reads a projection from a store. Relationships are kept when their type is chosen, both ends are among the
    /// chosen labels, and (with <see cref="ProjectionSpec.AsOf"/>) they are valid on that date.
    /// </summary>
    /// <exception cref="GraphValidationException">A weight is negative or not a number.</exception>
    public static async Task<NetworkProjection> BuildAsync(IGraphStore store, ProjectionSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        spec = spec.Normalize();
        // Read the version first: a write racing with the read makes the projection look older than it is, never newer.
        var version = await store.GetVersionAsync(cancellationToken);
        // Only names, labels, kinds and the arcs are kept: records are looked up for the few nodes a result shows.
        var builder = new NetworkBuilder(spec.Direction, weighted: spec.WeightProperty is not null, spec.MultiEdges);
        await foreach (var node in store.ReadNodesAsync(spec.Labels, cancellationToken))
        {
            builder.AddNode(node);
        }
        var types = spec.RelationshipTypes.Count == 0 ? null : spec.RelationshipTypes.ToHashSet(StringComparer.Ordinal);
        await foreach (var relationship in store.ReadRelationshipsAsync(spec.Labels, cancellationToken))
        {
            if (types is not null && !types.Contains(relationship.Type))
            {
                continue;
            }
            if (spec.AsOf is { } date && !IsValidOn(relationship, date))
            {
                continue;
            }
            var start = builder.IndexOf(relationship.Start);
            var end = builder.IndexOf(relationship.End);
            if (start < 0 || end < 0)
            {
                // Written between the two reads; it belongs to a later version.
                continue;
            }
            var weight = spec.WeightProperty is null ? 1.0 : WeightOf(relationship, spec);
            if (!(weight >= 0))
            {
                throw GraphValidationException.Single("weight_property",
                    $"the {relationship.Type} relationship {relationship.Start} -> {relationship.End} has {spec.WeightProperty} {weight}; weights must be non-negative numbers");
            }
            builder.AddRelationship(start, end, relationship.Type, weight);
        }
        var projection = builder.Build();
        projection.Version = version;
        return projection;
    }

    /// <summary>The weight a build would give the relationship, or null where the build would refuse it.</summary>
    internal static double? ValidWeightOf(GraphRelationship relationship, ProjectionSpec spec)
    {
        if (spec.WeightProperty is null)
        {
            return 1.0;
        }
        var weight = relationship.Properties[spec.WeightProperty] is null ? spec.DefaultWeight : relationship.GetNumber(spec.WeightProperty);
        return weight >= 0 ? weight : null;
    }

    /// <summary>A relationship's weight: its number, the default when it has none; a value of another kind is refused, not read as missing.</summary>
    private static double WeightOf(GraphRelationship relationship, ProjectionSpec spec)
    {
        var value = relationship.Properties[spec.WeightProperty!];
        if (value is null)
        {
            return spec.DefaultWeight;
        }
        return relationship.GetNumber(spec.WeightProperty!) ?? throw GraphValidationException.Single("weight_property",
            $"the {relationship.Type} relationship {relationship.Start} -> {relationship.End} has {spec.WeightProperty} {value.ToJsonString()}, which is not a number");
    }

    /// <summary>Whether a relationship's <c>from</c>/<c>to</c> interval (inclusive, open where missing) contains the date.</summary>
    public static bool IsValidOn(GraphRelationship relationship, DateOnly date) =>
        (ParseDate(relationship.GetString("from")) is not { } from || from <= date)
        && (ParseDate(relationship.GetString("to")) is not { } to || date <= to);

    private static DateOnly? ParseDate(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>
    /// Builds a projection straight from arrays (a generator or a loader that never materialises records).
    /// The arrays are owned by the projection afterwards.
    /// </summary>
    /// <param name="labels">Per node, an index into <paramref name="labelNames"/>.</param>
    /// <param name="kinds">Per node, an index into <paramref name="kindNames"/> or -1; null when no node has a kind.</param>
    /// <param name="types">Per relationship, an index into <paramref name="typeNames"/>.</param>
    /// <param name="weights">Per relationship, its cost; null weighs every relationship 1.</param>
    public static NetworkProjection FromArrays(
        string[] names, byte[] labels, IReadOnlyList<string> labelNames, short[]? kinds, IReadOnlyList<string> kindNames,
        int[] starts, int[] ends, byte[] types, IReadOnlyList<string> typeNames, double[]? weights, ProjectionDirection direction,
        MultiEdges multiEdges = MultiEdges.Merge)
    {
        var n = names.Length;
        var m = starts.Length;
        if (labels.Length != n || (kinds is not null && kinds.Length != n))
        {
            throw new ArgumentException("labels and kinds need one entry per node");
        }
        if (ends.Length != m || types.Length != m || (weights is not null && weights.Length != m))
        {
            throw new ArgumentException("ends, types and weights need one entry per relationship");
        }
        for (var r = 0; r < m; r++)
        {
            if ((uint)starts[r] >= (uint)n || (uint)ends[r] >= (uint)n)
            {
                throw new ArgumentException($"relationship {r} ends outside the {n} nodes");
            }
            if (weights is not null && !(weights[r] >= 0))
            {
                throw new ArgumentException($"relationship {r} has weight {weights[r]}; weights must be non-negative numbers");
            }
        }
        var weighted = weights is not null;
        if (kinds is null)
        {
            kinds = new short[n];
            Array.Fill(kinds, (short)-1);
        }
        if (weights is null)
        {
            weights = new double[m];
            Array.Fill(weights, 1.0);
        }
        return new NetworkProjection(names, labels, labelNames.ToArray(), kinds, kindNames.ToArray(), starts, ends, types, typeNames.ToArray(),
            weights, direction, weighted, multiEdges);
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            index[_names[i]] = i;
        }
        return index;
    }
}
