using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv truth-table` and `lv minimize` on the issues' smallest cases (#18, #19), from a CSV file.</summary>
public sealed class LvTruthTableOutcomeTests(SeededServerFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lv-qca-").FullName;

    private string Server => fixture.Server.Address;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A*B four times in Y and once out of it, ~A*B once out of Y: row A*B has consistency 0.8.</summary>
    private string ContradictoryCsv()
    {
        var path = Path.Combine(_folder, "contradictory.csv");
        File.WriteAllText(path, "case,A,B,Y\nc1,1,1,1\nc2,1,1,1\nc3,1,1,1\nc4,1,1,1\nc5,1,1,0\nc6,0,1,0\n");
        return path;
    }

    [Fact]
    public async Task TruthTable_ContradictoryRow_ShowsTheOutcomeUsedMarkedCWithTheCasesOnEachSide()
    {
        var result = await LvProcess.RunAsync(Server, "truth-table", "--case-table", ContradictoryCsv(), "--outcome", "Y", "-c", "A,B", "--inclusion-cutoff", "0.8");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 C", result.Output);
        Assert.Contains("in: c1, c2, c3, c4; out: c5", result.Output);
    }

    [Fact]
    public async Task TruthTable_ContradictoryRowAsJson_HasOutcomeOneAndTheFlag()
    {
        var result = await LvProcess.RunAsync(Server, "truth-table", "--case-table", ContradictoryCsv(), "--outcome", "Y", "-c", "A,B", "--inclusion-cutoff", "0.8", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var row = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("cases").GetArrayLength() == 5);
        Assert.Equal("1", row.GetProperty("outcome").GetString());
        Assert.True(row.GetProperty("contradictory").GetBoolean());
        Assert.Equal(["c5"], row.GetProperty("casesOutOfOutcome").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Minimize_SingleTermModel_SaysItsUniqueCoverageIsItsWholeCoverage()
    {
        var result = await LvProcess.RunAsync(Server, "minimize", "--case-table", ContradictoryCsv(), "--outcome", "Y", "-c", "A,B", "--inclusion-cutoff", "0.8");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("M1: A*B → Y", result.Output);
        Assert.Contains("the only term's unique coverage is its whole coverage", result.Output);
    }

    [Fact]
    public async Task Minimize_MaxModelsOne_ListsOneOfTheEquallyMinimalModels()
    {
        // Positive 000, negative 111: ~A, ~B and ~C each explain it alone (three models).
        var path = Path.Combine(_folder, "three-models.csv");
        File.WriteAllText(path, "case,A,B,C,Y\np,0,0,0,1\nn,1,1,1,0\n");

        var all = await LvProcess.RunAsync(Server, "minimize", "--case-table", path, "--outcome", "Y", "-c", "A,B,C", "--solution", "parsimonious", "--max-models", "0", "-o", "json");
        var one = await LvProcess.RunAsync(Server, "minimize", "--case-table", path, "--outcome", "Y", "-c", "A,B,C", "--solution", "parsimonious", "--max-models", "1", "-o", "json");

        using var allJson = JsonDocument.Parse(all.Output);
        using var oneJson = JsonDocument.Parse(one.Output);
        Assert.Equal(["~A", "~B", "~C"], allJson.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("expression").GetString()));
        Assert.Equal(["M1"], oneJson.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }
}
