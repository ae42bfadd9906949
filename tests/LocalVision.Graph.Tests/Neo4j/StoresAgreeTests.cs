using System.Text.Json.Nodes;
using CsCheck;
using LocalVision.Graph.Import;
using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;
using LocalVision.Testing.Neo4j;
using LocalVision.Testing.Stores;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>
/// Differential check: random graphs written to the embedded SQLite store and to a Neo4j store must be answered
/// the same — filtered lists and their totals, neighbourhoods (nodes, relationships, limits), a node's
/// relationships, the streams and the counts. Relationship listings are compared as sets: the embedded store
/// orders them by insertion, Neo4j by (start, type, end). Where a limit truncates a neighbourhood, which nodes
/// are kept may differ (the embedded store keeps them in insertion order, Neo4j by distance then name), so only
/// their number and the truncation flag are compared.
/// </summary>
public abstract class StoresAgree
{
    private static readonly string[] Filters =
    [
        "", "kind = \"CCG\"", "kind != \"CCG\"", "kind < \"H\"", "size >= 2", "size < 2.5", "size = 2", "size = \"2\"", "size != \"2\"",
        "active = true", "active != false", "info.score > 0.4", "info.score <= 0.5 AND kind >= \"HWBB\"", "display_name >= \"beta\"",
        "display_name = 3", "missing = 1", "missing != 1", "cohort = 2",
    ];

    private static readonly (string Type, string From, string To)[] EdgeKinds =
    [
        ("PARTNER_IN", "partners", "initiatives"), ("BASED_IN", "partners", "localities"), ("IN_LOCALITY", "initiatives", "localities"),
        ("ENABLES", "enablers", "initiatives"), ("COLLABORATES_WITH", "partners", "partners"), ("ALIGNED_WITH", "initiatives", "initiatives"),
    ];

    private sealed record PartnerSpec(string Kind, object? Size, bool? Active, double? Score, string Display);

    private sealed record GraphSpec(PartnerSpec[] Partners, int[] Cohorts, int Localities, int Enablers, (int Kind, int From, int To)[] Edges);

    private static readonly Gen<PartnerSpec> Partner =
        from kind in Gen.OneOf("CCG", "HWBB", "LOCAL_AUTHORITY", "POLICE")
        from size in Gen.OneOf<object?>(null, 0, 1, 2, 2.5, 3, "2")
        from active in Gen.OneOf<bool?>(null, true, false)
        from score in Gen.OneOf<double?>(null, 0.1, 0.5, 0.9)
        from display in Gen.OneOf("Alpha", "beta", "Gamma", "partner")
        select new PartnerSpec(kind, size, active, score, display);

    private static readonly Gen<GraphSpec> Graphs =
        from partners in Partner.Array[1, 6]
        from cohorts in Gen.Int[1, 3].Array[1, 4]
        from localities in Gen.Int[0, 2]
        from enablers in Gen.Int[0, 2]
        from edges in Gen.Select(Gen.Int[0, EdgeKinds.Length - 1], Gen.Int[0, 99], Gen.Int[0, 99]).Array[0, 20]
        select new GraphSpec(partners, cohorts, localities, enablers, edges);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How many random graphs to compare.</summary>
    protected abstract long Iterations { get; }

    /// <summary>Why the Neo4j side cannot run here, if it cannot.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>A Neo4j store on an empty database; the caller disposes it.</summary>
    protected abstract Task<IGraphStore> OpenEmptyNeo4jAsync();

