namespace LocalVision.Graph.Network;

/// <summary>
/// Community detection. Every algorithm treats relationships as undirected (a partner tie is mutual whichever way it
/// was recorded) and, when the projection is weighted, weighs them by their weights.
/// One algorithm per file in this folder (Louvain.cs, LabelPropagation.cs, …); this part holds the entry point and
/// the renumbering every algorithm uses.
/// </summary>
public static partial class Communities
{
    /// <summary>One algorithm with its defaults; Louvain and label propagation are seeded, so repeat calls agree.</summary>
    public static CommunityResult Detect(NetworkProjection projection, CommunityAlgorithm algorithm, int seed = 42, CancellationToken cancellationToken = default) => algorithm switch
    {
        CommunityAlgorithm.WeaklyConnectedComponents => WeaklyConnectedComponents(projection, cancellationToken),
        CommunityAlgorithm.Louvain => Louvain(projection, seed, cancellationToken: cancellationToken),
        CommunityAlgorithm.LabelPropagation => LabelPropagation(projection, seed, cancellationToken: cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown community algorithm"),
    };

    private static int[] Identity(int n)
    {
        var values = new int[n];
        for (var v = 0; v < n; v++)
        {
            values[v] = v;
        }
        return values;
    }

    /// <summary>Renumbers community ids 0.. in order of each community's first (lowest) node; returns the count.</summary>
    internal static int Renumber(int[] membership)
    {
        var map = new Dictionary<int, int>();
        for (var v = 0; v < membership.Length; v++)
        {
            if (!map.TryGetValue(membership[v], out var id))
            {
                id = map.Count;
                map[membership[v]] = id;
            }
            membership[v] = id;
        }
        return map.Count;
    }
}
