namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>Harmonic centrality: Σ 1/d(v, u) over the other nodes v that reach u.</summary>
    public static double[] Harmonic(NetworkProjection projection, bool? weighted = null, CancellationToken cancellationToken = default) =>
        DistanceSums(projection, weighted ?? projection.IsWeighted, harmonic: true, cancellationToken);
}
