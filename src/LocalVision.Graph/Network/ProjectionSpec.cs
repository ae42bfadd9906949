namespace LocalVision.Graph.Network;

/// <summary>How relationships become arcs of a projection.</summary>
public enum ProjectionDirection
{
    /// <summary>Each relationship is followed both ways (the default for partner networks).</summary>
    Undirected,

    /// <summary>Each relationship is followed from its start to its end.</summary>
    Directed,

    /// <summary>Each relationship is followed from its end to its start.</summary>
    Reverse,
}

/// <summary>What a tie is when two nodes are joined by more than one relationship (or by one each way, undirected).</summary>
public enum MultiEdges
{
    /// <summary>
    /// One tie per pair of distinct nodes (per ordered pair when directed), costing its cheapest relationship;
    /// self-loops dropped: the simple graph networkx's <c>Graph</c> would hold, and what every measure counts by default.
    /// </summary>
    Merge,

    /// <summary>Every relationship is a tie of its own (a multigraph): parallel relationships count once each.</summary>
    Keep,
}

/// <summary>
/// What a projection holds: nodes of some labels, relationships of some types among them, valid at a date,
/// followed in a direction and weighted by a property. Two specs are equal when they would build the same projection.
/// </summary>
/// <param name="Labels">Node labels to keep; empty keeps every label.</param>
/// <param name="RelationshipTypes">Relationship types to keep; empty keeps every type.</param>
/// <param name="WeightProperty">A numeric relationship property used as the arc's cost; null weighs every arc 1.</param>
/// <param name="DefaultWeight">The cost of a relationship that lacks <paramref name="WeightProperty"/>.</param>
/// <param name="AsOf">Keep only relationships valid on this date by their <c>from</c>/<c>to</c> (inclusive; a missing end is open).</param>
/// <param name="MultiEdges">Whether relationships between the same two nodes are one tie or several.</param>
public sealed record ProjectionSpec(
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> RelationshipTypes,
    ProjectionDirection Direction = ProjectionDirection.Undirected,
    string? WeightProperty = null,
    double DefaultWeight = 1.0,
    DateOnly? AsOf = null,
    MultiEdges MultiEdges = MultiEdges.Merge)
{
    /// <summary>Every node and relationship, undirected and unweighted.</summary>
    public static ProjectionSpec All { get; } = new([], []);

    /// <summary>The same labels and types sorted and without duplicates, so that equal requests share a cache entry.</summary>
    public ProjectionSpec Normalize() => this with
    {
        Labels = Labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
        RelationshipTypes = RelationshipTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
    };

    public bool Equals(ProjectionSpec? other) =>
        other is not null
        && Labels.SequenceEqual(other.Labels, StringComparer.Ordinal)
        && RelationshipTypes.SequenceEqual(other.RelationshipTypes, StringComparer.Ordinal)
        && Direction == other.Direction
        && string.Equals(WeightProperty, other.WeightProperty, StringComparison.Ordinal)
        && DefaultWeight.Equals(other.DefaultWeight)
        && AsOf == other.AsOf
        && MultiEdges == other.MultiEdges;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var label in Labels)
        {
            hash.Add(label, StringComparer.Ordinal);
        }
        hash.Add('|');
        foreach (var type in RelationshipTypes)
        {
            hash.Add(type, StringComparer.Ordinal);
        }
        hash.Add(Direction);
        hash.Add(WeightProperty, StringComparer.Ordinal);
        hash.Add(DefaultWeight);
        hash.Add(AsOf);
        hash.Add(MultiEdges);
        return hash.ToHashCode();
    }
}
