using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Import;

/// <summary>
/// The JSON-lines record format of <c>data/</c>, the CLI and export: one object per line, either
/// <c>{"node":{"name","label","displayName","properties"}}</c> or <c>{"relationship":{"type","start","end","properties"}}</c>.
/// </summary>
public static class GraphJson
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static JsonObject ToJson(GraphNode node) => new()
    {
        ["name"] = node.Name,
        ["label"] = node.Label,
        ["displayName"] = node.DisplayName,
        ["properties"] = node.Properties.DeepClone(),
    };

    public static JsonObject ToJson(GraphRelationship relationship) => new()
    {
        ["type"] = relationship.Type,
        ["start"] = relationship.Start,
        ["end"] = relationship.End,
        ["properties"] = relationship.Properties.DeepClone(),
    };

    public static string ToLine(GraphNode node) => new JsonObject { ["node"] = ToJson(node) }.ToJsonString(Compact);

    public static string ToLine(GraphRelationship relationship) => new JsonObject { ["relationship"] = ToJson(relationship) }.ToJsonString(Compact);

    public static GraphNode NodeFromJson(JsonObject o) => new(
        JsonValues.AsString(o["name"]) ?? "",
        JsonValues.AsString(o["label"]) ?? "",
        JsonValues.AsString(o["displayName"]) ?? "",
        o["properties"] is JsonObject p ? (JsonObject)p.DeepClone() : []);

    public static GraphRelationship RelationshipFromJson(JsonObject o) => new(
        JsonValues.AsString(o["type"]) ?? "",
        JsonValues.AsString(o["start"]) ?? "",
        JsonValues.AsString(o["end"]) ?? "",
        o["properties"] is JsonObject p ? (JsonObject)p.DeepClone() : []);

    /// <summary>Parses properties stored as JSON text.</summary>
    public static JsonObject ParseProperties(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new FormatException("properties are not a JSON object");

    /// <summary>A write's result as remembered under its request id (the format every store keeps).</summary>
    public static string SerializeResult(WriteResult result)
    {
        var nodes = new JsonArray();
        foreach (var node in result.Nodes)
        {
            var json = GraphJson.ToJson(node);
            json["createTime"] = node.CreateTime.ToUnixTimeMilliseconds();
            json["updateTime"] = node.UpdateTime.ToUnixTimeMilliseconds();
            nodes.Add(json);
        }
        var relationships = new JsonArray(result.Relationships.Select(r => (JsonNode)GraphJson.ToJson(r)).ToArray());
        var counts = result.NodeCounts;
        return new JsonObject
        {
            ["nodes"] = nodes,
            ["relationships"] = relationships,
            ["counts"] = new JsonObject { ["created"] = counts.Created, ["replaced"] = counts.Replaced, ["merged"] = counts.Merged, ["unchanged"] = counts.Unchanged },
        }.ToJsonString();
    }

    public static WriteResult DeserializeResult(string json)
    {
        var stored = (JsonObject)JsonNode.Parse(json)!;
        var nodes = stored["nodes"]!.AsArray().Select(n => GraphJson.NodeFromJson(n!.AsObject()) with
        {
            CreateTime = DateTimeOffset.FromUnixTimeMilliseconds((long)n!["createTime"]!),
            UpdateTime = DateTimeOffset.FromUnixTimeMilliseconds((long)n!["updateTime"]!),
        }).ToList();
        var relationships = stored["relationships"]!.AsArray().Select(r => GraphJson.RelationshipFromJson(r!.AsObject())).ToList();
        // Results remembered before counts were kept have none.
        var counts = stored["counts"] is JsonObject c
            ? new NodeWriteCounts((long)c["created"]!, (long)c["replaced"]!, (long)c["merged"]!, (long)c["unchanged"]!)
            : null;
        return new WriteResult(nodes, relationships, Replayed: true, counts);
    }
}
