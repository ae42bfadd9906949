using LocalVision.Graph.Model;

namespace LocalVision.Graph.Network;

/// <summary>A walk through a projection: its nodes in order, the relationships between them and its cost.</summary>
/// <param name="Nodes">Node indices from source to target.</param>
/// <param name="Relationships">Relationship indices; <c>Relationships[i]</c> joins <c>Nodes[i]</c> and <c>Nodes[i + 1]</c>.</param>
/// <param name="Cost">The sum of the relationships' weights, or the number of hops when unweighted.</param>
public sealed record NetworkPath(
    IReadOnlyList<int> Nodes,
    IReadOnlyList<string> NodeNames,
    IReadOnlyList<int> Relationships,
    IReadOnlyList<RelationshipKey> RelationshipKeys,
    double Cost)
{
    public int Hops => Relationships.Count;

    internal static NetworkPath Create(NetworkProjection projection, IReadOnlyList<int> nodes, IReadOnlyList<int> relationships, bool weighted)
    {
        var cost = 0.0;
        foreach (var r in relationships)
        {
            cost += weighted ? projection.WeightOf(r) : 1.0;
        }
        return new NetworkPath(
            nodes.ToArray(), nodes.Select(projection.NameOf).ToArray(),
            relationships.ToArray(), relationships.Select(projection.KeyOf).ToArray(), cost);
    }
}
