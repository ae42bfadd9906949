using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

public sealed class EgoNetworkTests
{
    private static NetworkProjection Mixed()
    {
        // partners/a - initiatives/x - partners/b - people/p ; enablers/e - initiatives/x
        var builder = new NetworkBuilder(ProjectionDirection.Undirected);
        builder.AddNode("partners/a", "Partner", "CCG");
        builder.AddNode("initiatives/x", "Initiative", "LV_PROJECT");
        builder.AddNode("partners/b", "Partner", "POLICE");
        builder.AddNode("people/p", "Person");
        builder.AddNode("enablers/e", "Enabler");
        builder.AddRelationship("partners/a", "initiatives/x", "PARTNER_IN");
        builder.AddRelationship("partners/b", "initiatives/x", "PARTNER_IN");
        builder.AddRelationship("people/p", "partners/b", "WORKS_FOR");
        builder.AddRelationship("enablers/e", "initiatives/x", "ENABLES");
        return builder.Build();
    }

    [Fact]
    public void Expand_Depth2_ReachesTwoHopsNearestFirst()
    {
        var ego = EgoNetwork.Expand(Mixed(), 0, depth: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2, 4], ego.Nodes);
        Assert.Equal([0, 1, 2, 2], ego.Hops);
        Assert.Equal([0, 1, 3], ego.Relationships);
        Assert.False(ego.Truncated);
    }

    [Fact]
    public void Expand_LabelFilter_SkipsOtherLabels()
    {
        var ego = EgoNetwork.Expand(Mixed(), 0, depth: 3, labels: ["Initiative", "Partner"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2], ego.Nodes);
    }

    [Fact]
    public void Expand_TypeFilter_FollowsOnlyThoseTypes()
    {
        var ego = EgoNetwork.Expand(Mixed(), 3, depth: 5, relationshipTypes: ["WORKS_FOR"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([3, 2], ego.Nodes);
        Assert.Equal([2], ego.Relationships);
    }

    [Fact]
    public void Expand_Limit_TruncatesAndSaysSo()
    {
        var ego = EgoNetwork.Expand(TextbookGraphs.Star(10), 0, depth: 1, limit: 4, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, ego.Nodes.Count);
        Assert.True(ego.Truncated);
        Assert.Equal(3, ego.Relationships.Count);
    }

    [Fact]
    public void Expand_DepthZero_IsTheCentreAlone()
    {
        var ego = EgoNetwork.Expand(TextbookGraphs.Karate(), 33, depth: 0, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([33], ego.Nodes);
        Assert.Empty(ego.Relationships);
    }

    [Fact]
    public void Expand_WithoutRelationships_SameNodesNoRelationships()
    {
        var projection = TextbookGraphs.Karate();

        var full = EgoNetwork.Expand(projection, 0, 2, cancellationToken: TestContext.Current.CancellationToken);
        var nodesOnly = EgoNetwork.Expand(projection, 0, 2, includeRelationships: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(full.Nodes, nodesOnly.Nodes);
        Assert.Empty(nodesOnly.Relationships);
    }

    [Fact]
    public void Expand_SelfLoopAndParallelRelationships_EachRelationshipOnce()
    {
        var projection = TextbookGraphs.FromEdges(3, [(0, 0), (0, 1), (1, 0), (1, 2)], multiEdges: MultiEdges.Keep);

        var ego = EgoNetwork.Expand(projection, 0, 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2], ego.Relationships);
    }

    [Fact]
    public void Expand_Directed_FollowsArcsAndListsEachRelationshipOnce()
    {
        var projection = TextbookGraphs.FromEdges(3, [(0, 1), (1, 0), (2, 0)], ProjectionDirection.Directed);

        var ego = EgoNetwork.Expand(projection, 0, 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([0, 1], ego.Nodes);
        Assert.Equal([0, 1], ego.Relationships);
    }
}
