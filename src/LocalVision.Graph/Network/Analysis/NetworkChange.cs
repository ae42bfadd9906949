using LocalVision.Graph.Model;

namespace LocalVision.Graph.Network;

/// <summary>How a network changed between two dates: the ties gained and lost, and the metrics then and now.</summary>
public sealed record NetworkChange(NetworkMetrics Then, NetworkMetrics Now, IReadOnlyList<RelationshipKey> Gained, IReadOnlyList<RelationshipKey> Lost);
