using CsCheck;
using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>CsCheck generators of small graphs (as node counts and edge lists, so failures shrink and print readably).</summary>
internal static class RandomGraphs
{
    public sealed record Spec(int Nodes, (int A, int B, double W)[] Edges)
    {
        public NetworkProjection Build(ProjectionDirection direction = ProjectionDirection.Undirected, bool weighted = false) =>
            weighted
                ? TextbookGraphs.FromWeightedEdges(Nodes, Edges, direction)
                : TextbookGraphs.FromEdges(Nodes, Edges.Select(e => (e.A, e.B)), direction);

        public override string ToString() => $"{Nodes} nodes: " + string.Join(" ", Edges.Select(e => $"{e.A}-{e.B}:{e.W}"));
    }

    /// <summary>Simple graphs (no self-loops, no parallel edges) with integer weights 1..5.</summary>
    public static Gen<Spec> Simple(int maxNodes = 12, int maxEdges = 30) =>
        from n in Gen.Int[2, maxNodes]
        from edges in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1], Gen.Int[1, 5]).Array[0, maxEdges]
        select new Spec(n, edges
            .Where(e => e.Item1 != e.Item2)
            .Select(e => (A: Math.Min(e.Item1, e.Item2), B: Math.Max(e.Item1, e.Item2), W: (double)e.Item3))
            .DistinctBy(e => (e.A, e.B))
            .ToArray());

    /// <summary>Trees: node i joins a random earlier node, so every pair has exactly one path.</summary>
    public static Gen<Spec> Tree(int maxNodes = 20) =>
        from n in Gen.Int[2, maxNodes]
        from parents in Gen.Int[0, 1000].Array[n - 1]
        select new Spec(n, Enumerable.Range(1, n - 1).Select(i => (A: parents[i - 1] % i, B: i, W: 1.0)).ToArray());
}
