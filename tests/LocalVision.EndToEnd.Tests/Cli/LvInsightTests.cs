using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv predictors`, `truth-table`, `minimize` and `cohort` against the seeded service, on its cases and on a case table from a file.</summary>
public sealed class LvInsightTests(SeededServerFixture fixture) : IDisposable
{
    /// <summary>The example of docs/cli.md: Lipset's inter-war Europe as dichotomised by Rihoux and De Meur, whose solutions are published.</summary>
    private static readonly string LipsetCsv = LvProcess.RepositoryPath("docs", "examples", "lipset-crisp.csv");

    private readonly string _folder = Directory.CreateTempSubdirectory("lv-insight-").FullName;

    private string Server => fixture.Server.Address;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Predictors_AsJson_HasTheOutcomeAndTheConditionsAsked()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "--outcome", "MOMENTUM", "--conditions", "SENIOR_ENGAGEMENT_EARLY,COMMUNITY_ENGAGEMENT", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("MOMENTUM", json.RootElement.GetProperty("outcome").GetString());
        var conditions = json.RootElement.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Equal(["COMMUNITY_ENGAGEMENT", "SENIOR_ENGAGEMENT_EARLY"], conditions.Select(c => c.GetProperty("condition").GetString()).Order());
        Assert.All(conditions, c => Assert.InRange(c.GetProperty("sufficiencyConsistency").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task Predictors_ShowCases_NamesTheCasesBehindACondition()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "-c", "COMMUNITY_ENGAGEMENT", "--show-cases");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "suff. cons.", "Fisher p", "COMMUNITY_ENGAGEMENT", "odds ratio", "COMMUNITY_ENGAGEMENT", "in words:", "COMMUNITY_ENGAGEMENT: present in",
            "in the condition and the outcome", "hackney-local-vision");
    }

    [Fact]
    public async Task TruthTable_LipsetExampleCsv_HasThePublishedRowsAndRemainders()
    {
        var result = await LvProcess.RunAsync(Server, "truth-table", "--case-table", LipsetCsv, "--outcome", "SURV", "-c", "DEV,URB,LIT,IND,STB", "--inclusion-cutoff", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("BE, CZ, NL, UK", result.Output);
        Assert.Contains("GR, PT, ES", result.Output);
        Assert.Contains("9 rows", result.Output);
        Assert.Contains("23 remainders", result.Output);
    }

    [Fact]
    public async Task Minimize_LipsetConservative_PrintsThePublishedSolutionWithTermsInWordsAndTheirCases()
    {
        var result = await LvProcess.RunAsync(Server, "minimize", "--case-table", LipsetCsv, "--outcome", "SURV", "-c", "DEV,URB,LIT,IND,STB", "--inclusion-cutoff", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("M1: DEV*~URB*LIT*STB + DEV*LIT*IND*STB → SURV  consistency 1.00, coverage 1.00", result.Output);
        LvAssert.InOrder(result.Output, "DEV*~URB*LIT*STB", "DEV and not URB and LIT and STB", "FI, FR, IE, SE");
    }

    [Fact]
    public async Task Minimize_LipsetParsimoniousAsJson_IsDevStbWithItsSimplifyingAssumptions()
    {
        var result = await LvProcess.RunAsync(Server,
            "minimize", "--case-table", LipsetCsv, "--outcome", "SURV", "-c", "DEV,URB,LIT,IND,STB", "--inclusion-cutoff", "1", "--solution", "parsimonious", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("DEV*STB", json.RootElement.GetProperty("models").EnumerateArray().Single().GetProperty("expression").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("simplifyingAssumptions").GetArrayLength());
    }

    [Fact]
    public async Task Minimize_IntermediateWithoutExpectations_PrintsTheFieldViolationInOneLine()
    {
        var result = await LvProcess.RunAsync(Server, "minimize", "--case-table", LipsetCsv, "--outcome", "SURV", "-c", "DEV,STB", "--solution", "intermediate");

        LvAssert.RefusedInOneLine(result, 2, "directional_expectations: the intermediate solution needs at least one directional expectation");
    }

    [Fact]
    public async Task Minimize_CsvWithAWord_SaysWhichLine()
    {
        var path = Path.Combine(_folder, "bad.csv");
        await File.WriteAllLinesAsync(path, ["case,DEV,SURV", "AU,1,0", "BE,high,1"], TestContext.Current.CancellationToken);

        var result = await LvProcess.RunAsync(Server, "minimize", "--case-table", path, "--outcome", "SURV", "-c", "DEV");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: bad.csv line 3: `high` for DEV is not a number", result.Error.Trim());
    }

    [Fact]
    public async Task Cohort_LondonBoroughMinimum_SelectsOneAndSaysWhy()
    {
        string[] candidates =
        [
            "initiatives/plymouth-local-vision", "initiatives/hackney-local-vision", "initiatives/suffolk-local-vision",
            "initiatives/wirral-local-vision", "initiatives/merton-local-vision", "initiatives/kent-local-vision",
        ];

        var table = await LvProcess.RunAsync(Server, ["cohort", "--size", "3", "--min-per-la-type", "LONDON_BOROUGH=1", .. candidates]);
        var json = await LvProcess.RunAsync(Server, ["cohort", "--size", "3", "--min-per-la-type", "LONDON_BOROUGH=1", "-o", "json", .. candidates]);

        Assert.Equal(0, table.ExitCode);
        LvAssert.InOrder(table.Output, "selected (3)", "counts towards the minimum for laType = LONDON_BOROUGH", "left out (3)", "suffolk-local-vision", "proven optimal");
        using var response = JsonDocument.Parse(json.Output);
        var selected = response.RootElement.GetProperty("selected").EnumerateArray().Select(c => c.GetProperty("initiative").GetString()).ToList();
        Assert.Equal(3, selected.Count);
        Assert.Single(selected, s => s is "initiatives/hackney-local-vision" or "initiatives/merton-local-vision");
    }

    [Fact]
    public async Task Cohort_MinAboveMax_PrintsTheFieldViolationInOneLine()
    {
        var result = await LvProcess.RunAsync(Server, "cohort", "--size", "2", "--constraint", "laType=LONDON_BOROUGH:3-1", "initiatives/plymouth-local-vision", "initiatives/kent-local-vision");

        LvAssert.RefusedInOneLine(result, 2, "constraints[0]: needs 0 ≤ min ≤ max");
    }

    [Fact]
    public async Task Cohort_ConstraintNotInItsForm_IsRefusedBeforeCallingTheServer()
    {
        var result = await LvProcess.RunAsync(Server, "cohort", "--size", "2", "--constraint", "laType", "initiatives/plymouth-local-vision");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("`laType` is not ATTRIBUTE=VALUE:MIN or ATTRIBUTE=VALUE:MIN-MAX", result.Error);
    }
}
