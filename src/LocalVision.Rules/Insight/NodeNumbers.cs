using System.Text.Json.Nodes;
using LocalVision.Graph.Model;

namespace LocalVision.Rules.Insight;

/// <summary>Reads a number from a node's properties, for calibration.</summary>
public static class NodeNumbers
{
    /// <summary>
    /// A number at a property path (<c>funding</c>, <c>indicators.population.value</c>); a bare indicator name such as
    /// <c>population</c> reads the Appendix 4 indicator's value (<c>indicators.population.value</c>). Null when there is none.
    /// </summary>
    public static double? Read(GraphNode node, string property)
    {
        JsonNode? value = node.Properties;
        foreach (var step in property.Split('.'))
        {
            value = value is JsonObject obj ? obj[step] : null;
        }
        return JsonValues.AsNumber(value) ?? (property.Contains('.', StringComparison.Ordinal) ? null : JsonValues.AsNumber(((node.Properties["indicators"] as JsonObject)?[property] as JsonObject)?["value"]));
    }
}
