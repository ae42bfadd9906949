using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Server.Access;
using LocalVision.Testing.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Theory;

/// <summary>The RAMESES II report through a real channel on the sample data: its sections, one case, an unknown case, and redaction by role.</summary>
public sealed class RamesesReportTests(KeyedServer fixture) : IClassFixture<KeyedServer>
{
    private static readonly Timestamp ReportDate = Timestamp.FromDateTime(new DateTime(2015, 9, 1, 0, 0, 0, DateTimeKind.Utc));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<RamesesReport> ReportAsync(string key, string initiative = "", ReportFormat format = ReportFormat.Html) =>
        new TheoryService.TheoryServiceClient(fixture.Server.As(key)).GetRamesesReportAsync(
            new GetRamesesReportRequest { AsOf = ReportDate, Initiative = initiative, Format = format }, cancellationToken: Ct).ResponseAsync;

    private async Task<List<Confidential>> ConfidentialEvidenceAsync()
    {
        var graph = new GraphService.GraphServiceClient(fixture.Server.As("ops"));
        var evidence = await graph.ListNodesAsync(new ListNodesRequest { Label = "Evidence", Filter = "confidential = true", PageSize = 1000 }, cancellationToken: Ct);
        return evidence.Nodes.Select(n => new Confidential(n.Name, n.Properties.Fields["summary"].StringValue)).ToList();
    }

    private sealed record Confidential(string Name, string Summary);

    [Fact]
    public async Task Html_HasEverySectionAndOneCaseSectionPerCase()
    {
        var report = await ReportAsync("steering group");

        var html = report.Html;
        foreach (var heading in new[]
        {
            "Initial programme theory", "Refined programme theory and refinement log", "The theory tested case by case", "Deviant cases",
            "Cases: the CMO configurations found", "What was not assessed", "Limits of the data",
        })
        {
            Assert.Contains("<h" + (heading == "Deviant cases" ? "3" : "2") + ">" + heading, html);
        }
        var cases = report.Markdown.Split('\n').Count(l => l.StartsWith("`initiatives/", StringComparison.Ordinal));
        Assert.True(cases > 1);
        Assert.Equal(cases, html.Split("<section class=\"case\">").Length - 1);
        Assert.Contains("<h4>Evidence cited</h4>", html);
    }

    [Fact]
    public async Task Initiative_ByDisplayNameOrId_GivesThatOneCase()
    {
        var byDisplayName = await ReportAsync("steering group", "plymouth local vision project");
        var byName = await ReportAsync("steering group", "initiatives/plymouth-local-vision", ReportFormat.Markdown);

        Assert.Equal(1, byDisplayName.Html.Split("<section class=\"case\">").Length - 1);
        Assert.Contains("<h3>Plymouth Local Vision project</h3>", byDisplayName.Html);
        Assert.Contains("1 case(s) (the one asked for, `initiatives/plymouth-local-vision`)", byName.Markdown);
        Assert.Single(byName.Markdown.Split('\n'), l => l.StartsWith("`initiatives/", StringComparison.Ordinal));
        Assert.Equal("", byName.Html);
    }

    [Fact]
    public async Task Initiative_Unknown_IsNotFoundNamingTheNearest()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => ReportAsync("steering group", "Plymuoth Local Vision project"));

        Assert.Contains("No initiative is named `Plymuoth Local Vision project`; did you mean `Plymouth Local Vision project`?", error.Status.Detail);
        var resource = error.GetRpcStatus()!.GetDetail<Google.Rpc.ResourceInfo>();
        Assert.Equal(("Initiative", "Plymuoth Local Vision project"), (resource.ResourceType, resource.ResourceName));
    }

    [Fact]
    public async Task Initiative_AndFilter_IsInvalid()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => new TheoryService.TheoryServiceClient(fixture.Server.As("steering group"))
            .GetRamesesReportAsync(new GetRamesesReportRequest { Initiative = "plymouth-local-vision", Filter = "kind = \"LV_PROJECT\"" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("initiative", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task ConfidentialEvidence_IsRedactedForReaderAndEvaluatorKeysAndShownToAnEvidenceReader()
    {
        var confidential = await ConfidentialEvidenceAsync();

        var reader = await ReportAsync("steering group");
        var evaluator = await ReportAsync("evaluator");
        var evidenceReader = await ReportAsync("evidence reader");

        // Confidential evidence the report cites, seen by one allowed to read it.
        var cited = confidential.Where(e => evidenceReader.Markdown.Contains($"- `{e.Name}` (", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cited);
        foreach (var evidence in cited)
        {
            Assert.Contains(evidence.Summary, evidenceReader.Markdown);
            foreach (var redacted in new[] { reader, evaluator })
            {
                Assert.Contains($"- `{evidence.Name}` (", redacted.Markdown);
                Assert.DoesNotContain(evidence.Summary, redacted.Markdown);
                Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(evidence.Summary), redacted.Html);
            }
        }
        Assert.Contains($"(INTERVIEW, 2015-07-01, confidential): {EvidenceRedactor.Placeholder} ({EvidenceRedactor.Placeholder})", reader.Markdown);
        Assert.DoesNotContain(EvidenceRedactor.Placeholder, evidenceReader.Markdown);
        Assert.Contains($"{cited.Count} piece(s) of confidential evidence cited, {cited.Count} of them redacted for this reader.", reader.Markdown);
        Assert.Contains($"{cited.Count} piece(s) of confidential evidence cited, 0 of them redacted for this reader.", evidenceReader.Markdown);
    }

    [Fact]
    public async Task Json_LowerCaseFormatAndInitiative()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.WebAddress };
        http.DefaultRequestHeaders.Add(KeyAuthenticator.ApiKeyHeader, fixture.Server.Keys["steering group"]);

        using var html = JsonDocument.Parse(await http.GetStringAsync("/v1/reports/rameses?format=html&initiative=plymouth-local-vision&asOf=2015-09-01", Ct));
        using var markdown = JsonDocument.Parse(await http.GetStringAsync("/v1/reports/rameses?format=markdown&asOf=2015-09-01", Ct));
        using var unknown = await http.GetAsync("/v1/reports/rameses?initiative=plymuoth-local-vision", Ct);

        Assert.Equal(1, html.RootElement.GetProperty("html").GetString()!.Split("<section class=\"case\">").Length - 1);
        Assert.False(markdown.RootElement.TryGetProperty("html", out var none) && none.GetString()!.Length > 0);
        Assert.Contains("## Cases", markdown.RootElement.GetProperty("markdown").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("did you mean `initiatives/plymouth-local-vision`?", await unknown.Content.ReadAsStringAsync(Ct));
    }
}
