using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Testing.Stores;

/// <summary>
/// What every <see cref="IGraphStore"/> must do. A store's test class derives from this and says how to make an
/// empty store; the embedded store runs it always, the Neo4j store where a server is available.
/// </summary>
public abstract partial class GraphStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An empty store, disposed by the caller.</summary>
    protected abstract Task<IGraphStore> CreateEmptyStoreAsync();

    private static GraphBatch Batch(params GraphNode[] nodes) => new(nodes, []);

    [Fact]
    public async Task WriteAsync_NewNodes_AreReadBackWithTimes()
    {
        await using var store = await CreateEmptyStoreAsync();
        var plymouth = Locality("plymouth");

        await store.WriteAsync(Batch(plymouth), WriteOptions.None, Ct);
        var read = await store.GetNodeAsync("localities/plymouth", Ct);

        Assert.NotNull(read);
        Assert.Equal("Locality", read.Label);
        Assert.Equal("UNITARY", read.GetString("laType"));
        Assert.NotEqual(default, read.CreateTime);
        Assert.Equal(read.CreateTime, read.UpdateTime);
    }

    [Fact]
    public async Task WriteAsync_ExistingNode_ReplacesPropertiesAndKeepsCreateTime()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(Partner("nhs-kernow", "CCG")), WriteOptions.None, Ct);
        var first = await store.GetNodeAsync("partners/nhs-kernow", Ct);

        await store.WriteAsync(Batch(Partner("nhs-kernow", "NHS_PROVIDER")), WriteOptions.None, Ct);
        var second = await store.GetNodeAsync("partners/nhs-kernow", Ct);

        Assert.Equal("NHS_PROVIDER", second!.GetString("kind"));
        Assert.Equal(first!.CreateTime, second.CreateTime);
        Assert.True(second.UpdateTime >= first.UpdateTime);
        Assert.Equal(1, (await store.CountAsync(Ct)).Nodes);
    }

    [Fact]
    public async Task WriteAsync_OneInvalidNode_WritesNothingAndNamesTheField()
    {
        await using var store = await CreateEmptyStoreAsync();
        var bad = Partner("mystery") with { Properties = new JsonObject { ["name"] = "Mystery", ["kind"] = "PIRATE" } };

        var error = await Assert.ThrowsAsync<GraphValidationException>(() =>
            store.WriteAsync(Batch(Partner("good"), bad), WriteOptions.None, Ct));

        Assert.Contains(error.Violations, v => v.Field == "nodes[1].properties.kind");
        Assert.Null(await store.GetNodeAsync("partners/good", Ct));
        Assert.Equal(0, (await store.CountAsync(Ct)).Nodes);
    }

    [Fact]
    public async Task WriteAsync_RelationshipToMissingNode_ThrowsAndWritesNothing()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("plymouth-city-council");
        var ghost = Initiative("ghost");

        var error = await Assert.ThrowsAsync<MissingNodesException>(() =>
            store.WriteAsync(new GraphBatch([partner], [PartnerIn(partner, ghost)]), WriteOptions.None, Ct));

        Assert.Contains(error.Missing, v => v.Field == "relationships[0].end" && v.Description.Contains("initiatives/ghost"));
        Assert.Null(await store.GetNodeAsync(partner.Name, Ct));
    }

    [Fact]
    public async Task WriteAsync_RelationshipToNodeOfSameBatch_IsStored()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("wirral-council", "PUBLIC_HEALTH");
        var project = Initiative("wirral-local-vision");

        await store.WriteAsync(new GraphBatch([partner, project], [PartnerIn(partner, project, "LEAD")]), WriteOptions.None, Ct);
        var page = await store.ListRelationshipsAsync(new RelationshipQuery(project.Name, null, Direction.Incoming, 10, null), Ct);

        var relationship = Assert.Single(page.Items);
        Assert.Equal("LEAD", relationship.GetString("role"));
        Assert.Equal(partner.Name, relationship.Start);
    }

    [Fact]
    public async Task WriteAsync_SameRelationshipTwice_UpdatesInsteadOfDuplicating()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("p");
        var project = Initiative("i");
        await store.WriteAsync(new GraphBatch([partner, project], [PartnerIn(partner, project, "MEMBER")]), WriteOptions.None, Ct);

        await store.WriteAsync(new GraphBatch([], [PartnerIn(partner, project, "SPONSOR")]), WriteOptions.None, Ct);
        var page = await store.ListRelationshipsAsync(new RelationshipQuery(partner.Name, null, Direction.Both, 10, null), Ct);

        Assert.Equal("SPONSOR", Assert.Single(page.Items).GetString("role"));
        Assert.Equal(1, (await store.CountAsync(Ct)).Relationships);
    }

    [Fact]
    public async Task PingAsync_EmptyAndWrittenStore_Answers()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.PingAsync(Ct);
        await store.WriteAsync(Batch(Partner("a"), Partner("b")), WriteOptions.None, Ct);

        await store.PingAsync(Ct);

        Assert.Equal(2, (await store.CountAsync(Ct)).Nodes);
    }

    [Fact]
    public async Task CountAsync_MixedGraph_CountsByLabelAndByRelationshipType()
    {
        await using var store = await CreateEmptyStoreAsync();
        var (a, b, person, project) = (Partner("a"), Partner("b"), Person("p"), Initiative("i"));
        await store.WriteAsync(new GraphBatch([a, b, person, project],
            [PartnerIn(a, project), PartnerIn(b, project), Relationship("WORKS_FOR", person, a)]), WriteOptions.None, Ct);

        var counts = await store.CountAsync(Ct);

        Assert.Equal((4, 3), (counts.Nodes, counts.Relationships));
        Assert.Equal([("Initiative", 1L), ("Partner", 2L), ("Person", 1L)], counts.NodesByLabel.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
        Assert.Equal([("PARTNER_IN", 2L), ("WORKS_FOR", 1L)], counts.RelationshipsByType.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public async Task WriteAsync_RepeatedRequestId_IsAppliedOnceAndAnsweredWithTheFirstResult()
    {
        await using var store = await CreateEmptyStoreAsync();
        var first = await store.WriteAsync(Batch(Partner("p", "CCG")), new WriteOptions("req-1"), Ct);
        await store.WriteAsync(Batch(Partner("p", "HWBB")), WriteOptions.None, Ct);

        var replay = await store.WriteAsync(Batch(Partner("p", "CCG")), new WriteOptions("req-1"), Ct);

        Assert.True(replay.Replayed);
        Assert.Equal(first.Nodes[0].UpdateTime, replay.Nodes[0].UpdateTime);
        Assert.Equal("HWBB", (await store.GetNodeAsync("partners/p", Ct))!.GetString("kind"));
    }

    [Theory]
    [InlineData("apiKeys/other", "hash-1")]
    [InlineData("apiKeys/first", "hash-2")]
    public async Task WriteAsync_RequestIdOfAnotherCallerOrRequest_IsRefusedAndNotApplied(string owner, string fingerprint)
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(Partner("p", "CCG")), new WriteOptions("req-1", "apiKeys/first", "hash-1"), Ct);

        await Assert.ThrowsAsync<RequestIdConflictException>(
            () => store.WriteAsync(Batch(Partner("q", "HWBB")), new WriteOptions("req-1", owner, fingerprint), Ct));

        Assert.Null(await store.GetNodeAsync("partners/q", Ct));
        var retry = await store.WriteAsync(Batch(Partner("p", "CCG")), new WriteOptions("req-1", "apiKeys/first", "hash-1"), Ct);
        Assert.True(retry.Replayed);
    }

    [Fact]
    public async Task DeleteNodeAsync_WithRelationshipsWithoutCascade_IsRefused()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("p");
        var project = Initiative("i");
        await store.WriteAsync(new GraphBatch([partner, project], [PartnerIn(partner, project)]), WriteOptions.None, Ct);

        await Assert.ThrowsAsync<NodeHasRelationshipsException>(() => store.DeleteNodeAsync(partner.Name, cascade: false, Ct));

        Assert.NotNull(await store.GetNodeAsync(partner.Name, Ct));
    }

    [Fact]
    public async Task DeleteNodeAsync_WithCascade_RemovesNodeAndItsRelationships()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("p");
        var project = Initiative("i");
        await store.WriteAsync(new GraphBatch([partner, project], [PartnerIn(partner, project)]), WriteOptions.None, Ct);

        var removed = await store.DeleteNodeAsync(partner.Name, cascade: true, Ct);

        Assert.Equal(1, removed);
        Assert.Null(await store.GetNodeAsync(partner.Name, Ct));
        Assert.Empty((await store.ListRelationshipsAsync(new RelationshipQuery(project.Name, null, Direction.Both, 10, null), Ct)).Items);
        var neighbourhood = await store.GetNeighborhoodAsync(new NeighborhoodQuery(project.Name, 2, [], [], 100), Ct);
        Assert.Single(neighbourhood.Nodes);
    }

    [Fact]
    public async Task DeleteNodeAsync_MissingNode_ThrowsNotFound()
    {
        await using var store = await CreateEmptyStoreAsync();

        var error = await Assert.ThrowsAsync<NodeNotFoundException>(() => store.DeleteNodeAsync("partners/nobody", cascade: true, Ct));

        Assert.Equal("partners/nobody", error.Name);
    }

    [Fact]
    public async Task ListNodesAsync_PagedByLabel_ReturnsEveryNodeOnceInNameOrder()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partners = Enumerable.Range(0, 23).Select(i => Partner($"partner-{i:D2}")).ToArray();
        await store.WriteAsync(new GraphBatch([.. partners, Locality("somewhere")], []), WriteOptions.None, Ct);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListNodesAsync(new NodeQuery("Partner", NodeFilter.None, 5, token), Ct);
            Assert.Equal(23, page.TotalSize);
            seen.AddRange(page.Items.Select(n => n.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(5, pages);
        Assert.Equal(partners.Select(p => p.Name).Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("kind = \"CCG\"", new[] { "partners/b" })]
    [InlineData("kind != \"CCG\"", new[] { "partners/a", "partners/c" })]
    [InlineData("size >= 2", new[] { "partners/b", "partners/c" })]
    [InlineData("size > 1 AND kind = \"CCG\"", new[] { "partners/b" })]
    [InlineData("display_name = \"Partner A\"", new[] { "partners/a" })]
    [InlineData("active = true", new[] { "partners/a" })]
    public async Task ListNodesAsync_Filter_KeepsMatchingNodes(string filter, string[] expected)
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(
            Partner("a") with { DisplayName = "Partner A", Properties = new JsonObject { ["name"] = "a", ["kind"] = "LOCAL_AUTHORITY", ["size"] = 1, ["active"] = true } },
            Partner("b") with { Properties = new JsonObject { ["name"] = "b", ["kind"] = "CCG", ["size"] = 2 } },
            Partner("c") with { Properties = new JsonObject { ["name"] = "c", ["kind"] = "HWBB", ["size"] = 3.5 } }), WriteOptions.None, Ct);

        var page = await store.ListNodesAsync(new NodeQuery("Partner", NodeFilter.Parse(filter), 100, null), Ct);

        Assert.Equal(expected, page.Items.Select(n => n.Name));
        Assert.Equal(expected.Length, page.TotalSize);
    }

    [Fact]
    public async Task ListNodesAsync_TokenOfAnotherQuery_IsRejected()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(Partner("a"), Partner("b"), Partner("c")), WriteOptions.None, Ct);
        var page = await store.ListNodesAsync(new NodeQuery("Partner", NodeFilter.None, 1, null), Ct);

        var error = await Assert.ThrowsAsync<GraphValidationException>(() =>
            store.ListNodesAsync(new NodeQuery("Locality", NodeFilter.None, 1, page.NextPageToken), Ct));

        Assert.Equal("page_token", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task ListRelationshipsAsync_ByTypeAndDirection_PagesToTheEnd()
    {
        await using var store = await CreateEmptyStoreAsync();
        var project = Initiative("hub");
        var partners = Enumerable.Range(0, 7).Select(i => Partner($"p{i}")).ToArray();
        var enabler = Enabler("alder");
        await store.WriteAsync(new GraphBatch(
            [project, enabler, .. partners],
            [.. partners.Select(p => PartnerIn(p, project)), Relationship("ENABLES", enabler, project)]), WriteOptions.None, Ct);

        var all = new List<GraphRelationship>();
        string? token = null;
        do
        {
            var page = await store.ListRelationshipsAsync(new RelationshipQuery(project.Name, "PARTNER_IN", Direction.Incoming, 3, token), Ct);
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);
        var outgoing = await store.ListRelationshipsAsync(new RelationshipQuery(project.Name, null, Direction.Outgoing, 100, null), Ct);

        Assert.Equal(7, all.Count);
        Assert.All(all, r => Assert.Equal("PARTNER_IN", r.Type));
        Assert.Empty(outgoing.Items);
    }

    [Fact]
    public async Task ListRelationshipsAsync_MissingNode_ThrowsNotFound()
    {
        await using var store = await CreateEmptyStoreAsync();

        await Assert.ThrowsAsync<NodeNotFoundException>(() =>
            store.ListRelationshipsAsync(new RelationshipQuery("partners/nobody", null, Direction.Both, 10, null), Ct));
    }

    [Fact]
    public async Task GetNeighborhoodAsync_ByDepthTypeAndLabel_ReturnsReachableNodesAndTiesAmongThem()
    {
        await using var store = await CreateEmptyStoreAsync();
        // partner-a -> project-1 <- partner-b -> project-2 ; enabler -> project-1 ; project-1 -> locality
        var a = Partner("a");
        var b = Partner("b");
        var p1 = Initiative("p1");
        var p2 = Initiative("p2");
        var enabler = Enabler("e");
        var place = Locality("place");
        await store.WriteAsync(new GraphBatch([a, b, p1, p2, enabler, place],
        [
            PartnerIn(a, p1), PartnerIn(b, p1), PartnerIn(b, p2), Relationship("ENABLES", enabler, p1), Relationship("IN_LOCALITY", p1, place),
        ]), WriteOptions.None, Ct);

        var one = await store.GetNeighborhoodAsync(new NeighborhoodQuery(a.Name, 1, [], [], 100), Ct);
        var two = await store.GetNeighborhoodAsync(new NeighborhoodQuery(a.Name, 2, [], [], 100), Ct);
        var partnersOnly = await store.GetNeighborhoodAsync(new NeighborhoodQuery(a.Name, 3, ["PARTNER_IN"], [], 100), Ct);
        var noEnablers = await store.GetNeighborhoodAsync(new NeighborhoodQuery(a.Name, 2, [], ["Partner", "Initiative"], 100), Ct);
        var limited = await store.GetNeighborhoodAsync(new NeighborhoodQuery(a.Name, 3, [], [], 3), Ct);

        Assert.Equal(["initiatives/p1", "partners/a"], one.Nodes.Select(n => n.Name).Order());
        Assert.Single(one.Relationships);
        Assert.Equal(["enablers/e", "initiatives/p1", "localities/place", "partners/a", "partners/b"], two.Nodes.Select(n => n.Name).Order());
        Assert.Equal(4, two.Relationships.Count);
        Assert.Equal(["initiatives/p1", "initiatives/p2", "partners/a", "partners/b"], partnersOnly.Nodes.Select(n => n.Name).Order());
        Assert.DoesNotContain(noEnablers.Nodes, n => n.Label is "Enabler" or "Locality");
        Assert.Equal(3, limited.Nodes.Count);
        Assert.True(limited.Truncated);
        Assert.False(two.Truncated);
    }

    [Fact]
    public async Task GetNeighborhoodAsync_AfterNodesAndTiesChange_ShowsTheNewValues()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("p", "CCG");
        var project = Initiative("i");
        await store.WriteAsync(new GraphBatch([partner, project], [PartnerIn(partner, project, "MEMBER")]), WriteOptions.None, Ct);
        await store.GetNeighborhoodAsync(new NeighborhoodQuery(project.Name, 1, [], [], 10), Ct);

        await store.WriteAsync(new GraphBatch([Partner("p", "HWBB")], [PartnerIn(partner, project, "LEAD")]), WriteOptions.None, Ct);
        var after = await store.GetNeighborhoodAsync(new NeighborhoodQuery(project.Name, 1, [], [], 10), Ct);

        Assert.Equal("HWBB", after.Nodes.Single(n => n.Name == partner.Name).GetString("kind"));
        Assert.Equal("LEAD", Assert.Single(after.Relationships).GetString("role"));
    }

    [Fact]
    public async Task GetNeighborhoodAsync_MissingNode_ThrowsNotFound()
    {
        await using var store = await CreateEmptyStoreAsync();

        await Assert.ThrowsAsync<NodeNotFoundException>(() => store.GetNeighborhoodAsync(new NeighborhoodQuery("partners/x", 1, [], [], 10), Ct));
    }

    [Fact]
    public async Task ReadAsync_ByLabels_StreamsNodesAndTheRelationshipsAmongThem()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("p");
        var project = Initiative("i");
        var place = Locality("l");
        await store.WriteAsync(new GraphBatch([partner, project, place],
            [PartnerIn(partner, project), Relationship("BASED_IN", partner, place)]), WriteOptions.None, Ct);

        var nodes = await store.ReadNodesAsync(["Partner", "Initiative"], Ct).ToListAsync(Ct);
        var relationships = await store.ReadRelationshipsAsync(["Partner", "Initiative"], Ct).ToListAsync(Ct);
        var everything = await store.ReadRelationshipsAsync([], Ct).ToListAsync(Ct);

        Assert.Equal(["initiatives/i", "partners/p"], nodes.Select(n => n.Name));
        Assert.Equal("PARTNER_IN", Assert.Single(relationships).Type);
        Assert.Equal(2, everything.Count);
    }

    [Fact]
    public async Task GetRelationshipsAsync_ByKey_ReturnsTheStoredOnesAndSkipsUnknownKeys()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("p");
        var project = Initiative("i");
        var place = Locality("l");
        await store.WriteAsync(new GraphBatch([partner, project, place],
            [PartnerIn(partner, project, "LEAD"), Relationship("BASED_IN", partner, place)]), WriteOptions.None, Ct);

        var found = await store.GetRelationshipsAsync(
            [new("PARTNER_IN", "partners/p", "initiatives/i"), new("PARTNER_IN", "initiatives/i", "partners/p"), new("BASED_IN", "partners/p", "localities/l")], Ct);

        Assert.Equal(["BASED_IN partners/p localities/l", "PARTNER_IN partners/p initiatives/i"],
            found.Select(r => $"{r.Type} {r.Start} {r.End}").Order(StringComparer.Ordinal));
        Assert.Equal("LEAD", found.Single(r => r.Type == "PARTNER_IN").GetString("role"));
    }

    [Fact]
    public async Task GetVersionAsync_AfterEachWrite_Rises()
    {
        await using var store = await CreateEmptyStoreAsync();
        var before = await store.GetVersionAsync(Ct);

        await store.WriteAsync(Batch(Partner("p")), WriteOptions.None, Ct);
        var afterWrite = await store.GetVersionAsync(Ct);
        await store.DeleteNodeAsync("partners/p", cascade: false, Ct);
        var afterDelete = await store.GetVersionAsync(Ct);

        Assert.True(afterWrite > before);
        Assert.True(afterDelete > afterWrite);
    }

    private static GraphNode RowanWithBackground() =>
        Enabler("rowan") with { Properties = new JsonObject { ["pseudonym"] = "rowan", ["background"] = "Former NHS commissioner." } };

    [Fact]
    public async Task WriteAsync_FailOnConflict_RefusesNamingTheStoredNodeAndWritesNothing()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(RowanWithBackground()), WriteOptions.None, Ct);

        var error = await Assert.ThrowsAsync<NodeConflictException>(() =>
            store.WriteAsync(Batch(Enabler("ash"), Enabler("rowan")), new WriteOptions(OnConflict: ConflictPolicy.Fail), Ct));

        var conflict = Assert.Single(error.Conflicts);
        Assert.Equal("nodes[1].name", conflict.Field);
        Assert.Equal(["enablers/rowan"], error.Names);
        Assert.Contains("`enablers/rowan` already exists", error.Message);
        Assert.Null(await store.GetNodeAsync("enablers/ash", Ct));
        Assert.Equal("Former NHS commissioner.", (await store.GetNodeAsync("enablers/rowan", Ct))!.GetString("background"));
    }

    [Fact]
    public async Task WriteAsync_FailOnConflict_AnIdenticalNodeIsUnchangedAndNotRewritten()
    {
        await using var store = await CreateEmptyStoreAsync();
        var first = (await store.WriteAsync(Batch(RowanWithBackground()), WriteOptions.None, Ct)).Nodes[0];

        var again = await store.WriteAsync(Batch(RowanWithBackground(), Enabler("ash")), new WriteOptions(OnConflict: ConflictPolicy.Fail), Ct);

        Assert.Equal(new NodeWriteCounts(1, 0, 0, 1), again.Counts);
        Assert.Equal(first.UpdateTime, (await store.GetNodeAsync("enablers/rowan", Ct))!.UpdateTime);
        Assert.NotNull(await store.GetNodeAsync("enablers/ash", Ct));
    }

    [Fact]
    public async Task WriteAsync_Replace_RemovesPropertiesNotGivenAndCountsReplaced()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(RowanWithBackground()), WriteOptions.None, Ct);

        var result = await store.WriteAsync(Batch(Enabler("rowan")), new WriteOptions(OnConflict: ConflictPolicy.Replace), Ct);

        Assert.Equal(new NodeWriteCounts(0, 1, 0, 0), result.Counts);
        Assert.Null((await store.GetNodeAsync("enablers/rowan", Ct))!.GetString("background"));
    }

    [Fact]
    public async Task WriteAsync_Merge_KeepsPropertiesNotGivenAndChecksTheMergedNode()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(RowanWithBackground()), WriteOptions.None, Ct);
        var partial = new GraphNode("enablers/rowan", "Enabler", "", new JsonObject { ["background"] = "Public health lead." });

        var result = await store.WriteAsync(Batch(partial), new WriteOptions(OnConflict: ConflictPolicy.Merge), Ct);
        var merged = await store.GetNodeAsync("enablers/rowan", Ct);

        Assert.Equal(new NodeWriteCounts(0, 0, 1, 0), result.Counts);
        Assert.Equal("rowan", merged!.GetString("pseudonym"));
        Assert.Equal("rowan", merged.DisplayName);
        Assert.Equal("Public health lead.", merged.GetString("background"));
        // A merge into nothing is a creation, and must be a whole node.
        var error = await Assert.ThrowsAsync<GraphValidationException>(() =>
            store.WriteAsync(Batch(partial with { Name = "enablers/hazel" }), new WriteOptions(OnConflict: ConflictPolicy.Merge), Ct));
        Assert.Contains(error.Violations, v => v.Field.StartsWith("nodes[0]", StringComparison.Ordinal));
        Assert.Null(await store.GetNodeAsync("enablers/hazel", Ct));
    }

    [Fact]
    public async Task WriteAsync_DryRun_CountsAndRefusesAsTheWriteWouldButWritesNothing()
    {
        await using var store = await CreateEmptyStoreAsync();
        await store.WriteAsync(Batch(RowanWithBackground()), WriteOptions.None, Ct);
        var version = await store.GetVersionAsync(Ct);
        var ash = Enabler("ash");
        var project = Initiative("wirral");

        var planned = await store.WriteAsync(new GraphBatch([Enabler("rowan"), ash, project], [Relationship("ENABLES", ash, project)]),
            new WriteOptions(DryRun: true), Ct);
        await Assert.ThrowsAsync<NodeConflictException>(() =>
            store.WriteAsync(Batch(Enabler("rowan")), new WriteOptions(OnConflict: ConflictPolicy.Fail, DryRun: true), Ct));
        await Assert.ThrowsAsync<MissingNodesException>(() =>
            store.WriteAsync(new GraphBatch([], [Relationship("ENABLES", ash, project)]), new WriteOptions(DryRun: true), Ct));

        Assert.Equal(new NodeWriteCounts(2, 1, 0, 0), planned.Counts);
        Assert.Equal(version, await store.GetVersionAsync(Ct));
        Assert.Equal(1, (await store.CountAsync(Ct)).Nodes);
        Assert.Equal(0, (await store.CountAsync(Ct)).Relationships);
        Assert.Equal("Former NHS commissioner.", (await store.GetNodeAsync("enablers/rowan", Ct))!.GetString("background"));
    }

    [Fact]
    public async Task WriteAsync_DryRunOfALaterBatch_FindsTheNodesEarlierBatchesWouldHaveWritten()
    {
        await using var store = await CreateEmptyStoreAsync();
        var ash = Enabler("ash");
        var project = Initiative("wirral");
        var earlier = await store.WriteAsync(Batch(ash, project), new WriteOptions(DryRun: true), Ct);
        var planned = earlier.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);

        var later = await store.WriteAsync(new GraphBatch([ash], [Relationship("ENABLES", ash, project)]),
            new WriteOptions(OnConflict: ConflictPolicy.Fail, DryRun: true, DryRunNodes: planned), Ct);

        Assert.Equal(new NodeWriteCounts(0, 0, 0, 1), later.Counts);
        Assert.Equal(0, (await store.CountAsync(Ct)).Nodes);
    }

    [Fact]
    public async Task WriteAsync_RequestIdReplay_AnswersWithTheFirstWritesCounts()
    {
        await using var store = await CreateEmptyStoreAsync();
        var options = new WriteOptions("import-1", "alice", "sha256:1", ConflictPolicy.Fail);
        await store.WriteAsync(Batch(Enabler("ash")), options, Ct);

        var replay = await store.WriteAsync(Batch(Enabler("ash")), options, Ct);

        Assert.True(replay.Replayed);
        Assert.Equal(new NodeWriteCounts(1, 0, 0, 0), replay.Counts);
    }

    [Fact]
    public async Task AnyNodeHasPropertyAsync_SaysWhetherANodeOfTheLabelHoldsAValueThere()
    {
        await using var store = await CreateEmptyStoreAsync();
        var partner = Partner("kernow", "CCG") with
        {
            Properties = new JsonObject { ["name"] = "Kernow", ["kind"] = "CCG", ["address"] = new JsonObject { ["town"] = "Truro" }, ["active"] = false },
        };
        await store.WriteAsync(Batch(partner, Enabler("rowan")), WriteOptions.None, Ct);

        Assert.True(await store.AnyNodeHasPropertyAsync("Partner", "kind", Ct));
        Assert.True(await store.AnyNodeHasPropertyAsync("Partner", "address.town", Ct));
        Assert.True(await store.AnyNodeHasPropertyAsync("Partner", "active", Ct));
        Assert.False(await store.AnyNodeHasPropertyAsync("Partner", "kidn", Ct));
        Assert.False(await store.AnyNodeHasPropertyAsync("Partner", "pseudonym", Ct));
        Assert.False(await store.AnyNodeHasPropertyAsync("Enabler", "kind", Ct));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersAndReaders_NeverSeeHalfABatch()
    {
        await using var store = await CreateEmptyStoreAsync();
        const int writers = 8;
        const int batchSize = 25;
        var sawPartial = false;
        using var done = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var count = (await store.CountAsync(Ct)).Nodes;
                sawPartial |= count % batchSize != 0;
            }
        }, Ct);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
            store.WriteAsync(new GraphBatch(Enumerable.Range(0, batchSize).Select(i => Partner($"w{w}-p{i}")).ToList(), []), WriteOptions.None, Ct), Ct)));
        await done.CancelAsync();
        await reader;

        Assert.False(sawPartial);
        Assert.Equal(writers * batchSize, (await store.CountAsync(Ct)).Nodes);
    }
}
