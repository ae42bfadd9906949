using System.Text.Json;
using System.Xml.Linq;

namespace LocalVision.EndToEnd.Tests.Cli;

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
    public async Task Server_AsHostPortOrUrlInFlagOrEnvironment_ReachesTheService()
    {
        var address = new Uri(Server);
        var hostPort = $"{address.Host}:{address.Port}";
        var runs = new[]
        {
            await LvProcess.RunAsync(hostPort, "get", "localities/plymouth"),
            await LvProcess.RunAsync($"http://{hostPort}/", "get", "localities/plymouth"),
            await LvProcess.RunAsync(null, new Dictionary<string, string> { ["LV_SERVER"] = hostPort }, "get", "localities/plymouth"),
            await LvProcess.RunAsync(null, new Dictionary<string, string> { ["LV_SERVER"] = $"http://{hostPort}" }, "get", "localities/plymouth"),
        };

        Assert.All(runs, r => Assert.Equal((0, ""), (r.ExitCode, r.Error)));
        Assert.All(runs, r => Assert.Contains("localities/plymouth (Locality)", r.Output));
    }

    [Fact]
    public async Task Server_TheWebPort_IsSaidToBeTheWebPortWithoutAStackTrace()
    {
        var web = fixture.Server.WebAddress;

        var result = await LvProcess.RunAsync($"{web.Host}:{web.Port}", "get", "localities/plymouth");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is the server's web port", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Server_NotAnAddress_SaysWhichFormsAreWithoutAStackTrace()
    {
        var result = await LvProcess.RunAsync(null, new Dictionary<string, string> { ["LV_SERVER"] = "ftp://127.0.0.1:50051" }, "get", "localities/plymouth");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("`ftp://127.0.0.1:50051` is not a server address; write host:port", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
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
    public async Task Export_GraphMlAndGexf_HoldTheNodesAndRelationshipsOfTheJsonLinesExport()
    {
        var folder = Directory.CreateTempSubdirectory("localvision-export-").FullName;
        try
        {
            var exported = new Dictionary<string, LvProcess.Result>();
            foreach (var format in new[] { "jsonl", "graphml", "gexf" })
            {
                exported[format] = await LvProcess.RunAsync(Server, "export", "--format", format, "--out", Path.Combine(folder, "sample." + format));
            }
            var records = File.ReadLines(Path.Combine(folder, "sample.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var names = records.Where(r => r.TryGetProperty("node", out _)).Select(r => r.GetProperty("node").GetProperty("name").GetString()!).ToHashSet();
            var types = records.Where(r => r.TryGetProperty("relationship", out _)).Select(r => r.GetProperty("relationship").GetProperty("type").GetString()!).Order().ToList();
            XNamespace graphMl = "http://graphml.graphdrawing.org/xmlns", gexf = "http://gexf.net/1.3";
            var graphMlDocument = XDocument.Load(Path.Combine(folder, "sample.graphml"));
            var gexfDocument = XDocument.Load(Path.Combine(folder, "sample.gexf"));

            Assert.All(exported.Values, r => Assert.Equal(0, r.ExitCode));
            Assert.Equal(names.Count, records.Count - types.Count);
            Assert.True(types.Count > 0);
            Assert.Equal(names, graphMlDocument.Descendants(graphMl + "node").Select(n => n.Attribute("id")!.Value.Replace(':', '/')).ToHashSet());
            Assert.Equal(types, graphMlDocument.Descendants(graphMl + "edge")
                .Select(e => e.Elements(graphMl + "data").Single(d => d.Attribute("key")!.Value == "type").Value).Order());
            Assert.Equal(names, gexfDocument.Descendants(gexf + "node").Select(n => n.Attribute("id")!.Value).ToHashSet());
            Assert.Equal(types, gexfDocument.Descendants(gexf + "edge").Select(e => e.Attribute("label")!.Value).Order());
            Assert.Contains($"exported {names.Count} nodes and {types.Count} relationships", exported["gexf"].Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var result = await LvProcess.RunAsync(Server, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[]
        {
            "get", "list", "relationships", "neighborhood", "delete", "import", "export",
            "evaluate", "predictors", "truth-table", "minimize", "cohort", "paths", "ego", "centrality", "communities", "metrics", "what-if",
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
        Assert.Contains("imported 2 nodes (2 created) and 1 relationship in 2 batches", imported.Output);
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
        Assert.Contains("bad.jsonl:2: not valid JSON", result.Error);
        Assert.DoesNotContain("partners/a", listed.Output);
    }

    [Fact]
    public async Task Import_CsvNodesAndRelationships_GetShowsTypedPropertiesAndTheRelationship()
    {
        var relationships = Write("rels.csv",
            ":START_ID(partners),:END_ID(initiatives),:TYPE,role,from:date",
            "age-uk,lv,PARTNER_IN,LEAD,2015-03-01");
        var partners = Write("partners.csv",
            "id:ID(partners),:LABEL,displayName,name,kind,founded:int,active:boolean,joined:date,tags:string[]",
            "age-uk,Partner,Age UK,Age UK,VOLUNTARY,1961,true,2015-01-05,older people;isolation");
        var initiatives = Write("initiatives.csv",
            ":ID,:LABEL,name,kind,cohort:int,funding:double",
            "initiatives/lv,Initiative,Local Vision,LV_PROJECT,2,27000.5");

        // Relationships named first: nodes files are still sent before them.
        var imported = await LvProcess.RunAsync(_server.Address, "import", relationships, partners, initiatives);
        var partner = await LvProcess.RunAsync(_server.Address, "get", "partners/age-uk", "--output", "json");
        var ties = await LvProcess.RunAsync(_server.Address, "relationships", "partners/age-uk", "--output", "json");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("imported 2 nodes (2 created) and 1 relationship in 1 batch", imported.Output);
        using var node = JsonDocument.Parse(partner.Output);
        Assert.Equal("Age UK", node.RootElement.GetProperty("displayName").GetString());
        var properties = node.RootElement.GetProperty("properties");
        Assert.Equal(1961, properties.GetProperty("founded").GetDouble());
        Assert.True(properties.GetProperty("active").GetBoolean());
        Assert.Equal("2015-01-05", properties.GetProperty("joined").GetString());
        Assert.Equal(["older people", "isolation"], properties.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        using var listed = JsonDocument.Parse(ties.Output);
        var tie = Assert.Single(listed.RootElement.GetProperty("relationships").EnumerateArray());
        Assert.Equal("PARTNER_IN", tie.GetProperty("type").GetString());
        Assert.Equal("initiatives/lv", tie.GetProperty("end").GetString());
        Assert.Equal("LEAD", tie.GetProperty("properties").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Import_CsvWithBadTypedValue_SaysFileAndLineAndWritesNothing()
    {
        var nodes = Write("initiatives.csv",
            ":ID,:LABEL,name,kind,cohort:int",
            "initiatives/a,Initiative,A,LV_PROJECT,1",
            "initiatives/b,Initiative,B,LV_PROJECT,2",
            "initiatives/c,Initiative,C,LV_PROJECT,two");

        // One record per batch: the first two would be committed if the bad line were found only when its batch was sent.
        var result = await LvProcess.RunAsync(_server.Address, "import", nodes, "--batch-size", "1");
        var listed = await LvProcess.RunAsync(_server.Address, "list", "--output", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{nodes}:4: cohort:int: `two` is not a whole number", result.Error.Trim());
        Assert.DoesNotContain("initiatives/", listed.Output);
    }

    [Fact]
    public async Task Import_CsvQuotedFieldsWithCommasAndLineBreaks_KeepsThemExactly()
    {
        var nodes = Write("partners.csv",
            ":ID,:LABEL,name,kind,note",
            "partners/plymouth-city-council,Partner,\"Plymouth City Council, Devon\",LOCAL_AUTHORITY,\"first line, with a comma",
            "second line with \"\"quotes\"\"\"",
            "partners/age-uk,Partner,Age UK,VOLUNTARY,");

        var imported = await LvProcess.RunAsync(_server.Address, "import", nodes);
        var got = await LvProcess.RunAsync(_server.Address, "get", "partners/plymouth-city-council", "--output", "json");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("imported 2 nodes", imported.Output);
        using var node = JsonDocument.Parse(got.Output);
        var properties = node.RootElement.GetProperty("properties");
        Assert.Equal("Plymouth City Council, Devon", properties.GetProperty("name").GetString());
        Assert.Equal("first line, with a comma\nsecond line with \"quotes\"", properties.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Import_RecordTheServerRefuses_NamesItsFileAndLine()
    {
        var nodes = Write("partners.csv",
            ":ID(partners),:LABEL,name,kind",
            "a,Partner,A,VOLUNTARY",
            "b,Partner,B,VOLUNTARY",
            "c,Partner,C,");
        var relationships = Write("rels.csv",
            ":START_ID,:END_ID,:TYPE",
            "partners/nobody,localities/nowhere,BASED_IN");

        var refused = await LvProcess.RunAsync(_server.Address, "import", nodes, "--batch-size", "2");
        var listed = await LvProcess.RunAsync(_server.Address, "list", "--output", "json");
        var replacing = await LvProcess.RunAsync(_server.Address, "import", nodes, "--batch-size", "2", "--on-conflict", "replace");
        var missing = await LvProcess.RunAsync(_server.Address, "import", relationships);

        // The default (fail) checks the whole import as a dry run first, so a refusal in batch 2 writes nothing at all;
        // replace sends it once, and batch 1 is committed before batch 2 is refused.
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the server refused batch 2, so nothing was written", refused.Error);
        Assert.Contains($"{nodes}:4: properties.kind: is required", refused.Error);
        Assert.DoesNotContain("partners/", listed.Output);
        Assert.Equal(2, replacing.ExitCode);
        Assert.Contains("the 1 batch before it was committed (2 nodes, 0 relationships)", replacing.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"{relationships}:2: start: node `partners/nobody` does not exist", missing.Error);
        Assert.Contains($"{relationships}:2: end: node `localities/nowhere` does not exist", missing.Error);
    }

    private const string Rowan = """{"node":{"name":"enablers/rowan","label":"Enabler","displayName":"Rowan","properties":{"pseudonym":"rowan","background":"Former NHS commissioner."}}}""";
    private const string Ash = """{"node":{"name":"enablers/ash","label":"Enabler","displayName":"Ash","properties":{"pseudonym":"ash"}}}""";
    private const string NewRowan = """{"node":{"name":"enablers/rowan","label":"Enabler","displayName":"Rowan","properties":{"pseudonym":"rowan","note":"New in 2016."}}}""";

    [Fact]
    public async Task Import_AStoredName_IsRefusedByDefaultNamingItsLineAndWritesNothing()
    {
        await LvProcess.RunAsync(_server.Address, "import", Write("first.jsonl", Rowan));
        var second = Write("second.jsonl", Ash, NewRowan);

        var refused = await LvProcess.RunAsync(_server.Address, "import", second);
        var ash = await LvProcess.RunAsync(_server.Address, "get", "enablers/ash");
        var rowan = await LvProcess.RunAsync(_server.Address, "get", "enablers/rowan", "--output", "json");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("`enablers/rowan` already exists", refused.Error);
        Assert.Contains($"{second}:2: name: node `enablers/rowan` already exists and would be changed", refused.Error);
        Assert.Contains("--on-conflict replace", refused.Error);
        Assert.Equal(3, ash.ExitCode);
        Assert.Contains("Former NHS commissioner.", rowan.Output);
    }

    [Fact]
    public async Task Import_MergeAndReplace_SayWhatTheyDidAndADryRunWritesNothing()
    {
        await LvProcess.RunAsync(_server.Address, "import", Write("first.jsonl", Rowan));
        var second = Write("second.jsonl", Ash, NewRowan);

        var dryRun = await LvProcess.RunAsync(_server.Address, "import", second, "--on-conflict", "merge", "--dry-run");
        var afterDryRun = await LvProcess.RunAsync(_server.Address, "get", "enablers/ash");
        var merged = await LvProcess.RunAsync(_server.Address, "import", second, "--on-conflict", "merge");
        var rowan = await LvProcess.RunAsync(_server.Address, "get", "enablers/rowan", "--output", "json");
        var again = await LvProcess.RunAsync(_server.Address, "import", second, "--on-conflict", "replace");
        var replaced = await LvProcess.RunAsync(_server.Address, "get", "enablers/rowan", "--output", "json");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("dry run, nothing written: would import 2 nodes (1 created, 1 merged) and 0 relationships in 1 batch", dryRun.Output);
        Assert.Equal(3, afterDryRun.ExitCode);
        Assert.Contains("imported 2 nodes (1 created, 1 merged) and 0 relationships in 1 batch", merged.Output);
        Assert.Contains("Former NHS commissioner.", rowan.Output);
        Assert.Contains("New in 2016.", rowan.Output);
        Assert.Contains("imported 2 nodes (0 created, 1 replaced, 1 unchanged) and 0 relationships in 1 batch", again.Output);
        Assert.DoesNotContain("Former NHS commissioner.", replaced.Output);
    }

    [Fact]
    public async Task Import_TheSameFileTwice_IsNoConflictAndCountsUnchanged()
    {
        var file = Write("first.jsonl", Rowan, Ash);
        await LvProcess.RunAsync(_server.Address, "import", file);

        var again = await LvProcess.RunAsync(_server.Address, "import", file);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("imported 2 nodes (0 created, 2 unchanged) and 0 relationships in 1 batch", again.Output);
    }

    [Fact]
    public async Task Import_AnEmptyFile_IsAnError()
    {
        var empty = Write("empty.jsonl");

        var result = await LvProcess.RunAsync(_server.Address, "import", empty);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no nodes or relationships to import", result.Error);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }
}
