using System.Text.Json.Nodes;

namespace LocalVision.Graph.Model;

/// <summary>A node of the Local Vision graph, identified by its resource name (<c>localities/plymouth</c>).</summary>
/// <param name="Properties">The label's properties as JSON; owned by this node, never shared between nodes.</param>
public sealed record GraphNode(
    string Name,
    string Label,
    string DisplayName,
    JsonObject Properties,
    DateTimeOffset CreateTime = default,
    DateTimeOffset UpdateTime = default)
{
    /// <summary>The property as a string, or null when absent or not a string.</summary>
    public string? GetString(string property) =>
        JsonValues.AsString(Properties[property]);

    /// <summary>The property as a number, or null when absent or not a number.</summary>
    public double? GetNumber(string property) =>
        JsonValues.AsNumber(Properties[property]);
}
