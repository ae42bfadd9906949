using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Network;
using LocalVision.Graph.Store;
using LocalVision.Testing.Stores;

namespace LocalVision.Graph.Tests.Network;

/// <summary>Projections read from a real embedded store.</summary>
public sealed class StoreProjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Plymouth: a council and a CCG collaborate (from 2015 to 2016, strength 0.8); both are partners in a Local Vision
    /// project from 2015 (the CCG left at the end of 2015); an Enabler facilitates it; a person works for the council.
    /// </summary>
    private static async Task<TempStore> CreateStoreAsync()
    {
        var temp = TempStore.Create();
        await temp.Store.WriteAsync(new GraphBatch(
            [
                Node("localities/plymouth", "Locality", new() { ["name"] = "Plymouth", ["laType"] = "UNITARY" }),
                Node("partners/plymouth-city-council", "Partner", new() { ["name"] = "Plymouth City Council", ["kind"] = "LOCAL_AUTHORITY" }),
                Node("partners/plymouth-ccg", "Partner", new() { ["name"] = "Plymouth CCG", ["kind"] = "CCG" }),
                Node("initiatives/plymouth-lv", "Initiative", new() { ["name"] = "Plymouth LV", ["kind"] = "LV_PROJECT" }),
                Node("enablers/e1", "Enabler", new() { ["pseudonym"] = "E1" }),
                Node("people/p1", "Person", new() { ["role"] = "SENIOR_LEADER" }),
            ],
            [
                Rel("BASED_IN", "partners/plymouth-city-council", "localities/plymouth", []),
                Rel("BASED_IN", "partners/plymouth-ccg", "localities/plymouth", []),
                Rel("IN_LOCALITY", "initiatives/plymouth-lv", "localities/plymouth", []),
                Rel("COLLABORATES_WITH", "partners/plymouth-city-council", "partners/plymouth-ccg",
                    new() { ["from"] = "2015-01-01", ["to"] = "2016-12-31", ["strength"] = 0.8 }),
                Rel("PARTNER_IN", "partners/plymouth-city-council", "initiatives/plymouth-lv", new() { ["role"] = "LEAD", ["from"] = "2015-03-01" }),
                Rel("PARTNER_IN", "partners/plymouth-ccg", "initiatives/plymouth-lv",
                    new() { ["role"] = "MEMBER", ["from"] = "2015-03-01", ["to"] = "2015-12-31" }),
                Rel("ENABLES", "enablers/e1", "initiatives/plymouth-lv", new() { ["from"] = "2015-04-01", ["to"] = "2016-03-31", ["days"] = 20 }),
                Rel("WORKS_FOR", "people/p1", "partners/plymouth-city-council", []),
            ]), WriteOptions.None, Ct);
        return temp;
    }

    private static GraphNode Node(string name, string label, JsonObject properties) => new(name, label, name, properties);

    private static GraphRelationship Rel(string type, string start, string end, JsonObject properties) => new(type, start, end, properties);

    [Fact]
    public async Task BuildAsync_AllSpec_HoldsEveryNodeAndRelationship()
    {
        await using var temp = await CreateStoreAsync();

        var projection = await NetworkProjection.BuildAsync(temp.Store, ProjectionSpec.All, Ct);

        Assert.Equal(6, projection.NodeCount);
        Assert.Equal(8, projection.RelationshipCount);
        Assert.Equal(await temp.Store.GetVersionAsync(Ct), projection.Version);
        Assert.Equal("CCG", projection.KindOf(projection.IndexOf("partners/plymouth-ccg")));
        Assert.Equal("Partner", projection.LabelOf(projection.IndexOf("partners/plymouth-ccg")));
    }

    [Fact]
    public async Task BuildAsync_LabelFilter_KeepsOnlyRelationshipsAmongThoseLabels()
    {
        await using var temp = await CreateStoreAsync();

        var projection = await NetworkProjection.BuildAsync(temp.Store, new ProjectionSpec(["Partner", "Initiative"], []), Ct);

        Assert.Equal(3, projection.NodeCount);
        Assert.Equal(["COLLABORATES_WITH", "PARTNER_IN"], Enumerable.Range(0, projection.RelationshipCount).Select(r => projection.Relationship(r).Type).Distinct().Order());
        Assert.Equal(-1, projection.IndexOf("people/p1"));
    }

    [Fact]
    public async Task BuildAsync_TypeFilter_KeepsOnlyThoseTypes()
    {
        await using var temp = await CreateStoreAsync();

        var projection = await NetworkProjection.BuildAsync(temp.Store, new ProjectionSpec([], ["ENABLES", "WORKS_FOR"]), Ct);

        Assert.Equal(6, projection.NodeCount);
        Assert.Equal(2, projection.RelationshipCount);
    }

    [Theory]
    [InlineData("2014-06-01", 4)]
    [InlineData("2015-06-01", 8)]
    [InlineData("2015-12-31", 8)]
    [InlineData("2016-01-01", 7)]
    [InlineData("2016-06-01", 6)]
    [InlineData("2017-01-01", 5)]
    public async Task BuildAsync_AsOf_KeepsRelationshipsValidThatDay(string date, int expected)
    {
        await using var temp = await CreateStoreAsync();

        var projection = await NetworkProjection.BuildAsync(temp.Store, ProjectionSpec.All with { AsOf = DateOnly.Parse(date) }, Ct);

        Assert.Equal(expected, projection.RelationshipCount);
    }

    [Fact]
    public async Task BuildAsync_WeightProperty_UsesItAndDefaultsWhereMissing()
    {
        await using var temp = await CreateStoreAsync();
        var spec = new ProjectionSpec(["Partner", "Initiative", "Enabler"], [], WeightProperty: "days", DefaultWeight: 2);

        var projection = await NetworkProjection.BuildAsync(temp.Store, spec, Ct);

        Assert.True(projection.IsWeighted);
        var enabler = projection.IndexOf("enablers/e1");
        Assert.Equal([20.0], projection.ArcWeights(enabler).ToArray());
        var path = NetworkPaths.ShortestPath(projection, enabler, projection.IndexOf("partners/plymouth-ccg"), cancellationToken: Ct)!;
        Assert.Equal(22, path.Cost);
    }

    [Fact]
    public async Task BuildAsync_Directed_FollowsStoredDirection()
    {
        await using var temp = await CreateStoreAsync();

        var projection = await NetworkProjection.BuildAsync(temp.Store, ProjectionSpec.All with { Direction = ProjectionDirection.Directed }, Ct);

        var locality = projection.IndexOf("localities/plymouth");
        Assert.Equal(0, projection.Degree(locality));
        Assert.Equal(3, projection.InDegree(locality));
    }

    [Fact]
    public async Task ShortestPath_BetweenPartners_GoesThroughTheInitiativeWhenTheTieHasLapsed()
    {
        await using var temp = await CreateStoreAsync();
        var spec = new ProjectionSpec(["Partner", "Initiative", "Enabler"], [], AsOf: new DateOnly(2015, 6, 1));

        var then = await NetworkProjection.BuildAsync(temp.Store, spec, Ct);
        var later = await NetworkProjection.BuildAsync(temp.Store, spec with { AsOf = new DateOnly(2017, 6, 1) }, Ct);

        var direct = NetworkPaths.ShortestPath(then, then.IndexOf("partners/plymouth-city-council"), then.IndexOf("partners/plymouth-ccg"), cancellationToken: Ct)!;
        Assert.Equal([new("COLLABORATES_WITH", "partners/plymouth-city-council", "partners/plymouth-ccg")], direct.RelationshipKeys);
        Assert.Null(NetworkPaths.ShortestPath(later, later.IndexOf("partners/plymouth-city-council"), later.IndexOf("partners/plymouth-ccg"), cancellationToken: Ct));
    }

    [Fact]
    public async Task ProjectionCache_SameSpec_BuildsOnce()
    {
        await using var temp = await CreateStoreAsync();
        var cache = new ProjectionCache(temp.Store);

        var first = await cache.GetAsync(new ProjectionSpec(["Partner", "Initiative"], []), Ct);
        var second = await cache.GetAsync(new ProjectionSpec(["Initiative", "Partner"], []), Ct);

        Assert.Same(first, second);
        Assert.Equal(1, cache.Builds);
    }

    [Fact]
    public async Task ProjectionCache_AfterWriteOfATie_PatchesInTheNewRelationshipWithoutABuild()
    {
        await using var temp = await CreateStoreAsync();
        var cache = new ProjectionCache(temp.Store);
        var before = await cache.GetAsync(ProjectionSpec.All, Ct);

        await temp.Store.WriteAsync(new GraphBatch([], [Rel("KNOWN_TO", "enablers/e1", "people/p1", new() { ["since"] = "2014-01-01" })]), WriteOptions.None, Ct);
        var after = await cache.GetAsync(ProjectionSpec.All, Ct);

        Assert.NotSame(before, after);
        Assert.Equal((1L, 1L), (cache.Builds, cache.Patches));
        Assert.Equal(before.RelationshipCount + 1, after.RelationshipCount);
        Assert.True(after.Version > before.Version);
    }

    [Fact]
    public async Task ProjectionCache_ConcurrentRequests_ShareOneBuild()
    {
        await using var temp = await CreateStoreAsync();
        var cache = new ProjectionCache(temp.Store);

        var projections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetAsync(ProjectionSpec.All, Ct)));

        Assert.All(projections, p => Assert.Same(projections[0], p));
        Assert.Equal(1, cache.Builds);
    }

    [Fact]
    public async Task ProjectionCache_OverItsBytes_DropsTheLeastRecentlyUsed()
    {
        await using var temp = await CreateStoreAsync();
        var all = await NetworkProjection.BuildAsync(temp.Store, ProjectionSpec.All, Ct);
        // Room for the whole graph's projection and a little more, not for two of that size.
        var cache = new ProjectionCache(temp.Store, capacityBytes: all.EstimatedBytes + 100);
        var partners = new ProjectionSpec(["Partner", "Initiative"], []);

        var first = await cache.GetAsync(ProjectionSpec.All, Ct);
        await cache.GetAsync(partners, Ct);
        await cache.GetAsync(new ProjectionSpec(["Partner", "Initiative", "Enabler"], []), Ct);
        var again = await cache.GetAsync(ProjectionSpec.All, Ct);

        Assert.NotSame(first, again);
        Assert.Equal(4, cache.Builds);
        Assert.True(cache.SizeBytes <= cache.CapacityBytes);
    }

    [Fact]
    public async Task ProjectionCache_CallerStopsWaiting_BuildGoesOnForTheNextCaller()
    {
        await using var temp = await CreateStoreAsync();
        var gated = new GatedStore(temp.Store);
        var cache = new ProjectionCache(gated);
        using var impatient = new CancellationTokenSource();

        var waiting = cache.GetAsync(ProjectionSpec.All, impatient.Token);
        await impatient.CancelAsync();
        var error = await Assert.ThrowsAsync<ProjectionStillBuildingException>(() => waiting);
        gated.Open();
        var projection = await cache.GetAsync(ProjectionSpec.All, Ct);

        Assert.Equal(impatient.Token, error.CancellationToken);
        Assert.Equal(6, projection.NodeCount);
        Assert.Equal(1, cache.Builds);
    }

    [Fact]
    public async Task ProjectionCache_BuildsThatFinishAfterEveryCallerGaveUp_AreCounted()
    {
        await using var temp = await CreateStoreAsync();
        var gated = new GatedStore(temp.Store);
        var cache = new ProjectionCache(gated);
        var specs = new[] { new ProjectionSpec(["Partner"], []), ProjectionSpec.All };
        // What the two projections hold, built beside the cache (asking the cache for them would count them itself).
        var expected = 0L;
        foreach (var spec in specs)
        {
            expected += (await NetworkProjection.BuildAsync(temp.Store, spec, Ct)).Prepared().EstimatedBytes;
        }
        await AbandonBuildsAsync(cache, specs);

        gated.Open();
        var counted = await WaitForAsync(() => cache.SizeBytes == expected);

        Assert.True(counted, $"the finished builds count {cache.SizeBytes} bytes, not {expected}");
        Assert.Equal((2, 2L), (cache.Count, cache.Builds));
    }

    [Fact]
    public async Task ProjectionCache_BuildsThatFinishAfterEveryCallerGaveUp_AreKeptWithinTheBound()
    {
        await using var temp = await CreateStoreAsync();
        var gated = new GatedStore(temp.Store);
        // Room for no projection at all: each build that ends pushes out the one before it.
        var cache = new ProjectionCache(gated, capacityBytes: 1);
        await AbandonBuildsAsync(cache, [new ProjectionSpec(["Partner"], []), ProjectionSpec.All]);

        gated.Open();
        var trimmed = await WaitForAsync(() => cache.Count == 1 && cache.SizeBytes > 0);

        Assert.True(trimmed, $"{cache.Count} projections, {cache.SizeBytes} bytes against a bound of 1");
        Assert.Equal(2, cache.Builds);
    }

    /// <summary>Starts a build for each spec whose only caller stops waiting at once.</summary>
    private static async Task AbandonBuildsAsync(ProjectionCache cache, IEnumerable<ProjectionSpec> specs)
    {
        foreach (var spec in specs)
        {
            using var impatient = new CancellationTokenSource();
            var waiting = cache.GetAsync(spec, impatient.Token);
            await impatient.CancelAsync();
            await Assert.ThrowsAsync<ProjectionStillBuildingException>(() => waiting);
        }
        Assert.Equal((2, 0L), (cache.Count, cache.SizeBytes));
    }

    /// <summary>
    /// Whether <paramref name="condition"/> came true within 30 s of polling, for work that ends on its own with nothing
    /// to await; a bound on the wait so that a failure fails, not hangs. Nothing is asserted on how long it took.
    /// </summary>
    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3_000 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }
        return condition();
    }

    [Fact]
    public async Task LocalityScopeAsync_Plymouth_PartnersInitiativesEnablersAndPeople()
    {
        await using var temp = await CreateStoreAsync();

        var scope = await NetworkAnalysis.LocalityScopeAsync(temp.Store, "localities/plymouth", Ct);

        Assert.Equal(
            ["enablers/e1", "initiatives/plymouth-lv", "partners/plymouth-ccg", "partners/plymouth-city-council", "people/p1"],
            scope.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LocalityScopeAsync_UnknownLocality_Throws()
    {
        await using var temp = await CreateStoreAsync();

        await Assert.ThrowsAsync<NodeNotFoundException>(() => NetworkAnalysis.LocalityScopeAsync(temp.Store, "localities/nowhere", Ct));
    }

    [Fact]
    public async Task SimulateRemoval_EnablerOfTheLocality_DisconnectsNothingButDropsEdges()
    {
        await using var temp = await CreateStoreAsync();
        var projection = await NetworkProjection.BuildAsync(temp.Store, ProjectionSpec.All, Ct);
        var scope = await NetworkAnalysis.LocalityScopeAsync(temp.Store, "localities/plymouth", Ct);

        var impact = NetworkAnalysis.SimulateRemoval(projection, scope, "enablers/e1", Ct);

        Assert.Equal(5, impact.Before.Nodes);
        Assert.Equal(4, impact.After.Nodes);
        Assert.Equal(impact.Before.Edges - 1, impact.After.Edges);
        Assert.Equal(1, impact.After.Components);
    }

    [Fact]
    public async Task Compare_TwoDates_ReportsLapsedTies()
    {
        await using var temp = await CreateStoreAsync();
        var spec = new ProjectionSpec(["Partner", "Initiative", "Enabler", "Person"], []);
        var then = await NetworkProjection.BuildAsync(temp.Store, spec with { AsOf = new DateOnly(2015, 6, 1) }, Ct);
        var now = await NetworkProjection.BuildAsync(temp.Store, spec with { AsOf = new DateOnly(2017, 6, 1) }, Ct);

        var change = NetworkAnalysis.Compare(then, now, null, Ct);

        Assert.Empty(change.Gained);
        Assert.Equal(["COLLABORATES_WITH", "ENABLES", "PARTNER_IN"], change.Lost.Select(k => k.Type));
        Assert.Equal(5, change.Then.Edges);
        Assert.Equal(2, change.Now.Edges);
    }
}
