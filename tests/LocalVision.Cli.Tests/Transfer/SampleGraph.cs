using Google.Protobuf.WellKnownTypes;
using LocalVision.Cli.Transfer;
using LocalVision.V1;

namespace LocalVision.Cli.Tests.Transfer;

/// <summary>A partner, a project and the tie between them, with a property of each attribute type.</summary>
public static class SampleGraph
{
    public static Node[] Nodes =>
    [
        new()
        {
            Name = "partners/age-uk", Label = "Partner", DisplayName = "Age UK \u0001",
            Properties = Struct.Parser.ParseJson("""{"name":"Age UK","founded":1961,"active":true,"label":"charity","tags":["a","b"],"gone":null}"""),
        },
        new()
        {
            Name = "initiatives/lv", Label = "Initiative",
            Properties = Struct.Parser.ParseJson("""{"name":"Local Vision","founded":2014.5,"active":"yes"}"""),
        },
    ];

    public static Relationship[] Relationships =>
    [
        new() { Type = "PARTNER_IN", Start = "partners/age-uk", End = "initiatives/lv", Properties = Struct.Parser.ParseJson("""{"role":"LEAD","type":"x"}""") },
    ];

    public static AttributeSchema Schema()
    {
        var schema = new AttributeSchema();
        foreach (var node in Nodes)
        {
            schema.Add(node);
        }
        foreach (var relationship in Relationships)
        {
            schema.Add(relationship);
        }
        return schema;
    }

    /// <summary>What a writer wrote, as text.</summary>
    public static string Written(Action<TextWriter, AttributeSchema, IEnumerable<Node>, IEnumerable<Relationship>> write)
    {
        using var text = new StringWriter();
        write(text, Schema(), Nodes, Relationships);
        return text.ToString();
    }
}
