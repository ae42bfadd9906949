namespace LocalVision.Graph.Network;

/// <summary>
/// Whole-network measures of a set of nodes, on the simple undirected graph among them (direction ignored, parallel
/// relationships merged, self-loops dropped), as networkx defines them.
/// </summary>
/// <param name="Nodes">Nodes in scope.</param>
/// <param name="Edges">Distinct pairs of nodes joined by at least one relationship.</param>
/// <param name="Relationships">Relationships among the nodes, parallel ones included.</param>
/// <param name="Density">Edges over n(n-1)/2.</param>
/// <param name="DegreeCentralization">Freeman's: Σ(max degree − degree) over its largest possible value (n-1)(n-2).</param>
/// <param name="AveragePathLength">
/// Mean hops over ordered pairs joined by a path; 0 when none is. With <paramref name="SampledSources"/>, the mean over
/// the pairs that start at the sampled sources: an estimate.
/// </param>
/// <param name="Diameter">
/// Longest shortest path over connected pairs. With <paramref name="SampledSources"/>, the largest eccentricity of a
/// sampled source: a lower bound.
/// </param>
/// <param name="AverageClustering">Mean local clustering coefficient, nodes of degree below 2 counting 0.</param>
/// <param name="Transitivity">3 × triangles / connected triples.</param>
/// <param name="Components">Connected components (isolated nodes included).</param>
/// <param name="ConnectedPairs">Unordered pairs joined by some path: what a broker's removal can cut. Always exact.</param>
/// <param name="SampledSources">
/// How many sources the path measures were estimated from; 0 when they are exact (every node a source).
/// </param>
public sealed record NetworkMetrics(
    int Nodes,
    int Edges,
    int Relationships,
    double Density,
    double DegreeCentralization,
    double AveragePathLength,
    int Diameter,
    double AverageClustering,
    double Transitivity,
    int Components,
    long ConnectedPairs,
    int SampledSources = 0)
{
    /// <summary>Whether the average path length is an estimate and the diameter a lower bound.</summary>
    public bool IsEstimate => SampledSources > 0;
}
