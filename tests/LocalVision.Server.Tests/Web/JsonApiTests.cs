using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalVision.Server.Tests.Hosting;

namespace LocalVision.Server.Tests.Web;

/// <summary>GraphService over plain HTTP/JSON on the web port (gRPC JSON transcoding), as the dashboard calls it.</summary>
public sealed class JsonApiTests(SeededServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.WebAddress };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetNode_ResourceNamePath_ReturnsTheNodeAsJson()
    {
        var plymouth = await _http.GetFromJsonAsync<JsonElement>("/v1/localities/plymouth", Ct);

        Assert.Equal("localities/plymouth", plymouth.GetProperty("name").GetString());
        Assert.Equal("Locality", plymouth.GetProperty("label").GetString());
        Assert.Equal("UNITARY", plymouth.GetProperty("properties").GetProperty("laType").GetString());
    }

    [Fact]
    public async Task ListNodes_QueryParameters_FilterAndPage()
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/v1/nodes?label=Partner&filter=" + Uri.EscapeDataString("kind = \"CCG\"") + "&pageSize=2", Ct);

        var nodes = page.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("CCG", n.GetProperty("properties").GetProperty("kind").GetString()));
        Assert.True(page.GetProperty("totalSize").GetInt32() > 2);
        Assert.NotEmpty(page.GetProperty("nextPageToken").GetString()!);
    }

    [Fact]
    public async Task ListRelationships_TypeAndDirection_ListsTheInitiativesObservations()
    {
        var page = await _http.GetFromJsonAsync<JsonElement>(
            "/v1/initiatives/plymouth-local-vision/relationships?type=OBSERVED&direction=DIRECTION_OUTGOING&pageSize=100", Ct);

        var ends = page.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("end").GetString()).ToList();
        Assert.Contains("observations/plymouth-momentum", ends);
        Assert.All(page.GetProperty("relationships").EnumerateArray(), r => Assert.Equal("OBSERVED", r.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task GetNeighborhood_RepeatedQueryParameters_FilterLabelsAndTypes()
    {
        var subgraph = await _http.GetFromJsonAsync<JsonElement>(
            "/v1/localities/plymouth/neighborhood?depth=1&labels=Partner&relationshipTypes=BASED_IN", Ct);

        var names = subgraph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.Contains("partners/plymouth-hwbb", names);
        Assert.Contains("partners/plymouth-city-council", names);
        Assert.DoesNotContain("initiatives/plymouth-local-vision", names);
    }

    [Fact]
    public async Task ExportGraph_ServerStreaming_WritesOneJsonMessagePerBatch()
    {
        var body = await _http.GetStringAsync("/v1/graph:export?labels=Locality&batchSize=5", Ct);

        var messages = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.True(messages.Count >= 4, $"expected the 19 localities in batches of 5; got {messages.Count} messages");
        var names = messages.SelectMany(m => m.TryGetProperty("nodes", out var nodes) ? nodes.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.Contains("localities/plymouth", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task GetNode_UnknownName_Is404WithGoogleRpcStatus()
    {
        using var response = await _http.GetAsync("/v1/localities/atlantis", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(5, status.GetProperty("code").GetInt32());
        Assert.Contains("localities/atlantis", status.GetProperty("message").GetString());
        var detail = Assert.Single(status.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.ResourceInfo", detail.GetProperty("@type").GetString());
    }

    [Fact]
    public async Task GetNode_MalformedName_Is400WithFieldViolation()
    {
        using var response = await _http.GetAsync("/v1/LOCALITIES/Plymouth", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        Assert.Contains(FieldViolations(status), v => v == "name");
    }

    [Fact]
    public async Task ListNodes_MalformedFilter_Is400WithFieldViolationOnFilter()
    {
        using var response = await _http.GetAsync("/v1/nodes?label=Partner&filter=" + Uri.EscapeDataString("kind ="), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(FieldViolations(status), v => v == "filter");
    }

    [Fact]
    public async Task UnservedRoute_Is501Unimplemented()
    {
        using var response = await _http.GetAsync("/v1/no-such-collection-or-method", Ct);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(12, status.GetProperty("code").GetInt32());
    }

    private static IEnumerable<string?> FieldViolations(JsonElement status) =>
        status.GetProperty("details").EnumerateArray()
            .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .Select(v => v.GetProperty("field").GetString());
}
