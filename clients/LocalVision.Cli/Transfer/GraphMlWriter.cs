using System.Xml;
using LocalVision.V1;

namespace LocalVision.Cli.Transfer;

/// <summary>
/// Writes the graph as GraphML (graphml.graphdrawing.org), for yEd, Gephi, networkx and igraph: a key per
/// attribute with its attr.type, then a directed graph. Node keys: `labels` (the node's label), `label` (its
/// display name, which Gephi shows) and one per property; edge keys: `type` and one per property.
/// GraphML ids are NMTOKENs, which cannot hold `/`, so a node's id is its resource name with `:` for `/`
/// (`partners:age-uk`).
/// </summary>
public static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(TextWriter output, AttributeSchema schema, IEnumerable<Node> nodes, IEnumerable<Relationship> relationships)
    {
        using var xml = GraphXml.Begin(output, "graphml", Namespace, $"{Namespace}/1.0/graphml.xsd");
        Key(xml, "labels", "node", "labels", "string");
        Key(xml, "label", "node", "label", "string");
        for (var i = 0; i < schema.NodeProperties.Count; i++)
        {
            Key(xml, NodeKey(i), "node", schema.NodeProperties[i].Title, schema.NodeProperties[i].TypeName);
        }
        Key(xml, "type", "edge", "type", "string");
        for (var i = 0; i < schema.EdgeProperties.Count; i++)
        {
            Key(xml, EdgeKey(i), "edge", schema.EdgeProperties[i].Title, schema.EdgeProperties[i].TypeName);
        }

        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "localvision");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var node in nodes)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", NodeId(node.Name));
            Data(xml, "labels", node.Label);
            Data(xml, "label", node.DisplayName.Length > 0 ? node.DisplayName : node.Name);
            foreach (var (index, text) in schema.Values(node))
            {
                Data(xml, NodeKey(index), text);
            }
            xml.WriteEndElement();
        }
        var count = 0;
        foreach (var relationship in relationships)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", $"r{count++}");
            xml.WriteAttributeString("source", NodeId(relationship.Start));
            xml.WriteAttributeString("target", NodeId(relationship.End));
            Data(xml, "type", relationship.Type);
            foreach (var (index, text) in schema.Values(relationship))
            {
                Data(xml, EdgeKey(index), text);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndDocument();
    }

    /// <summary>The GraphML id of a node: its resource name with `:` for `/`, and anything else an NMTOKEN cannot hold escaped.</summary>
    public static string NodeId(string name) => XmlConvert.EncodeNmToken(name.Replace('/', ':'));

    // Key, node and edge ids share one ID space under GraphML's DTD, so each kind has its own prefix.
    private static string NodeKey(int index) => $"node.{index}";

    private static string EdgeKey(int index) => $"edge.{index}";

    private static void Key(XmlWriter xml, string id, string domain, string name, string type)
    {
        xml.WriteStartElement("key");
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", GraphXml.Clean(name));
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string text)
    {
        xml.WriteStartElement("data");
        xml.WriteAttributeString("key", key);
        xml.WriteString(GraphXml.Clean(text));
        xml.WriteEndElement();
    }
}
