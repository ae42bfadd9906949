namespace LocalVision.Graph.Network;

/// <summary>The metrics of a network with and without one node.</summary>
/// <param name="Disconnected">
/// The scope's nodes that reach the rest of it only through the removed node, by name in ordinal order: those joined to
/// the removed node's neighbours other than the largest part left once it is gone.
/// </param>
public sealed record RemovalImpact(string Removed, NetworkMetrics Before, NetworkMetrics After, IReadOnlyList<string> Disconnected);
