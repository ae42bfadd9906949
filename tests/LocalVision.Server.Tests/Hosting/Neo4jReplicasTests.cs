using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Testing.Neo4j;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Hosting;

/// <summary>
/// Two replicas of the service on one Neo4j, as behind a load balancer: keys and the audit log live in the database,
/// so a key made through one works on the other, a revocation through one holds on the other (here at once: the key
/// cache window is set to 0), and either lists the audit entries of writes made through both. Dashboard sessions are
/// shared the same way. The Neo4j is the scripted FAKE behind a real HTTP port: this proves the wiring, not that a
/// real Neo4j runs the Cypher.
/// </summary>
public sealed partial class Neo4jReplicasTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^lvk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", RegexOptions.Multiline)]
    private static partial Regex SecretLine();

    [Fact]
    public async Task TwoReplicas_OneNeo4j_ShareKeysRevocationsAndTheAuditLog()
    {
        await using var neo4j = await ScriptedNeo4jOverHttp.StartAsync(Ct);
        var (admin, replica) = await ReplicaArgumentsAsync(neo4j);
        await using var a = await RunningServer.StartAsync(seed: false, replica);
        await using var b = await RunningServer.StartAsync(seed: false, replica);

        var created = await new AccessService.AccessServiceClient(a.WithKey(admin))
            .CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "writer", Roles = { Role.Evaluator } }, cancellationToken: Ct);
        await new GraphService.GraphServiceClient(b.WithKey(created.Secret))
            .UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("through-b") } }, cancellationToken: Ct);
        await new GraphService.GraphServiceClient(a.WithKey(created.Secret))
            .UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("through-a") } }, cancellationToken: Ct);
        await new AccessService.AccessServiceClient(a.WithKey(admin))
            .RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.Key.Name }, cancellationToken: Ct);

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => new GraphService.GraphServiceClient(b.WithKey(created.Secret))
            .GetNodeAsync(new GetNodeRequest { Name = "partners/through-a" }, cancellationToken: Ct));
        var auditA = await AuditAsync(a, admin);
        var auditB = await AuditAsync(b, admin);
        Assert.Equal(auditA, auditB);
        var upserts = auditA.Where(e => e.Method.EndsWith("/UpsertNodes", StringComparison.Ordinal)).ToList();
        Assert.Equal([["partners/through-a"], ["partners/through-b"]], upserts.Select(e => e.Resources.ToList()));
        Assert.All(upserts, e => Assert.Equal((created.Key.Name, "OK"), (e.Key, e.Outcome)));
        Assert.Equal(auditA.Count, auditA.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task TwoReplicas_OneNeo4j_ShareDashboardSessionsAndEndThemTogether()
    {
        await using var neo4j = await ScriptedNeo4jOverHttp.StartAsync(Ct);
        var (admin, replica) = await ReplicaArgumentsAsync(neo4j);
        await using var a = await RunningServer.StartAsync(seed: false, replica);
        await using var b = await RunningServer.StartAsync(seed: false, replica);
        var access = new AccessService.AccessServiceClient(a.WithKey(admin));
        var steering = await access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "steering group", Roles = { Role.Reader } }, cancellationToken: Ct);
        var leaver = await access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "leaver", Roles = { Role.Reader } }, cancellationToken: Ct);

        var steeringCookie = await SignInAsync(a, steering.Secret);
        var leaverCookie = await SignInAsync(a, leaver.Secret);
        var onB = await StatusAsync(b, HttpMethod.Get, steeringCookie);
        await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = leaver.Key.Name }, cancellationToken: Ct);
        var revokedOnB = await StatusAsync(b, HttpMethod.Get, leaverCookie);
        var csrf = (await GetSessionAsync(b, steeringCookie)).GetProperty("csrfToken").GetString()!;
        var signedOutOnB = await StatusAsync(b, HttpMethod.Delete, steeringCookie, csrf);
        var afterSignOutOnA = await StatusAsync(a, HttpMethod.Get, steeringCookie);

        Assert.Equal(HttpStatusCode.OK, onB);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedOnB);
        Assert.Equal(HttpStatusCode.NoContent, signedOutOnB);
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOutOnA);
    }

    /// <summary>The session cookie a sign-in through this replica sets, as a browser sends it back.</summary>
    private static async Task<string> SignInAsync(RunningServer server, string apiKey)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.WebAddress };
        using var response = await http.PostAsJsonAsync("/v1/session", new { apiKey }, Ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static async Task<JsonElement> GetSessionAsync(RunningServer server, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.WebAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/session") { Headers = { { "Cookie", cookie } } };
        using var response = await http.SendAsync(request, Ct);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    /// <summary>A GET of the nodes through the JSON API, or a DELETE of the session (a sign-out), with the cookie.</summary>
    private static async Task<HttpStatusCode> StatusAsync(RunningServer server, HttpMethod method, string cookie, string? csrf = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.WebAddress };
        using var request = new HttpRequestMessage(method, method == HttpMethod.Get ? "/v1/nodes?label=Locality" : "/v1/session") { Headers = { { "Cookie", cookie } } };
        if (csrf is not null)
        {
            request.Headers.Add(SessionCookie.CsrfHeader, csrf);
        }
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task KeysCommand_OnANeo4jStore_KeepsTheKeyInItsDatabase()
    {
        await using var neo4j = await ScriptedNeo4jOverHttp.StartAsync(Ct);
        string[] onNeo4j = ["--store", neo4j.Address, $"--LocalVision:Store:Neo4j:Password={ScriptedNeo4j.Password}"];

        var admin = await CreateAdminKeyAsync(onNeo4j);
        var (code, listed, _) = await KeysAsync(["list", .. onNeo4j]);

        Assert.Equal(0, code);
        Assert.Contains($"apiKeys/{admin.Substring(4, 12)}\tops\tadmin", listed);
        Assert.Contains(neo4j.Neo4j.Requests, r => r.Contains(AccessCypher.CreateKey, StringComparison.Ordinal));
    }

    /// <summary>An admin key in the Neo4j, and how a replica is started on it (the key cache off, so revocations hold at once).</summary>
    private static async Task<(string Admin, string[] Replica)> ReplicaArgumentsAsync(ScriptedNeo4jOverHttp neo4j)
    {
        string[] onNeo4j = ["--store", neo4j.Address, $"--LocalVision:Store:Neo4j:Password={ScriptedNeo4j.Password}"];
        return (await CreateAdminKeyAsync(onNeo4j), [.. onNeo4j, "--LocalVision:Access:KeyCacheSeconds=0"]);
    }

    private static async Task<string> CreateAdminKeyAsync(string[] onNeo4j)
    {
        var (code, output, error) = await KeysAsync(["create", "--name", "ops", "--role", "admin", .. onNeo4j]);
        Assert.True(code == 0, error);
        return SecretLine().Match(output).Value;
    }

    private static async Task<(int Code, string Output, string Error)> KeysAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KeysCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<List<AuditEntry>> AuditAsync(RunningServer server, string admin) =>
        (await new AccessService.AccessServiceClient(server.WithKey(admin))
            .ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1000 }, cancellationToken: Ct)).Entries.ToList();
}
