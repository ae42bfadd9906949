namespace LocalVision.Graph.Network;

/// <summary>The community algorithms <see cref="Communities.Detect"/> offers.</summary>
public enum CommunityAlgorithm
{
    WeaklyConnectedComponents,
    Louvain,
    LabelPropagation,
}
