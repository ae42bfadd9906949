namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv theory show / export / validate / apply / history / diff` against a seeded service of its own.</summary>
public sealed class LvTheoryVersionTests : IAsyncLifetime, IDisposable
{
    private const string NewRule = """
        rules:
          - id: MOU_MONITORED
            title: An MOU used to monitor outcomes
            sections: [7.3.3]
            polarity: INGREDIENT
            status: INITIAL
            weight: 1
            when:
              - code: MOU_AGREED
                is: present
            outcome: MOMENTUM
            explain: partners agreed an MOU [{MOU_AGREED}], a yardstick for monitoring outcomes
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("lv-theory-").FullName;
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync(seed: true);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<LvProcess.Result> LvAsync(params string[] args) => LvProcess.RunAsync(_server.Address, args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task ShowAndExport_TheShippedTheory_ListTheRulesAndPrintTheYaml()
    {
        var show = await LvAsync("theory", "show");
        var export = await LvAsync("theory", "export");

        Assert.Equal((0, 0), (show.ExitCode, export.ExitCode));
        LvAssert.InOrder(show.Output, "programme theory, version 1", "by LocalVision, as shipped", "FOCUSED", "INITIAL", "INGREDIENT", "MOU_YARDSTICK", "FEW_CLINICIANS");
        Assert.StartsWith("# LocalVision's programme theory", export.Output);
        Assert.Contains("- id: LEADERSHIP_GAP", export.Output);
    }

    [Fact]
    public async Task Apply_ANewRule_StoresVersionTwoAndPrintsTheRuleAndTheCasesItChanges()
    {
        var file = Write("theory.yaml", NewRule);

        var dryRun = await LvAsync("theory", "apply", file, "--note", "a candidate from the deviant cases", "--dry-run", "--as-of", "2015-09-01");
        var afterDryRun = await LvAsync("theory", "history");
        var applied = await LvAsync("theory", "apply", file, "--note", "refined after the West Cheshire deviant case", "--as-of", "2015-09-01");
        var history = await LvAsync("theory", "history");
        var diff = await LvAsync("theory", "diff", "1", "2", "--as-of", "2015-09-01");

        Assert.Equal(0, dryRun.ExitCode);
        LvAssert.InOrder(dryRun.Output, "valid: would make version 2 from 1; nothing stored", "+ MOU_MONITORED", "32 rule(s) unchanged",
            "findings that differ, version 1 → 2 (proposed), as of 2015-09-01", "Bournemouth, Dorset & Poole", "MOU_MONITORED", "STRONG 7.5 → STRONG 8.5");
        Assert.DoesNotContain("stored version", dryRun.Output);
        Assert.DoesNotContain("2 (current)", afterDryRun.Output);
        Assert.Equal(0, applied.ExitCode);
        LvAssert.InOrder(applied.Output, "valid: would make version 2 from 1", "+ MOU_MONITORED", "findings that differ, version 1 → 2 (proposed)",
            "Bournemouth, Dorset & Poole", "MOU_MONITORED", "STRONG 7.5 → STRONG 8.5", "stored version 2 (was 1)");
        Assert.DoesNotContain("nothing stored", applied.Output);
        LvAssert.InOrder(history.Output, "1", "by LocalVision", "the initial programme theory", "2 (current)", "refined after the West Cheshire deviant case");
        LvAssert.InOrder(diff.Output, "findings that differ, version 1 → 2, as of 2015-09-01", "MOU_MONITORED");
    }

    [Fact]
    public async Task Report_ToAFile_WritesTheRamesesReport()
    {
        var file = Path.Combine(_folder, "report.md");

        var result = await LvAsync("report", "--as-of", "2015-09-01", "--out", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("programme theory version 1", result.Output);
        LvAssert.InOrder(File.ReadAllText(file), "# Realist evaluation of Local Vision", "## Initial programme theory", "not been refined",
            "## The theory tested case by case", "## Cases", "## Limits of the data");
    }

    [Fact]
    public async Task Validate_AMisspelledCode_IsRefusedInOneLineNamingFieldAndLine()
    {
        var file = Write("bad.yaml", NewRule.Replace("code: MOU_AGREED", "code: MOU_AGRED"));

        var result = await LvAsync("theory", "validate", file);

        LvAssert.RefusedInOneLine(result, 2, "InvalidArgument", "yaml.rules[0].when[0].code: line 9: `MOU_AGRED` is not a code");
        Assert.Contains("did you mean MOU_AGREED?", result.Error);
    }
}
