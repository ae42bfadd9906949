using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>Small graphs with known answers, as projections whose node i is named <c>n/i</c>.</summary>
internal static class TextbookGraphs
{
    /// <summary>Zachary's karate club (1977): 34 members, 78 friendships, nodes numbered from 0 as networkx does.</summary>
    public static readonly (int, int)[] KarateEdges =
    [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17), (0, 19), (0, 21), (0, 31),
        (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32),
        (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10), (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32),
        (14, 33), (15, 32), (15, 33), (18, 32), (18, 33), (19, 33), (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29),
        (23, 32), (23, 33), (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32), (29, 33),
        (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
    ];

    public static NetworkProjection Karate() => FromEdges(34, KarateEdges);

    /// <summary>0 - 1 - ... - (n-1).</summary>
    public static NetworkProjection Path(int n) => FromEdges(n, Enumerable.Range(0, n - 1).Select(i => (i, i + 1)));

    /// <summary>Centre 0 joined to 1..n-1.</summary>
    public static NetworkProjection Star(int n) => FromEdges(n, Enumerable.Range(1, n - 1).Select(i => (0, i)));

    public static NetworkProjection Cycle(int n) => FromEdges(n, Enumerable.Range(0, n).Select(i => (i, (i + 1) % n)));

    public static NetworkProjection Complete(int n) =>
        FromEdges(n, from i in Enumerable.Range(0, n) from j in Enumerable.Range(i + 1, n - i - 1) select (i, j));

    public static NetworkProjection FromEdges(
        int n, IEnumerable<(int, int)> edges, ProjectionDirection direction = ProjectionDirection.Undirected, IReadOnlyList<double>? weights = null,
        MultiEdges multiEdges = MultiEdges.Merge)
    {
        var builder = new NetworkBuilder(direction, weighted: weights is not null, multiEdges: multiEdges);
        for (var i = 0; i < n; i++)
        {
            builder.AddNode($"n/{i}", "Partner");
        }
        var index = 0;
        foreach (var (a, b) in edges)
        {
            builder.AddRelationship(a, b, "COLLABORATES_WITH", weights?[index] ?? 1.0);
            index++;
        }
        return builder.Build();
    }

    public static NetworkProjection FromWeightedEdges(int n, IEnumerable<(int A, int B, double W)> edges, ProjectionDirection direction = ProjectionDirection.Undirected)
    {
        var list = edges.ToList();
        return FromEdges(n, list.Select(e => (e.A, e.B)), direction, list.Select(e => e.W).ToList());
    }
}
