namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>Arcs leaving each node (degree when undirected), divided by n-1 when normalised; weighted sums arc weights.</summary>
    public static double[] Degree(NetworkProjection projection, bool normalized = true, bool weighted = false)
    {
        var n = projection.NodeCount;
        var adjacency = projection.Out;
        var scores = new double[n];
        var scale = normalized && n > 1 ? 1.0 / (n - 1) : 1.0;
        for (var u = 0; u < n; u++)
        {
            double degree;
            if (weighted)
            {
                degree = 0;
                for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                {
                    degree += adjacency.Weights[a];
                }
            }
            else
            {
                degree = adjacency.Offsets[u + 1] - adjacency.Offsets[u];
            }
            scores[u] = degree * scale;
        }
        return scores;
    }
}
