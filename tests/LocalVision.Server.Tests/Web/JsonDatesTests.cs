using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalVision.Server.Tests.Hosting;

namespace LocalVision.Server.Tests.Web;

/// <summary>Dates as the domain writes them (<c>yyyy-MM-dd</c>) wherever the JSON API takes a timestamp, and only there.</summary>
public sealed class JsonDatesTests(SeededServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.WebAddress };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Evaluation_AsOfADateInTheQuery_IsThatDayAtMidnight()
    {
        var byDate = await _http.GetStringAsync("/v1/initiatives/plymouth-local-vision/evaluation?asOf=2015-09-01", Ct);
        var byTimestamp = await _http.GetStringAsync("/v1/initiatives/plymouth-local-vision/evaluation?asOf=2015-09-01T00:00:00Z", Ct);
        var later = await _http.GetStringAsync("/v1/initiatives/plymouth-local-vision/evaluation?asOf=2014-01-01", Ct);

        Assert.Equal(byTimestamp, byDate);
        Assert.NotEqual(later, byDate);
    }

    [Fact]
    public async Task SelectCohort_AsOfADateInTheBody_IsAccepted()
    {
        using var response = await _http.PostAsJsonAsync("/v1/cohorts:select", new { size = 2, filter = "kind = \"LV_PROJECT\"", asOf = "2014-06-30" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("selected").GetArrayLength());
    }

    [Fact]
    public async Task Evaluation_NotADate_IsStillRefusedAsBadInput()
    {
        using var response = await _http.GetAsync("/v1/initiatives/plymouth-local-vision/evaluation?asOf=2015-13-45", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UpsertNodes_ADateInANodesProperties_IsStoredAsTheStringSent()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        var node = new { name = "partners/json-dates", label = "Partner", properties = new { name = "Dates", kind = "OTHER", asOf = "2015-09-01" } };

        using var response = await http.PostAsJsonAsync("/v1/nodes:upsert", new { nodes = new[] { node } }, Ct);
        var stored = await http.GetFromJsonAsync<JsonElement>("/v1/partners/json-dates", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2015-09-01", stored.GetProperty("properties").GetProperty("asOf").GetString());
    }
}
