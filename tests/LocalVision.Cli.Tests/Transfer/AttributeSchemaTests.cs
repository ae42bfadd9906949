using Google.Protobuf.WellKnownTypes;
using LocalVision.Cli.Transfer;
using LocalVision.V1;

namespace LocalVision.Cli.Tests.Transfer;

public sealed class AttributeSchemaTests
{
    [Fact]
    public void Add_ValuesOfSeveralKinds_GivesEachPropertyATypeThatHoldsThemAll()
    {
        var schema = new AttributeSchema();
        schema.Add(Node("""{"whole":1,"mixed":1,"number":1,"flag":true,"list":[1],"huge":1e300,"empty":null}"""));
        schema.Add(Node("""{"whole":9007199254740992,"mixed":"one","number":2.5,"flag":false,"list":[2]}"""));

        var types = schema.NodeProperties.ToDictionary(p => p.Property, p => p.Type);

        Assert.Equal(AttributeType.Long, types["whole"]);
        Assert.Equal(AttributeType.String, types["mixed"]);
        Assert.Equal(AttributeType.Double, types["number"]);
        Assert.Equal(AttributeType.Boolean, types["flag"]);
        Assert.Equal(AttributeType.String, types["list"]);
        Assert.Equal(AttributeType.Double, types["huge"]);
        Assert.False(types.ContainsKey("empty"));
    }

    [Fact]
    public void Values_OfEachType_WrittenAsTheTypeReadsThem()
    {
        var schema = new AttributeSchema();
        var node = Node("""{"big":1e15,"ratio":0.25,"list":["a",1],"object":{"k":true},"none":null}""");
        schema.Add(node);

        var values = schema.Values(node).ToDictionary(v => schema.NodeProperties[v.Index].Property, v => v.Text);

        Assert.Equal("1000000000000000", values["big"]);
        Assert.Equal("0.25", values["ratio"]);
        Assert.Equal("""[ "a", 1 ]""", values["list"]);
        Assert.Equal("""{ "k": true }""", values["object"]);
        Assert.False(values.ContainsKey("none"));
    }

    [Fact]
    public void Add_PropertyNamedLikeAnAttributeTheWritersAdd_IsTitledUnderProperties()
    {
        var schema = SampleGraph.Schema();

        Assert.Contains(schema.NodeProperties, p => p is { Property: "label", Title: "properties.label" });
        Assert.Contains(schema.EdgeProperties, p => p is { Property: "type", Title: "properties.type" });
        Assert.Contains(schema.EdgeProperties, p => p is { Property: "role", Title: "role" });
    }

    private static Node Node(string properties) =>
        new() { Name = "partners/a", Label = "Partner", Properties = Struct.Parser.ParseJson(properties) };
}
