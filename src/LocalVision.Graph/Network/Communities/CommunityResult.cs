namespace LocalVision.Graph.Network;

/// <summary>A partition of a projection's nodes.</summary>
/// <param name="Membership">Per node, its community id; ids run 0..Count-1, numbered by each community's lowest node index.</param>
/// <param name="Modularity">Newman's modularity of the partition on the undirected, weighted graph.</param>
/// <param name="Levels">Louvain's aggregation levels; 1 for other algorithms.</param>
public sealed record CommunityResult(int[] Membership, int Count, double Modularity, int Levels = 1)
{
    /// <summary>The members of each community, largest first (ties by lowest member).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Members()
    {
        var groups = new List<int>[Count];
        for (var c = 0; c < Count; c++)
        {
            groups[c] = [];
        }
        for (var v = 0; v < Membership.Length; v++)
        {
            groups[Membership[v]].Add(v);
        }
        return groups.OrderByDescending(g => g.Count).ThenBy(g => g[0]).Select(g => (IReadOnlyList<int>)g).ToList();
    }
}
