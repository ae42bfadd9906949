using System.Text;
using System.Xml;

namespace LocalVision.Cli.Transfer;

/// <summary>What the GraphML and GEXF writers share: the XML writer's settings and text that XML 1.0 can carry.</summary>
public static class GraphXml
{
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>A writer that has begun the document: its root element in its namespace, with where its schema is.</summary>
    public static XmlWriter Begin(TextWriter output, string root, string ns, string schemaLocation)
    {
        var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement(root, ns);
        xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, $"{ns} {schemaLocation}");
        return xml;
    }

    /// <summary>
    /// The text with each character XML 1.0 cannot hold (control characters other than tab and line breaks,
    /// unpaired surrogates) replaced by U+FFFD, since one such character would make the whole file unreadable.
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
                clean.Append('\uFFFD');
            }
        }
        return clean?.ToString() ?? text;
    }
}
