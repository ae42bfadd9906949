using System.Globalization;
using System.Xml;
using LocalVision.V1;

namespace LocalVision.Cli.Transfer;

/// <summary>
/// Writes the graph as GEXF 1.3 (gexf.net), Gephi's own format: node and edge attributes declared with their
/// types, then nodes (id = resource name, label = display name) and directed edges whose label and kind are
/// the relationship type (Gephi 0.9.3+ keeps each kind as an edge type). Attributes: `labels` (the node's
/// label) and one per property on nodes; `type` and one per property on edges.
/// </summary>
public static class GexfWriter
{
    private const string Namespace = "http://gexf.net/1.3";

    public static void Write(TextWriter output, AttributeSchema schema, IEnumerable<Node> nodes, IEnumerable<Relationship> relationships)
    {
        using var xml = GraphXml.Begin(output, "gexf", Namespace, $"{Namespace}/gexf.xsd");
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta");
        xml.WriteAttributeString("lastmodifieddate", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteElementString("creator", "lv, the LocalVision command line");
        xml.WriteElementString("description", "The Local Vision knowledge graph");
        xml.WriteEndElement();

        xml.WriteStartElement("graph");
        xml.WriteAttributeString("defaultedgetype", "directed");
        xml.WriteAttributeString("mode", "static");
        Attributes(xml, "node", "labels", schema.NodeProperties);
        Attributes(xml, "edge", "type", schema.EdgeProperties);

        xml.WriteStartElement("nodes");
        foreach (var node in nodes)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", GraphXml.Clean(node.Name));
            xml.WriteAttributeString("label", GraphXml.Clean(node.DisplayName.Length > 0 ? node.DisplayName : node.Name));
            AttributeValues(xml, "labels", node.Label, schema.Values(node));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("edges");
        var count = 0;
        foreach (var relationship in relationships)
        {
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", (count++).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", GraphXml.Clean(relationship.Start));
            xml.WriteAttributeString("target", GraphXml.Clean(relationship.End));
            xml.WriteAttributeString("label", GraphXml.Clean(relationship.Type));
            xml.WriteAttributeString("kind", GraphXml.Clean(relationship.Type));
            AttributeValues(xml, "type", relationship.Type, schema.Values(relationship));
            xml.WriteEndElement();
        }
        xml.WriteEndDocument();
    }

    /// <summary>Declares the attribute the writer adds (id = its title) and one per property (id = its index).</summary>
    private static void Attributes(XmlWriter xml, string domain, string added, IReadOnlyList<PropertyAttribute> properties)
    {
        xml.WriteStartElement("attributes");
        xml.WriteAttributeString("class", domain);
        Attribute(xml, added, added, "string");
        for (var i = 0; i < properties.Count; i++)
        {
            Attribute(xml, i.ToString(CultureInfo.InvariantCulture), properties[i].Title, properties[i].TypeName);
        }
        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string id, string title, string type)
    {
        xml.WriteStartElement("attribute");
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("title", GraphXml.Clean(title));
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static void AttributeValues(XmlWriter xml, string added, string addedValue, IEnumerable<(int Index, string Text)> values)
    {
        xml.WriteStartElement("attvalues");
        AttributeValue(xml, added, addedValue);
        foreach (var (index, text) in values)
        {
            AttributeValue(xml, index.ToString(CultureInfo.InvariantCulture), text);
        }
        xml.WriteEndElement();
    }

    private static void AttributeValue(XmlWriter xml, string id, string text)
    {
        xml.WriteStartElement("attvalue");
        xml.WriteAttributeString("for", id);
        xml.WriteAttributeString("value", GraphXml.Clean(text));
        xml.WriteEndElement();
    }
}
