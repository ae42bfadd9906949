using System.Text.Json.Nodes;

namespace LocalVision.Graph.Model;

/// <summary>A directed, typed relationship; at most one of a type between the same start and end.</summary>
public sealed record GraphRelationship(string Type, string Start, string End, JsonObject Properties)
{
    public RelationshipKey Key => new(Type, Start, End);

    public string? GetString(string property) =>
        JsonValues.AsString(Properties[property]);

    public double? GetNumber(string property) =>
        JsonValues.AsNumber(Properties[property]);
}

/// <summary>What identifies a relationship.</summary>
public readonly record struct RelationshipKey(string Type, string Start, string End);
