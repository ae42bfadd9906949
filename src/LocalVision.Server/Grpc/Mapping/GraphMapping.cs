using Google.Protobuf.WellKnownTypes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.V1;
using DomainDirection = LocalVision.Graph.Model.Direction;

namespace LocalVision.Server.Grpc.Mapping;

/// <summary>Nodes, relationships and subgraphs between the wire contract and the domain.</summary>
public static class GraphMapping
{
    /// <summary>A node as this caller may see it: confidential evidence goes through the redactor, on every read path.</summary>
    public static Node ToProto(this GraphNode node, EvidenceRedactor redactor) => Visible(redactor.Apply(node));

    private static Node Visible(GraphNode node) => new()
    {
        Name = node.Name,
        Label = node.Label,
        DisplayName = node.DisplayName,
        Properties = PropertyMapping.ToStruct(node.Properties),
        CreateTime = node.CreateTime == default ? null : Timestamp.FromDateTimeOffset(node.CreateTime),
        UpdateTime = node.UpdateTime == default ? null : Timestamp.FromDateTimeOffset(node.UpdateTime),
    };

    public static Relationship ToProto(this GraphRelationship relationship) => new()
    {
        Type = relationship.Type,
        Start = relationship.Start,
        End = relationship.End,
        Properties = PropertyMapping.ToStruct(relationship.Properties),
    };

    public static V1.NodeWriteCounts ToProto(this Graph.Store.NodeWriteCounts counts) => new()
    {
        Created = counts.Created,
        Replaced = counts.Replaced,
        Merged = counts.Merged,
        Unchanged = counts.Unchanged,
    };

    public static V1.Subgraph ToProto(this Graph.Model.Subgraph subgraph, EvidenceRedactor redactor)
    {
        var result = new V1.Subgraph { Truncated = subgraph.Truncated };
        result.Nodes.AddRange(subgraph.Nodes.Select(n => n.ToProto(redactor)));
        result.Relationships.AddRange(subgraph.Relationships.Select(ToProto));
        return result;
    }

    public static GraphNode ToDomain(this Node node, string field, List<FieldViolation> violations) =>
        new(node.Name, node.Label, node.DisplayName, PropertyMapping.ToJson(node.Properties, $"{field}.properties", violations));

    public static GraphRelationship ToDomain(this Relationship relationship, string field, List<FieldViolation> violations) =>
        new(relationship.Type, relationship.Start, relationship.End, PropertyMapping.ToJson(relationship.Properties, $"{field}.properties", violations));

    public static List<GraphNode> ToDomain(this IEnumerable<Node> nodes, string field, List<FieldViolation> violations) =>
        nodes.Select((n, i) => n.ToDomain($"{field}[{i}]", violations)).ToList();

    public static List<GraphRelationship> ToDomain(this IEnumerable<Relationship> relationships, string field, List<FieldViolation> violations) =>
        relationships.Select((r, i) => r.ToDomain($"{field}[{i}]", violations)).ToList();

    public static DomainDirection ToDomain(this V1.Direction direction) => direction switch
    {
        V1.Direction.Outgoing => DomainDirection.Outgoing,
        V1.Direction.Incoming => DomainDirection.Incoming,
        _ => DomainDirection.Both,
    };
}
