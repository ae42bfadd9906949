using System.Text.Json;
using LocalVision.Server.Tests.Hosting;

namespace LocalVision.Server.Tests.Cli;

/// <summary>The `lv` command line against the seeded service, run as a separate process.</summary>
public sealed class LvCommandTests(SeededServerFixture fixture)
{
    private string Server => fixture.Server.Address;

    [Fact]
    public async Task Get_Plymouth_PrintsItsPropertiesAsATable()
    {
        var result = await LvProcess.RunAsync(Server, "get", "localities/plymouth");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("localities/plymouth (Locality)", result.Output);
        Assert.Contains("UNITARY", result.Output);
    }

    [Fact]
    public async Task List_WithFilterAsJson_PrintsOnlyMatchingNodes()
    {
        var result = await LvProcess.RunAsync(Server, "list", "--label", "Observation", "--filter", "code = \"MOMENTUM\"", "--all", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(11, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("MOMENTUM", n.GetProperty("properties").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Get_UnknownNode_PrintsOneErrorLineAndExitsNonZero()
    {
        var result = await LvProcess.RunAsync(Server, "get", "localities/atlantis");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: NotFound: Node `localities/atlantis` does not exist.", result.Error.Trim());
    }

    [Fact]
    public async Task Neighborhood_BeyondMaxDepth_PrintsTheFieldViolation()
    {
        var result = await LvProcess.RunAsync(Server, "neighborhood", "localities/plymouth", "--depth", "9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("depth: must be from 1 to 6", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await LvProcess.RunAsync(Server, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[]
        {
            "get", "list", "relationships", "neighborhood", "delete", "import", "export",
            "evaluate", "predictors", "truth-table", "minimize", "cohort", "paths", "ego", "centrality", "communities",
        })
        {
            Assert.Contains(command, result.Output);
        }
    }
}

/// <summary>Import and export through `lv` on a server of its own, since they write.</summary>
public sealed class LvTransferTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await RunningServer.StartAsync(seed: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Import_ThenExport_GivesBackTheSameRecords()
    {
        var input = Path.Combine(_folder, "in.jsonl");
        var output = Path.Combine(_folder, "out.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"node":{"name":"partners/age-uk","label":"Partner","displayName":"Age UK","properties":{"name":"Age UK","kind":"VOLUNTARY"}}}""",
            """{"node":{"name":"initiatives/lv","label":"Initiative","displayName":"LV","properties":{"name":"LV","kind":"LV_PROJECT"}}}""",
            """{"relationship":{"type":"PARTNER_IN","start":"partners/age-uk","end":"initiatives/lv","properties":{"role":"LEAD"}}}""",
        ], TestContext.Current.CancellationToken);

        var imported = await LvProcess.RunAsync(_server.Address, "import", input, "--batch-size", "2");
        var exported = await LvProcess.RunAsync(_server.Address, "export", "--out", output);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("imported 2 nodes and 1 relationships in 2 batches", imported.Output);
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"role\": \"LEAD\"") || l.Contains("\"role\":\"LEAD\""));
    }

    [Fact]
    public async Task Import_BadLine_SaysWhichLineAndWritesNothing()
    {
        var input = Path.Combine(_folder, "bad.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"node":{"name":"partners/a","label":"Partner","properties":{"name":"A","kind":"VOLUNTARY"}}}""",
            """{"node": not json}""",
        ], TestContext.Current.CancellationToken);

        var result = await LvProcess.RunAsync(_server.Address, "import", input);
        var listed = await LvProcess.RunAsync(_server.Address, "list", "--output", "json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("line 2", result.Error);
        Assert.DoesNotContain("partners/a", listed.Output);
    }
}
