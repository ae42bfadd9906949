using CsCheck;
using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// The order DetectCommunities pages are read in, against a reference written with LINQ: communities largest first,
/// equal sizes by first member name, members in name order; and the cache that keeps one list per network version.
/// </summary>
public sealed class CommunityListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Of_RandomPartitions_OrdersAsTheReference()
    {
        // Nodes are named n/0, n/1, …, n/10, …: not in name order past ten, so the list must sort them.
        var partitions =
            from n in Gen.Int[1, 40]
            from labels in Gen.Int[0, 6].Array[n]
            select (n, labels);
        partitions.Sample((n, labels) =>
        {
            var projection = TextbookGraphs.FromEdges(n, []);
            var membership = (int[])labels.Clone();
            var count = Communities.Renumber(membership);

            var list = CommunityList.Of(projection, new CommunityResult(membership, count, 0.25), Ct);

            var expected = Enumerable.Range(0, n).GroupBy(v => membership[v])
                .Select(g => g.Select(projection.NameOf).Order(StringComparer.Ordinal).ToList())
                .OrderByDescending(g => g.Count).ThenBy(g => g[0], StringComparer.Ordinal).ToList();
            var actual = Enumerable.Range(0, list.Count)
                .Select(c => Enumerable.Range(0, list.SizeOf(c)).Select(i => projection.NameOf(list.MemberOf(c, i))).ToList()).ToList();
            Assert.Equal(expected, actual);
            Assert.Equal((n, 0.25), (list.NodeCount, list.Modularity));
        });
    }

    [Fact]
    public void Get_SameContentVersion_DetectsOnceEvenRestamped_AndAgainWhenTheNetworkChanged()
    {
        var cache = new CommunityCache();
        var projection = TextbookGraphs.Karate();
        projection.Version = 7;
        var spec = new ProjectionSpec(["Partner"], []);

        var first = cache.Get(spec, projection, CommunityAlgorithm.Louvain, Ct);
        var restamped = cache.Get(spec, projection.Restamped(9), CommunityAlgorithm.Louvain, Ct);
        var otherAlgorithm = cache.Get(spec, projection, CommunityAlgorithm.WeaklyConnectedComponents, Ct);
        projection.Version = 10;
        var changed = cache.Get(spec, projection, CommunityAlgorithm.Louvain, Ct);

        Assert.Same(first, restamped);
        Assert.NotSame(first, changed);
        Assert.Equal(1, otherAlgorithm.Count);
        Assert.Equal(3, cache.Detections);
        Assert.Equal(first.Modularity, changed.Modularity);
    }

    [Fact]
    public void Get_MoreSpecsThanCapacity_DropsTheLeastRecentlyUsed()
    {
        var cache = new CommunityCache(capacity: 2);
        var projection = TextbookGraphs.Karate();
        projection.Version = 1;
        ProjectionSpec Spec(string type) => new(["Partner"], [type]);

        cache.Get(Spec("A"), projection, CommunityAlgorithm.LabelPropagation, Ct);
        cache.Get(Spec("B"), projection, CommunityAlgorithm.LabelPropagation, Ct);
        cache.Get(Spec("A"), projection, CommunityAlgorithm.LabelPropagation, Ct);
        cache.Get(Spec("C"), projection, CommunityAlgorithm.LabelPropagation, Ct);
        var beforeA = cache.Detections;
        cache.Get(Spec("A"), projection, CommunityAlgorithm.LabelPropagation, Ct);
        var beforeB = cache.Detections;
        cache.Get(Spec("B"), projection, CommunityAlgorithm.LabelPropagation, Ct);

        Assert.Equal((3L, 3L, 4L), (beforeA, beforeB, cache.Detections));
    }
}
