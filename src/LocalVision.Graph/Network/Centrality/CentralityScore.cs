namespace LocalVision.Graph.Network;

/// <summary>A node's score and its rank (1 = highest; equal scores share a rank).</summary>
public readonly record struct CentralityScore(int Node, string Name, double Score, int Rank);
