using System.Xml.Linq;
using LocalVision.Cli.Transfer;

namespace LocalVision.Cli.Tests.Transfer;

public sealed class GexfWriterTests
{
    private static readonly XNamespace G = "http://gexf.net/1.3";

    private static readonly XDocument Document = XDocument.Parse(SampleGraph.Written(GexfWriter.Write));

    private static XElement Graph => Document.Root!.Element(G + "graph")!;

    private static Dictionary<string, (string Title, string Type)> Attributes(string domain) =>
        Graph.Elements(G + "attributes").Single(a => (string?)a.Attribute("class") == domain).Elements(G + "attribute")
            .ToDictionary(a => (string)a.Attribute("id")!, a => ((string)a.Attribute("title")!, (string)a.Attribute("type")!));

    private static Dictionary<string, string> Values(XElement element, Dictionary<string, (string Title, string Type)> attributes) =>
        element.Element(G + "attvalues")!.Elements(G + "attvalue").ToDictionary(v => attributes[(string)v.Attribute("for")!].Title, v => (string)v.Attribute("value")!);

    [Fact]
    public void Write_Document_IsGexf13WithNodeAndEdgeAttributesDeclared()
    {
        Assert.Equal(G + "gexf", Document.Root!.Name);
        Assert.Equal("1.3", (string?)Document.Root.Attribute("version"));
        Assert.Equal("directed", (string?)Graph.Attribute("defaultedgetype"));
        Assert.Equal(["attributes", "attributes", "nodes", "edges"], Graph.Elements().Select(e => e.Name.LocalName));
        Assert.Contains(("labels", "string"), Attributes("node").Values);
        Assert.Contains(("founded", "double"), Attributes("node").Values);
        Assert.Contains(("type", "string"), Attributes("edge").Values);
        Assert.Contains(("role", "string"), Attributes("edge").Values);
    }

    [Fact]
    public void Write_NodesAndEdges_CarryLabelsKindsAndValues()
    {
        var nodes = Graph.Element(G + "nodes")!.Elements(G + "node").ToList();
        var edge = Assert.Single(Graph.Element(G + "edges")!.Elements(G + "edge"));

        Assert.Equal(["partners/age-uk", "initiatives/lv"], nodes.Select(n => (string)n.Attribute("id")!));
        Assert.Equal(["Age UK \uFFFD", "initiatives/lv"], nodes.Select(n => (string)n.Attribute("label")!));
        var partner = Values(nodes[0], Attributes("node"));
        Assert.Equal("Partner", partner["labels"]);
        Assert.Equal("1961", partner["founded"]);
        Assert.Equal("""[ "a", "b" ]""", partner["tags"]);
        Assert.Equal(("partners/age-uk", "initiatives/lv"), ((string)edge.Attribute("source")!, (string)edge.Attribute("target")!));
        Assert.Equal(("PARTNER_IN", "PARTNER_IN"), ((string)edge.Attribute("label")!, (string)edge.Attribute("kind")!));
        Assert.Equal("PARTNER_IN", Values(edge, Attributes("edge"))["type"]);
        Assert.Equal("x", Values(edge, Attributes("edge"))["properties.type"]);
    }
}
