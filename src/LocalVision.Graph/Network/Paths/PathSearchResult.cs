namespace LocalVision.Graph.Network;

/// <summary>Paths found by a bounded search, and whether the bound cut it short.</summary>
public sealed record PathSearchResult(IReadOnlyList<NetworkPath> Paths, bool Truncated);
