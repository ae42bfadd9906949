using LocalVision.Graph.Model;

namespace LocalVision.Graph.Network;

/// <summary>Gathers nodes and relationships one at a time (from a store, a test or a fixture) and lays them out as a projection.</summary>
public sealed class NetworkBuilder(ProjectionDirection direction, bool weighted = false, MultiEdges multiEdges = MultiEdges.Merge)
{
    private readonly List<string> _names = [];
    private readonly List<byte> _labels = [];
    private readonly List<short> _kinds = [];
    private readonly List<int> _starts = [];
    private readonly List<int> _ends = [];
    private readonly List<byte> _types = [];
    private readonly List<double> _weights = [];
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly Vocabulary _labelNames = new("labels");
    private readonly Vocabulary _kindNames = new("kinds");
    private readonly Vocabulary _typeNames = new("relationship types");

    public int NodeCount => _names.Count;

    /// <summary>Adds a node and returns its index.</summary>
    /// <exception cref="ArgumentException">A node of that name was added before.</exception>
    public int AddNode(string name, string label, string? kind = null) => Add(name, label, kind);

    /// <summary>Adds a stored node (its name, label and <c>kind</c> property) and returns its index.</summary>
    public int AddNode(GraphNode node) => Add(node.Name, node.Label, node.GetString("kind"));

    /// <summary>The index of a node added before, or -1.</summary>
    public int IndexOf(string name) => _indexByName.GetValueOrDefault(name, -1);

    /// <summary>Adds a relationship between two added nodes and returns its index.</summary>
    /// <exception cref="ArgumentException">An end is unknown or the weight is negative or not a number.</exception>
    public int AddRelationship(int start, int end, string type, double weight = 1.0)
    {
        if ((uint)start >= (uint)_names.Count || (uint)end >= (uint)_names.Count)
        {
            throw new ArgumentException($"a {type} relationship ends at an unknown node index");
        }
        if (!(weight >= 0))
        {
            throw new ArgumentException($"the {type} relationship {_names[start]} -> {_names[end]} has weight {weight}; weights must be non-negative numbers");
        }
        _starts.Add(start);
        _ends.Add(end);
        _types.Add((byte)_typeNames.IdOf(type));
        _weights.Add(weight);
        return _starts.Count - 1;
    }

    /// <summary>Adds a relationship between two added nodes by name.</summary>
    public int AddRelationship(string start, string end, string type, double weight = 1.0) =>
        AddRelationship(Require(start), Require(end), type, weight);

    public NetworkProjection Build() =>
        new([.. _names], [.. _labels], _labelNames.ToArray(), [.. _kinds], _kindNames.ToArray(),
            [.. _starts], [.. _ends], [.. _types], _typeNames.ToArray(), [.. _weights], direction, weighted, multiEdges);

    private int Add(string name, string label, string? kind)
    {
        if (!_indexByName.TryAdd(name, _names.Count))
        {
            throw new ArgumentException($"the node {name} was added twice", nameof(name));
        }
        _names.Add(name);
        _labels.Add((byte)_labelNames.IdOf(label));
        _kinds.Add(kind is null ? (short)-1 : (short)_kindNames.IdOf(kind));
        return _names.Count - 1;
    }

    private int Require(string name) =>
        _indexByName.TryGetValue(name, out var index) ? index : throw new ArgumentException($"no node {name} was added", nameof(name));

    /// <summary>Small dictionaries of names (labels, kinds, types), numbered in order of first sight.</summary>
    private sealed class Vocabulary(string what)
    {
        private readonly List<string> _names = [];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public int IdOf(string name)
        {
            if (_ids.TryGetValue(name, out var id))
            {
                return id;
            }
            if (_names.Count == byte.MaxValue)
            {
                throw new ArgumentException($"a projection holds at most {byte.MaxValue} distinct {what}");
            }
            _ids[name] = _names.Count;
            _names.Add(name);
            return _names.Count - 1;
        }

        public string[] ToArray() => [.. _names];
    }
}
