namespace LocalVision.Graph.Network;

public static partial class Communities
{
    /// <summary>
    /// Newman's modularity of a partition, Q = Σ_c [ L_c/m − γ (d_c / 2m)² ], on the undirected weighted graph
    /// (L_c: weight inside c, d_c: total degree of c, m: total weight). Lies in [-1/2, 1].
    /// </summary>
    /// <param name="membership">Per node, any integer naming its community.</param>
    public static double Modularity(NetworkProjection projection, IReadOnlyList<int> membership, double resolution = 1.0, bool? weighted = null)
    {
        if (membership.Count != projection.NodeCount)
        {
            throw new ArgumentException($"membership needs one entry per node ({projection.NodeCount}), not {membership.Count}", nameof(membership));
        }
        var communities = membership.ToArray();
        Renumber(communities);
        return WeightedGraph.From(projection, weighted ?? projection.IsWeighted).Modularity(communities, resolution);
    }
}
