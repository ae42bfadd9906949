using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

public sealed class NetworkProjectionTests
{
    [Fact]
    public void Build_Undirected_EachRelationshipIsTwoArcs()
    {
        var projection = TextbookGraphs.Karate();

        Assert.Equal(34, projection.NodeCount);
        Assert.Equal(78, projection.RelationshipCount);
        Assert.Equal(156, projection.ArcCount);
        Assert.Equal(16, projection.Degree(0));
        Assert.Equal(17, projection.Degree(33));
    }

    [Fact]
    public void Build_Directed_ArcsFollowStartToEnd()
    {
        var projection = TextbookGraphs.FromEdges(3, [(0, 1), (0, 2)], ProjectionDirection.Directed);

        Assert.Equal([1, 2], projection.Neighbors(0).ToArray());
        Assert.Equal(0, projection.Degree(1));
        Assert.Equal(1, projection.InDegree(1));
    }

    [Fact]
    public void Build_Reverse_ArcsFollowEndToStart()
    {
        var projection = TextbookGraphs.FromEdges(3, [(0, 1), (0, 2)], ProjectionDirection.Reverse);

        Assert.Equal(0, projection.Degree(0));
        Assert.Equal([0], projection.Neighbors(1).ToArray());
        Assert.Equal([0], projection.Neighbors(2).ToArray());
    }

    [Fact]
    public void Neighbors_ParallelRelationshipsKept_KeepRelationshipOrder()
    {
        var builder = new NetworkBuilder(ProjectionDirection.Undirected, multiEdges: MultiEdges.Keep);
        builder.AddNode("partners/a", "Partner", "CCG");
        builder.AddNode("initiatives/b", "Initiative");
        builder.AddRelationship("partners/a", "initiatives/b", "PARTNER_IN");
        builder.AddRelationship("initiatives/b", "partners/a", "ALIGNED_WITH");
        var projection = builder.Build();

        Assert.Equal([1, 1], projection.Neighbors(0).ToArray());
        Assert.Equal([0, 1], projection.ArcRelationships(0).ToArray());
        Assert.Equal(new("ALIGNED_WITH", "initiatives/b", "partners/a"), projection.KeyOf(1));
        Assert.Equal("CCG", projection.KindOf(0));
        Assert.Null(projection.KindOf(1));
        Assert.Equal("Initiative", projection.LabelOf(1));
    }

    [Fact]
    public void IndexOf_UnknownName_IsMinusOne()
    {
        var projection = TextbookGraphs.Path(3);

        Assert.Equal(2, projection.IndexOf("n/2"));
        Assert.Equal(-1, projection.IndexOf("n/9"));
    }

    [Fact]
    public void AddNode_SameNameTwice_Throws()
    {
        var builder = new NetworkBuilder(ProjectionDirection.Undirected);
        builder.AddNode("partners/a", "Partner");

        Assert.Throws<ArgumentException>(() => builder.AddNode("partners/a", "Partner"));
    }

    [Fact]
    public void AddRelationship_NegativeWeight_Throws()
    {
        var builder = new NetworkBuilder(ProjectionDirection.Undirected, weighted: true);
        builder.AddNode("partners/a", "Partner");
        builder.AddNode("partners/b", "Partner");

        var error = Assert.Throws<ArgumentException>(() => builder.AddRelationship(0, 1, "COLLABORATES_WITH", -1));

        Assert.Contains("non-negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArrays_EndOutsideNodes_Throws()
    {
        Assert.Throws<ArgumentException>(() => NetworkProjection.FromArrays(
            ["a/x", "a/y"], [0, 0], ["Partner"], null, [], [0], [2], [0], ["T"], null, ProjectionDirection.Undirected));
    }

    [Fact]
    public void FromArrays_Valid_BuildsSameAdjacencyAsBuilder()
    {
        var projection = NetworkProjection.FromArrays(
            ["a/x", "a/y", "a/z"], [0, 0, 1], ["Partner", "Initiative"], [0, 1, -1], ["CCG", "POLICE"],
            [0, 1], [1, 2], [0, 1], ["COLLABORATES_WITH", "PARTNER_IN"], [2.5, 1], ProjectionDirection.Undirected);

        Assert.True(projection.IsWeighted);
        Assert.Equal([0, 2], projection.Neighbors(1).ToArray());
        Assert.Equal([2.5, 1.0], projection.ArcWeights(1).ToArray());
        Assert.Equal("POLICE", projection.KindOf(1));
        Assert.Equal("PARTNER_IN", projection.Relationship(1).Type);
    }

    [Fact]
    public void Induced_Subset_KeepsOnlyRelationshipsAmongIt()
    {
        var projection = TextbookGraphs.Cycle(5);

        var induced = projection.Induced([4, 0, 1], out var mapping);

        Assert.Equal(3, induced.NodeCount);
        Assert.Equal(2, induced.RelationshipCount);
        Assert.Equal("n/4", induced.NameOf(0));
        Assert.Equal(0, mapping[4]);
        Assert.Equal(-1, mapping[2]);
        Assert.Equal(2, induced.Degree(1));
    }

    [Fact]
    public void BareRecords_InMemoryProjection_NameLabelAndEndsWithoutProperties()
    {
        var projection = TextbookGraphs.Path(3);

        var node = projection.BareNode(1);
        var relationship = projection.BareRelationship(0);

        Assert.Equal(("n/1", "Partner"), (node.Name, node.Label));
        Assert.Empty(node.Properties);
        Assert.Equal(("n/0", "n/1"), (relationship.Start, relationship.End));
    }

    [Fact]
    public void EstimatedBytes_GrowsWithNodesAndTies()
    {
        var small = TextbookGraphs.Path(10);
        var large = TextbookGraphs.Path(1000);

        // 1000 nodes and 999 ties hold at least their arc arrays (16 bytes per arc, two arcs a tie) and names.
        Assert.True(large.EstimatedBytes >= (999 * 2 * 16) + (1000 * 24));
        Assert.True(large.EstimatedBytes > 50 * small.EstimatedBytes);
    }

    [Fact]
    public void SpecEquals_SameChoicesInAnotherOrder_AfterNormalize()
    {
        var a = new ProjectionSpec(["Partner", "Initiative"], ["PARTNER_IN"], AsOf: new DateOnly(2016, 1, 1)).Normalize();
        var b = new ProjectionSpec(["Initiative", "Partner", "Partner"], ["PARTNER_IN"], AsOf: new DateOnly(2016, 1, 1)).Normalize();
        var c = b with { AsOf = new DateOnly(2017, 1, 1) };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
