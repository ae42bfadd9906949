using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>
/// The store's HTTP conversation with the Query API, against documented responses (Neo4j/Fixtures): exactly what
/// is sent — method, path, headers, body — and what each kind of answer becomes.
/// </summary>
public sealed class QueryApiHttpTests
{
    // The credentials of the Query API documentation's examples: neo4j / verysecret.
    private const string DocumentedAuthorization = "Basic bmVvNGo6dmVyeXNlY3JldA==";
    private const string Password = "verysecret";

    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-01-02T03:04:05.678Z", System.Globalization.CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Neo4jStoreOptions Options(int maxAttempts = 3) => new()
    {
        Uri = new Uri("http://localhost:7474/"),
        User = "neo4j",
        Password = Password,
        Retry = new Neo4jRetryPolicy(maxAttempts, TimeSpan.Zero, TimeSpan.Zero),
        Clock = new FixedClock(Now),
    };

    private static async Task<(Neo4jGraphStore Store, FixtureServer Server)> StartedAsync(params string[] then)
    {
        var server = FixtureServer.Started();
        var store = await Neo4jGraphStore.OpenAsync(Options(), server, Ct);
        server.Forget();
        foreach (var fixture in then)
        {
            server.Then(fixture);
        }
        return (store, server);
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\n  actual {actual?.ToJsonString()}");

    [Fact]
    public async Task OpenAsync_ReachableServer_DiscoversWithoutCredentialsThenCreatesTheSchemaWithThem()
    {
        using var server = FixtureServer.Started();

        await using var store = await Neo4jGraphStore.OpenAsync(Options(), server, Ct);

        var discovery = server.Requests[0];
        Assert.Equal(("GET", "/", null), (discovery.Method, discovery.Path, discovery.Authorization));
        Assert.Equal("5.26.0", store.ServerVersion);
        var statements = server.Requests.Skip(1).ToList();
        Assert.Equal([.. Cypher.Schema, Cypher.EnsureMeta], statements.Select(r => r.Json!["statement"]!.GetValue<string>()));
        Assert.All(statements, r =>
        {
            Assert.Equal(("POST", "/db/neo4j/query/v2"), (r.Method, r.Path));
            Assert.Equal(DocumentedAuthorization, r.Authorization);
            Assert.Equal("application/vnd.neo4j.query", r.Accept);
            Assert.Equal("application/json", r.ContentType);
        });
        AssertJson($$"""{"statement": "{{Cypher.Schema[0]}}"}""", statements[0].Json);
    }

    [Fact]
    public async Task OpenAsync_OtherDatabase_FillsItIntoTheAnnouncedQueryPath()
    {
        using var server = FixtureServer.Started();

        await using var store = await Neo4jGraphStore.OpenAsync(new Neo4jStoreOptions { Uri = new Uri("http://localhost:7474/"), Database = "local vision" }, server, Ct);

        Assert.All(server.Requests.Skip(1), r => Assert.Equal("/db/local%20vision/query/v2", r.Path));
        Assert.All(server.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task WriteAsync_OneNode_OpensWritesAndCommitsOneTransactionReplayingTheAffinityHeader()
    {
        var (store, server) = await StartedAsync("tx-begin", "tx-no-rows", "tx-upsert-nodes", "tx-commit");
        await using var _ = store;

        var result = await store.WriteAsync(new GraphBatch([Partner("plymouth-city-council")], []), WriteOptions.None, Ct);

        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit"],
            server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal([null, "MTAuOC41Ljc6MTc0NzQ=", "MTAuOC41Ljc6MTc0NzQ=", "MTAuOC41Ljc6MTc0NzQ="], server.Requests.Select(r => r.Affinity));
        Assert.All(server.Requests, r => Assert.Equal(DocumentedAuthorization, r.Authorization));
        AssertJson("""
            {
              "statement": "MERGE (m:LocalVisionMeta {id: 'graph'}) ON CREATE SET m.version = 0 SET m.version = m.version + 1 RETURN m.version AS version",
              "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]
            }
            """, server.Requests[0].Json);
        // The stored nodes of the batch's names are read in the transaction, to resolve conflicts against them.
        Assert.Equal(Cypher.GetNodes, server.Requests[1].Json!["statement"]!.GetValue<string>());
        AssertJson("""
            {
              "statement": "UNWIND $rows AS row MERGE (n:LocalVisionNode {name: row.name}) ON CREATE SET n.createTime = $now WITH n, row, n.createTime AS createTime SET n = row.fields SET n:Partner, n.createTime = createTime, n.updateTime = $now RETURN n.name AS name, n.createTime AS createTime",
              "parameters": {
                "rows": [{
                  "name": "partners/plymouth-city-council",
                  "fields": {
                    "name": "partners/plymouth-city-council",
                    "label": "Partner",
                    "displayName": "plymouth-city-council",
                    "properties": "{\"name\":\"plymouth-city-council\",\"kind\":\"LOCAL_AUTHORITY\"}",
                    "prop.name": "plymouth-city-council",
                    "prop.kind": "LOCAL_AUTHORITY"
                  }
                }],
                "now": 1735787045678
              }
            }
            """, server.Requests[2].Json);
        AssertJson("""{"statement": "OPTIONAL MATCH (m:LocalVisionMeta {id: 'graph'}) RETURN coalesce(m.version, 0) AS version"}""", server.Requests[3].Json);
        Assert.Equal(Now, result.Nodes[0].CreateTime);
        Assert.Equal(Now, result.Nodes[0].UpdateTime);
    }

    [Fact]
    public async Task GetVersionAsync_AfterAWrite_ReadsFromReadersWithTheCommitsBookmarkAndKeepsAll64Bits()
    {
        var (store, server) = await StartedAsync("tx-begin", "tx-no-rows", "tx-upsert-nodes", "tx-commit", "read-version");
        await using var _ = store;
        await store.WriteAsync(new GraphBatch([Partner("plymouth-city-council")], []), WriteOptions.None, Ct);

        var version = await store.GetVersionAsync(Ct);

        var read = server.Requests[^1];
        Assert.Equal(("POST", "/db/neo4j/query/v2", null), (read.Method, read.Path, read.Affinity));
        AssertJson("""
            {
              "statement": "OPTIONAL MATCH (m:LocalVisionMeta {id: 'graph'}) RETURN coalesce(m.version, 0) AS version",
              "accessMode": "Read",
              "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg9Z"]
            }
            """, read.Json);
        Assert.Equal(9007199254740993L, version);
    }

    [Theory]
    [InlineData("errors-202")]
    [InlineData("errors-400")]
    public async Task WriteAsync_AnswerCarryingErrors_FailsWhateverTheStatusAndDoesNotRetry(string fixture)
    {
        var (store, server) = await StartedAsync("tx-begin", fixture);
        await using var _ = store;

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() =>
            store.WriteAsync(new GraphBatch([Partner("plymouth-city-council")], []), WriteOptions.None, Ct));

        Assert.Equal(StoreFault.Rejected, error.Fault);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", error.Message);
        // The failed statement closed the transaction on the server: no rollback, no second attempt.
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task WriteAsync_TransientErrorThenSuccess_RetriesTheWholeTransaction()
    {
        var (store, server) = await StartedAsync("transient-deadlock", "tx-begin", "tx-no-rows", "tx-upsert-nodes", "tx-commit");
        await using var _ = store;

        var result = await store.WriteAsync(new GraphBatch([Partner("plymouth-city-council")], []), WriteOptions.None, Ct);

        Assert.Equal(
            ["/db/neo4j/query/v2/tx", "/db/neo4j/query/v2/tx", "/db/neo4j/query/v2/tx/lyU", "/db/neo4j/query/v2/tx/lyU", "/db/neo4j/query/v2/tx/lyU/commit"],
            server.Requests.Select(r => r.Path));
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
        Assert.Equal("partners/plymouth-city-council", Assert.Single(result.Nodes).Name);
    }

    [Fact]
    public async Task WriteAsync_TransientErrorEveryTime_GivesUpAfterTheLastAttempt()
    {
        var (store, server) = await StartedAsync("transient-deadlock", "transient-deadlock", "transient-deadlock");
        await using var _ = store;

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() =>
            store.WriteAsync(new GraphBatch([Partner("p")], []), WriteOptions.None, Ct));

        Assert.Equal(StoreFault.Unreachable, error.Fault);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Contains("Neo.TransientError.Transaction.DeadlockDetected", error.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task WriteAsync_TransactionExpiredBeforeCommit_FailsClearlyWithoutRetrying()
    {
        var (store, server) = await StartedAsync("tx-begin", "tx-no-rows", "tx-upsert-nodes", "tx-expired");
        await using var _ = store;

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() =>
            store.WriteAsync(new GraphBatch([Partner("plymouth-city-council")], []), WriteOptions.None, Ct));

        Assert.Contains("transaction lyU expired", error.Message);
        Assert.Contains("nothing of this request was written", error.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task DeleteNodeAsync_MissingNode_RollsTheTransactionBackWithDelete()
    {
        var (store, server) = await StartedAsync("tx-begin", "tx-no-rows", "tx-rollback");
        await using var _ = store;

        await Assert.ThrowsAsync<NodeNotFoundException>(() => store.DeleteNodeAsync("partners/nobody", cascade: true, Ct));

        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "DELETE /db/neo4j/query/v2/tx/lyU"],
            server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("MTAuOC41Ljc6MTc0NzQ=", server.Requests[2].Affinity);
        AssertJson("""{"statement": "MATCH (n:LocalVisionNode {name: $name}) OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT r) AS relationships", "parameters": {"name": "partners/nobody"}}""",
            server.Requests[1].Json);
    }

    [Fact]
    public async Task OpenAsync_WrongPassword_FailsSayingWhichSettingsToFixWithoutThePassword()
    {
        using var server = new FixtureServer().Then("discovery").Then("unauthorized-401");

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Neo4jGraphStore.OpenAsync(Options(), server, Ct));

        Assert.Equal(StoreFault.Rejected, error.Fault);
        Assert.Contains("refused the credentials of user `neo4j`", error.Message);
        Assert.Contains("LocalVision:Store:Neo4j:Password", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    [Fact]
    public async Task OpenAsync_QueryApiDisabled_SaysHowToEnableIt()
    {
        using var server = new FixtureServer().Then("discovery").Then("query-api-disabled-404");

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Neo4jGraphStore.OpenAsync(Options(), server, Ct));

        Assert.Contains("no Query API at /db/neo4j/query/v2", error.Message);
        Assert.Contains("QUERY_API_ENDPOINTS", error.Message);
    }

    [Fact]
    public async Task OpenAsync_UnknownDatabase_SaysToCreateItOrChooseAnother()
    {
        using var server = new FixtureServer().Then("discovery").Then("database-not-found");

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Neo4jGraphStore.OpenAsync(Options(), server, Ct));

        Assert.Contains("has no database `neo4j`", error.Message);
        Assert.Contains("LocalVision:Store:Neo4j:Database", error.Message);
    }

    [Fact]
    public async Task OpenAsync_ServerOlderThan526_IsRefusedBeforeAnyQuery()
    {
        using var server = new FixtureServer().Then("discovery-5.19");

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Neo4jGraphStore.OpenAsync(Options(), server, Ct));

        Assert.Contains("Neo4j 5.19.0", error.Message);
        Assert.Contains("5.26", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task OpenAsync_NothingListening_FailsAsUnreachableNamingTheServer()
    {
        using var server = new FixtureServer().ThenThrow(new HttpRequestException("Connection refused (localhost:7474)"));

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Neo4jGraphStore.OpenAsync(Options(), server, Ct));

        Assert.Equal(StoreFault.Unreachable, error.Fault);
        Assert.Contains("cannot reach Neo4j at http://localhost:7474 database neo4j as neo4j", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
