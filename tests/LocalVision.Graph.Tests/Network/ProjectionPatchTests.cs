using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Network;
using LocalVision.Graph.Store;
using LocalVision.Testing.Stores;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// The projection cache brought up to date from the embedded store's changes: after any sequence of writes, what it
/// hands out equals a projection built afresh from the store, and it reads the store only when it must.
/// </summary>
public sealed class ProjectionPatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ProjectionSpec[] Specs =
    [
        ProjectionSpec.All,
        new(["Partner"], ["COLLABORATES_WITH"], WeightProperty: "strength", DefaultWeight: 0.5),
        new(["Partner", "Initiative"], [], ProjectionDirection.Directed, MultiEdges: MultiEdges.Keep),
        new(["Partner", "Initiative"], [], ProjectionDirection.Reverse, WeightProperty: "strength", AsOf: new DateOnly(2016, 1, 1)),
        new([], ["PARTNER_IN", "COLLABORATES_WITH"], MultiEdges: MultiEdges.Keep, AsOf: new DateOnly(2015, 6, 1)),
    ];

    private static readonly string[] PartnerKinds = ["LOCAL_AUTHORITY", "CCG", "NHS_PROVIDER"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task GetAsync_RandomWritesBetweenCalls_EqualsAFreshBuild(int seed)
    {
        var random = new Random(seed);
        await using var temp = TempStore.Create();
        var store = temp.Store;
        var partners = Enumerable.Range(0, 8).Select(i => Partner($"p{i}")).ToList();
        var initiatives = Enumerable.Range(0, 3).Select(i => Initiative($"i{i}")).ToList();
        await store.WriteAsync(new GraphBatch([.. partners, .. initiatives], []), WriteOptions.None, Ct);
        using var cache = new ProjectionCache(store);

        for (var step = 0; step < 40; step++)
        {
            await RandomWriteAsync(store, random, partners, initiatives);
            foreach (var spec in Specs.Where(_ => random.Next(3) > 0))
            {
                var cached = await cache.GetAsync(spec, Ct);
                var fresh = await NetworkProjection.BuildAsync(store, spec, Ct);
                AssertSame(fresh, cached, $"seed {seed}, step {step}, spec {Specs.ToList().IndexOf(spec)}");
            }
        }

        // Most writes touch only ties, so most refreshes must have been patches: a cache that always rebuilt would fail here.
        Assert.True(cache.Patches > cache.Builds, $"{cache.Patches} patches, {cache.Builds} builds");
    }

    [Fact]
    public async Task GetAsync_WriteOfOtherLabelsOnly_KeepsTheProjectionWithoutABuild()
    {
        await using var temp = TempStore.Create();
        var (a, b) = (Partner("a"), Partner("b"));
        await temp.Store.WriteAsync(new GraphBatch([a, b], [Collaborates(a, b, 0.5)]), WriteOptions.None, Ct);
        using var cache = new ProjectionCache(temp.Store);
        var spec = new ProjectionSpec(["Partner"], []);
        var before = await cache.GetAsync(spec, Ct);

        await temp.Store.WriteAsync(new GraphBatch([Initiative("x"), Locality("plymouth")], []), WriteOptions.None, Ct);
        var after = await cache.GetAsync(spec, Ct);

        Assert.Equal((1L, 1L), (cache.Builds, cache.Patches));
        Assert.Equal(await temp.Store.GetVersionAsync(Ct), after.Version);
        Assert.Equal(before.RelationshipCount, after.RelationshipCount);
    }

    [Fact]
    public async Task GetAsync_NewNodeOfTheProjectionsLabels_RebuildsIt()
    {
        await using var temp = TempStore.Create();
        await temp.Store.WriteAsync(new GraphBatch([Partner("a")], []), WriteOptions.None, Ct);
        using var cache = new ProjectionCache(temp.Store);
        await cache.GetAsync(ProjectionSpec.All, Ct);

        await temp.Store.WriteAsync(new GraphBatch([Partner("b")], []), WriteOptions.None, Ct);
        var after = await cache.GetAsync(ProjectionSpec.All, Ct);

        Assert.Equal((2L, 0L), (cache.Builds, cache.Patches));
        Assert.Equal(2, after.NodeCount);
    }

    [Fact]
    public async Task GetAsync_TieUpdatedIntoTheDate_RebuildsRatherThanGuessItsPlace()
    {
        await using var temp = TempStore.Create();
        var (a, b, c) = (Partner("a"), Partner("b"), Partner("c"));
        var lapsed = new JsonObject { ["from"] = "2010-01-01", ["to"] = "2011-01-01" };
        await temp.Store.WriteAsync(new GraphBatch([a, b, c], [Relationship("COLLABORATES_WITH", a, b, lapsed), Collaborates(b, c, 0.5)]), WriteOptions.None, Ct);
        using var cache = new ProjectionCache(temp.Store);
        var spec = ProjectionSpec.All with { AsOf = new DateOnly(2015, 1, 1) };
        Assert.Equal(1, (await cache.GetAsync(spec, Ct)).RelationshipCount);

        await temp.Store.WriteAsync(new GraphBatch([], [Relationship("COLLABORATES_WITH", a, b, new JsonObject { ["from"] = "2010-01-01" })]), WriteOptions.None, Ct);
        var after = await cache.GetAsync(spec, Ct);

        Assert.Equal((2L, 0L), (cache.Builds, cache.Patches));
        AssertSame(await NetworkProjection.BuildAsync(temp.Store, spec, Ct), after, "after the update");
    }

    [Fact]
    public async Task GetAsync_WriteDuringTheFirstBuild_IsNotPatchedInTwice()
    {
        await using var temp = TempStore.Create();
        var (a, b, c) = (Partner("a"), Partner("b"), Partner("c"));
        await temp.Store.WriteAsync(new GraphBatch([a, b, c], [Collaborates(a, b, 0.5)]), WriteOptions.None, Ct);
        var gated = new GatedStore(temp.Store);
        using var cache = new ProjectionCache(gated);

        // The build has read the version and the nodes when the write lands, so it reads the new tie but not its version.
        var building = cache.GetAsync(ProjectionSpec.All, Ct);
        await gated.Reached;
        await temp.Store.WriteAsync(new GraphBatch([], [Collaborates(a, c, 0.25)]), WriteOptions.None, Ct);
        gated.Open();
        var first = await building;
        var second = await cache.GetAsync(ProjectionSpec.All, Ct);

        Assert.Equal(2, first.RelationshipCount);
        Assert.Equal((1L, 1L), (cache.Builds, cache.Patches));
        AssertSame(await NetworkProjection.BuildAsync(temp.Store, ProjectionSpec.All, Ct), second, "after the racing write");
    }

    /// <summary>One write of a random kind; ties far more often than nodes, as between two calls of a working session.</summary>
    private static async Task RandomWriteAsync(IGraphStore store, Random random, List<GraphNode> partners, List<GraphNode> initiatives)
    {
        var roll = random.Next(20);
        if (roll == 0)
        {
            var added = Partner($"new{partners.Count}", PartnerKinds[random.Next(PartnerKinds.Length)]);
            partners.Add(added);
            await store.WriteAsync(new GraphBatch([added], []), WriteOptions.None, Ct);
        }
        else if (roll == 1 && partners.Count > 4)
        {
            var gone = partners[random.Next(partners.Count)];
            partners.Remove(gone);
            await store.DeleteNodeAsync(gone.Name, cascade: true, Ct);
        }
        else if (roll == 2)
        {
            // Written again, its kind changed or not.
            var i = random.Next(partners.Count);
            partners[i] = Partner(partners[i].Name["partners/".Length..], random.Next(2) == 0 ? partners[i].GetString("kind")! : PartnerKinds[random.Next(PartnerKinds.Length)]);
            await store.WriteAsync(new GraphBatch([partners[i]], []), WriteOptions.None, Ct);
        }
        else if (roll == 3)
        {
            await store.WriteAsync(new GraphBatch([Locality($"l{random.Next(100)}")], []), WriteOptions.None, Ct);
        }
        else
        {
            var ties = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomTie(random, partners, initiatives)).DistinctBy(t => t.Key).ToList();
            await store.WriteAsync(new GraphBatch([], ties), WriteOptions.None, Ct);
        }
    }

    private static GraphRelationship RandomTie(Random random, List<GraphNode> partners, List<GraphNode> initiatives)
    {
        var properties = new JsonObject();
        if (random.Next(3) > 0)
        {
            properties["from"] = random.Next(2) == 0 ? "2014-01-01" : "2015-09-01";
        }
        if (random.Next(3) == 0)
        {
            properties["to"] = random.Next(2) == 0 ? "2015-12-31" : "2017-01-01";
        }
        var start = partners[random.Next(partners.Count)];
        if (random.Next(3) == 0)
        {
            properties["role"] = "MEMBER";
            return Relationship("PARTNER_IN", start, initiatives[random.Next(initiatives.Count)], properties);
        }
        if (random.Next(4) > 0)
        {
            properties["strength"] = random.Next(5) / 4.0;
        }
        // Self-ties and both directions between a pair: what merging must collapse.
        return Relationship("COLLABORATES_WITH", start, partners[random.Next(partners.Count)], properties);
    }

    private static GraphRelationship Collaborates(GraphNode start, GraphNode end, double strength) =>
        Relationship("COLLABORATES_WITH", start, end, new JsonObject { ["strength"] = strength });

    /// <summary>Same nodes (order, labels, kinds), same relationships in the same order, same types present, same arcs.</summary>
    private static void AssertSame(NetworkProjection expected, NetworkProjection actual, string where)
    {
        static IEnumerable<string> Nodes(NetworkProjection p) =>
            Enumerable.Range(0, p.NodeCount).Select(v => $"{p.NameOf(v)} {p.LabelOf(v)} {p.KindOf(v)}");
        static IEnumerable<string> Relationships(NetworkProjection p) =>
            Enumerable.Range(0, p.RelationshipCount).Select(r => $"{p.KeyOf(r)} {p.WeightOf(r)}");
        static IEnumerable<string> Arcs(NetworkProjection p) =>
            Enumerable.Range(0, p.NodeCount).Select(v =>
                $"{v}: {string.Join(",", p.Neighbors(v).ToArray())} / {string.Join(",", p.ArcRelationships(v).ToArray())} / {string.Join(",", p.ArcWeights(v).ToArray())}");

        Assert.True(Nodes(expected).SequenceEqual(Nodes(actual)), $"nodes differ at {where}");
        Assert.True(Relationships(expected).SequenceEqual(Relationships(actual)),
            $"relationships differ at {where}:\n{string.Join("\n", Relationships(expected))}\n--\n{string.Join("\n", Relationships(actual))}");
        Assert.True(expected.TypeNames.SequenceEqual(actual.TypeNames), $"types differ at {where}");
        Assert.True(Arcs(expected).SequenceEqual(Arcs(actual)), $"arcs differ at {where}");
        Assert.True(Enumerable.Range(0, expected.NodeCount).All(v => expected.InDegree(v) == actual.InDegree(v)), $"in-degrees differ at {where}");
    }
}
