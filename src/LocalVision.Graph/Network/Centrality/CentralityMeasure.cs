namespace LocalVision.Graph.Network;

/// <summary>The centrality measures <see cref="Centrality.Compute"/> offers.</summary>
public enum CentralityMeasure
{
    Degree,
    Betweenness,
    Closeness,
    Harmonic,
    PageRank,
    Brokerage,
}
