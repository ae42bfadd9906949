namespace LocalVision.Graph.Network;

/// <summary>The metrics of a network with and without one node.</summary>
public sealed record RemovalImpact(string Removed, NetworkMetrics Before, NetworkMetrics After);
