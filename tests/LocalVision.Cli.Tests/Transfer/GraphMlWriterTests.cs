using System.Xml;
using System.Xml.Linq;
using LocalVision.Cli.Transfer;

namespace LocalVision.Cli.Tests.Transfer;

public sealed class GraphMlWriterTests
{
    private static readonly XNamespace G = "http://graphml.graphdrawing.org/xmlns";

    private static readonly XDocument Document = XDocument.Parse(SampleGraph.Written(GraphMlWriter.Write));

    [Fact]
    public void Write_Keys_DeclaredBeforeTheGraphWithTheirTypes()
    {
        var root = Document.Root!;
        var keys = root.Elements(G + "key").Select(k => ((string)k.Attribute("for")!, (string)k.Attribute("attr.name")!, (string)k.Attribute("attr.type")!)).ToList();

        Assert.Equal(G + "graphml", root.Name);
        Assert.Equal(["key"], root.Elements().TakeWhile(e => e.Name != G + "graph").Select(e => e.Name.LocalName).Distinct());
        Assert.Contains(("node", "labels", "string"), keys);
        Assert.Contains(("node", "label", "string"), keys);
        Assert.Contains(("node", "founded", "double"), keys);
        Assert.Contains(("node", "active", "string"), keys);
        Assert.Contains(("node", "properties.label", "string"), keys);
        Assert.Contains(("edge", "type", "string"), keys);
        Assert.Contains(("edge", "properties.type", "string"), keys);
        Assert.DoesNotContain(keys, k => k.Item2 == "gone");
    }

    [Fact]
    public void Write_NodesAndEdges_CarryTheirLabelTypeAndProperties()
    {
        var graph = Document.Root!.Element(G + "graph")!;
        var keyNames = Document.Root.Elements(G + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.name")!);
        Dictionary<string, string> Data(XElement e) => e.Elements(G + "data").ToDictionary(d => keyNames[(string)d.Attribute("key")!], d => d.Value);

        var nodes = graph.Elements(G + "node").ToList();
        var edge = Assert.Single(graph.Elements(G + "edge"));

        Assert.Equal("directed", (string?)graph.Attribute("edgedefault"));
        Assert.Equal(["partners:age-uk", "initiatives:lv"], nodes.Select(n => (string)n.Attribute("id")!));
        var partner = Data(nodes[0]);
        Assert.Equal("Partner", partner["labels"]);
        Assert.Equal("Age UK \uFFFD", partner["label"]);
        Assert.Equal("1961", partner["founded"]);
        Assert.Equal("true", partner["active"]);
        Assert.Equal("charity", partner["properties.label"]);
        Assert.Equal("initiatives/lv", Data(nodes[1])["label"]);
        Assert.Equal(("partners:age-uk", "initiatives:lv"), ((string)edge.Attribute("source")!, (string)edge.Attribute("target")!));
        Assert.Equal("PARTNER_IN", Data(edge)["type"]);
        Assert.Equal("LEAD", Data(edge)["role"]);
    }

    [Fact]
    public void Write_Ids_AreUniqueNmTokensAsGraphMlsSchemaRequires()
    {
        var ids = Document.Descendants().Where(e => e.Name.LocalName is "key" or "graph" or "node" or "edge").Select(e => (string)e.Attribute("id")!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => XmlConvert.VerifyNMTOKEN(id));
        Assert.All(Document.Descendants(G + "edge"), e => XmlConvert.VerifyNMTOKEN((string)e.Attribute("source")!));
    }
}