    [Fact]
    public async Task SameGraph_BothStores_GiveTheSameAnswers()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        await Graphs.SampleAsync(async spec =>
        {
            var batch = Build(spec);
            await using var sqlite = TempStore.Create();
            await using var neo4j = await OpenEmptyNeo4jAsync();
            await sqlite.Store.WriteAsync(batch, WriteOptions.None, Ct);
            await neo4j.WriteAsync(batch, WriteOptions.None, Ct);

            await AssertSameAsync(sqlite.Store, neo4j, batch);
        }, iter: Iterations, threads: 1, print: spec => string.Join('\n', Lines(Build(spec))));
    }

    private static async Task AssertSameAsync(IGraphStore embedded, IGraphStore neo4j, GraphBatch batch)
    {
        var (c1, c2) = (await embedded.CountAsync(Ct), await neo4j.CountAsync(Ct));
        Assert.Equal((c1.Nodes, c1.Relationships), (c2.Nodes, c2.Relationships));
        Assert.Equal(c1.NodesByLabel.OrderBy(kv => kv.Key), c2.NodesByLabel.OrderBy(kv => kv.Key));
        Assert.Equal(c1.RelationshipsByType.OrderBy(kv => kv.Key), c2.RelationshipsByType.OrderBy(kv => kv.Key));

        foreach (var text in Filters)
        {
            foreach (var label in new[] { null, "Partner" })
            {
                var query = new NodeQuery(label, NodeFilter.Parse(text), 1000, null);
                var (p1, p2) = (await embedded.ListNodesAsync(query, Ct), await neo4j.ListNodesAsync(query, Ct));
                Assert.True(p1.Items.Select(n => n.Name).SequenceEqual(p2.Items.Select(n => n.Name)), $"filter `{text}` on {label ?? "all"}");
                Assert.Equal(p1.TotalSize, p2.TotalSize);
            }
        }
        Assert.Equal(await AllPagesAsync(embedded), await AllPagesAsync(neo4j));

        foreach (var node in batch.Nodes)
        {
            foreach (var (depth, types, labels) in new (int, string[], string[])[]
            {
                (1, [], []), (3, [], []), (2, ["PARTNER_IN", "BASED_IN"], []), (3, [], ["Partner", "Initiative"]),
            })
            {
                var query = new NeighborhoodQuery(node.Name, depth, types, labels, 1000);
                var (n1, n2) = (await embedded.GetNeighborhoodAsync(query, Ct), await neo4j.GetNeighborhoodAsync(query, Ct));
                Assert.True(Names(n1.Nodes).SequenceEqual(Names(n2.Nodes)), $"neighbourhood of {node.Name} depth {depth} [{string.Join(",", types)}] [{string.Join(",", labels)}]");
                Assert.Equal(Keys(n1.Relationships), Keys(n2.Relationships));
                Assert.False(n1.Truncated || n2.Truncated);

                var limited = query with { Limit = 3 };
                var (l1, l2) = (await embedded.GetNeighborhoodAsync(limited, Ct), await neo4j.GetNeighborhoodAsync(limited, Ct));
                Assert.Equal((l1.Nodes.Count, l1.Truncated), (l2.Nodes.Count, l2.Truncated));
            }
            foreach (var direction in Enum.GetValues<Direction>())
            {
                foreach (var type in new[] { null, "PARTNER_IN" })
                {
                    var query = new RelationshipQuery(node.Name, type, direction, 1000, null);
                    var (r1, r2) = (await embedded.ListRelationshipsAsync(query, Ct), await neo4j.ListRelationshipsAsync(query, Ct));
                    Assert.Equal(Keys(r1.Items), Keys(r2.Items));
                }
            }
        }

        var (s1, s2) = (await embedded.ReadNodesAsync([], Ct).ToListAsync(Ct), await neo4j.ReadNodesAsync([], Ct).ToListAsync(Ct));
        Assert.Equal(s1.Select(n => (n.Name, n.Label, n.DisplayName, n.Properties.ToJsonString())), s2.Select(n => (n.Name, n.Label, n.DisplayName, n.Properties.ToJsonString())));
        Assert.Equal(Keys(await embedded.ReadRelationshipsAsync(["Partner"], Ct).ToListAsync(Ct)), Keys(await neo4j.ReadRelationshipsAsync(["Partner"], Ct).ToListAsync(Ct)));
    }

    /// <summary>Every partner's name, paging two at a time.</summary>
    private static async Task<List<string>> AllPagesAsync(IGraphStore store)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await store.ListNodesAsync(new NodeQuery("Partner", NodeFilter.Parse("kind != \"POLICE\""), 2, token), Ct);
            names.AddRange(page.Items.Select(n => n.Name));
            token = page.NextPageToken;
        }
        while (token is not null);
        return names;
    }

    private static IEnumerable<string> Names(IEnumerable<GraphNode> nodes) => nodes.Select(n => n.Name).Order(StringComparer.Ordinal);

    private static List<string> Keys(IEnumerable<GraphRelationship> relationships) =>
        relationships.Select(r => $"{r.Start} {r.Type} {r.End} {r.Properties.ToJsonString()}").Order(StringComparer.Ordinal).ToList();

    private static GraphBatch Build(GraphSpec spec)
    {
        var nodes = new List<GraphNode>();
        for (var i = 0; i < spec.Partners.Length; i++)
        {
            var p = spec.Partners[i];
            var properties = new JsonObject { ["name"] = $"p{i}", ["kind"] = p.Kind };
            properties["size"] = p.Size switch
            {
                null => null,
                string s => s,
                int n => n,
                double d => d,
                _ => throw new InvalidOperationException(),
            };
            if (p.Active is { } active)
            {
                properties["active"] = active;
            }
            if (p.Score is { } score)
            {
                properties["info"] = new JsonObject { ["score"] = score, ["tags"] = new JsonArray("a") };
            }
            nodes.Add(new GraphNode($"partners/p{i}", "Partner", p.Display, properties));
        }
        nodes.AddRange(spec.Cohorts.Select((cohort, i) =>
            new GraphNode($"initiatives/i{i}", "Initiative", $"i{i}", new JsonObject { ["name"] = $"i{i}", ["kind"] = "LV_PROJECT", ["cohort"] = cohort })));
        nodes.AddRange(Enumerable.Range(0, spec.Localities).Select(i =>
            new GraphNode($"localities/l{i}", "Locality", $"l{i}", new JsonObject { ["name"] = $"l{i}", ["laType"] = "UNITARY" })));
        nodes.AddRange(Enumerable.Range(0, spec.Enablers).Select(i =>
            new GraphNode($"enablers/e{i}", "Enabler", $"e{i}", new JsonObject { ["pseudonym"] = $"e{i}" })));

        var byCollection = nodes.GroupBy(n => n.Name.Split('/')[0]).ToDictionary(g => g.Key, g => g.ToList());
        var relationships = new List<GraphRelationship>();
        foreach (var (kind, from, to) in spec.Edges)
        {
            var (type, fromCollection, toCollection) = EdgeKinds[kind];
            if (byCollection.GetValueOrDefault(fromCollection) is not { } starts || byCollection.GetValueOrDefault(toCollection) is not { } ends)
            {
                continue;
            }
            var properties = type == "PARTNER_IN" ? new JsonObject { ["role"] = from % 2 == 0 ? "LEAD" : "MEMBER" } : [];
            relationships.Add(new GraphRelationship(type, starts[from % starts.Count].Name, ends[to % ends.Count].Name, properties));
        }
        return new GraphBatch(nodes, relationships.DistinctBy(r => r.Key).ToList());
    }

    private static IEnumerable<string> Lines(GraphBatch batch) =>
        batch.Nodes.Select(GraphJson.ToLine).Concat(batch.Relationships.Select(GraphJson.ToLine));
}

/// <summary>The differential check against the scripted FAKE Neo4j: runs everywhere.</summary>
public sealed class StoresAgreeOnScriptedNeo4jTests : StoresAgree, IDisposable
{
    private readonly List<ScriptedNeo4j> _servers = [];

    protected override long Iterations => 40;

    protected override async Task<IGraphStore> OpenEmptyNeo4jAsync()
    {
        var server = new ScriptedNeo4j();
        _servers.Add(server);
        return await Neo4jGraphStore.OpenAsync(ScriptedNeo4jContractTests.Options(batchSize: 3), server, Ct);
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }
    }
}

/// <summary>The differential check against a REAL Neo4j (see <see cref="Neo4jServer"/>); skipped where there is none.</summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class StoresAgreeOnNeo4jServerTests(Neo4jServer server) : StoresAgree
{
    protected override long Iterations => 15;

    protected override string? SkipReason => server.SkipReason;

    protected override async Task<IGraphStore> OpenEmptyNeo4jAsync() => await server.OpenEmptyStoreAsync(Ct);
}
