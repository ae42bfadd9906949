using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Transfer;

/// <summary>The types GraphML and GEXF both declare, as the two spell them alike.</summary>
public enum AttributeType
{
    Boolean,
    Long,
    Double,
    String,
}

/// <summary>A property as a declared attribute: its property name, the title it is written under, its type.</summary>
public sealed record PropertyAttribute(string Property, string Title, AttributeType Type)
{
    public string TypeName => Type.ToString().ToLowerInvariant();

    /// <summary>The value as the attribute's type writes it, or null for a JSON null (written as no value).</summary>
    public string? Text(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.NullValue => null,
        Value.KindOneofCase.NumberValue when Type == AttributeType.Long => ((long)value.NumberValue).ToString(CultureInfo.InvariantCulture),
        _ => Render.Text(value),
    };
}

/// <summary>
/// The attributes of an export, learnt from every node and relationship before any is written, because GraphML
/// and GEXF declare attributes first. Each property name gets one type that holds all its values: whole numbers
/// long, other numbers double, true and false boolean; text, mixed kinds, lists and objects string (lists and
/// objects as JSON). A property named like an attribute the writers add themselves is titled `properties.{name}`.
/// </summary>
public sealed class AttributeSchema
{
    /// <summary>Node attributes the writers add: the node's label (`Partner`) and its display name.</summary>
    public static readonly string[] NodeReserved = ["labels", "label"];

    /// <summary>Edge attributes the writers add: the relationship type, which GEXF also writes as the edge's label.</summary>
    public static readonly string[] EdgeReserved = ["type", "label"];

    // Numbers travel as doubles; beyond 2^53 a whole number is not exact, so it is written as a double.
    private const double LargestExactInteger = 9007199254740992;

    private readonly PropertyTypes _nodes = new(NodeReserved);
    private readonly PropertyTypes _edges = new(EdgeReserved);

    public IReadOnlyList<PropertyAttribute> NodeProperties => _nodes.Attributes;

    public IReadOnlyList<PropertyAttribute> EdgeProperties => _edges.Attributes;

    public void Add(Node node) => _nodes.Add(node.Properties);

    public void Add(Relationship relationship) => _edges.Add(relationship.Properties);

    /// <summary>A node's property values as (index in <see cref="NodeProperties"/>, text); nulls are left out.</summary>
    public IEnumerable<(int Index, string Text)> Values(Node node) => _nodes.Values(node.Properties);

    /// <summary>A relationship's property values as (index in <see cref="EdgeProperties"/>, text); nulls are left out.</summary>
    public IEnumerable<(int Index, string Text)> Values(Relationship relationship) => _edges.Values(relationship.Properties);

    private static AttributeType? TypeOf(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.BoolValue => AttributeType.Boolean,
        Value.KindOneofCase.NumberValue => double.IsInteger(value.NumberValue) && Math.Abs(value.NumberValue) <= LargestExactInteger ? AttributeType.Long : AttributeType.Double,
        Value.KindOneofCase.NullValue => null,
        _ => AttributeType.String,
    };

    private static AttributeType Widen(AttributeType a, AttributeType b) => (a, b) switch
    {
        _ when a == b => a,
        (AttributeType.Long, AttributeType.Double) or (AttributeType.Double, AttributeType.Long) => AttributeType.Double,
        _ => AttributeType.String,
    };

    /// <summary>The properties of nodes or of edges, in the order first seen, so the declarations follow the data.</summary>
    private sealed class PropertyTypes(string[] reserved)
    {
        private readonly List<PropertyAttribute> _attributes = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public IReadOnlyList<PropertyAttribute> Attributes => _attributes;

        public void Add(Struct? properties)
        {
            foreach (var (name, value) in properties?.Fields ?? [])
            {
                if (TypeOf(value) is not { } type)
                {
                    continue;
                }
                if (_index.TryGetValue(name, out var i))
                {
                    _attributes[i] = _attributes[i] with { Type = Widen(_attributes[i].Type, type) };
                    continue;
                }
                _index[name] = _attributes.Count;
                _attributes.Add(new PropertyAttribute(name, reserved.Contains(name) ? "properties." + name : name, type));
            }
        }

        public IEnumerable<(int Index, string Text)> Values(Struct? properties)
        {
            foreach (var (name, value) in properties?.Fields ?? [])
            {
                if (_index.TryGetValue(name, out var i) && _attributes[i].Text(value) is { } text)
                {
                    yield return (i, text);
                }
            }
        }
    }
}
