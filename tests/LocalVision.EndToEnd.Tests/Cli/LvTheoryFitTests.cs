using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv theory-fit` against the seeded service: a theory expression over the Lipset table, and a programme-theory rule over the graph.</summary>
public sealed class LvTheoryFitTests(SeededServerFixture fixture)
{
    private string Server => fixture.Server.Address;

    private static string LipsetCsv => LvProcess.RepositoryPath("docs", "examples", "lipset-crisp.csv");

    [Fact]
    public async Task TheoryFit_LipsetExpression_PrintsTheFourIntersectionsWithTheirCases()
    {
        var result = await LvProcess.RunAsync(Server,
            "theory-fit", "--case-table", LipsetCsv, "--outcome", "SURV", "-c", "DEV,URB,LIT,IND,STB", "--inclusion-cutoff", "1", "--theory", "LIT*STB");

        Assert.Equal(0, result.ExitCode);
        // LIT*STB holds for the eight survivors the solution (DEV*~URB*LIT*STB + DEV*LIT*IND*STB) covers, and for EE,
        // which is not developed, so not in the solution, and did not survive.
        LvAssert.InOrder(result.Output, "theory T: LIT*STB", "solution S (M1): DEV*~URB*LIT*STB + DEV*LIT*IND*STB",
            "T*S", "~T*S", "T*~S", "EE", "~T*~S", "T*S: corroborated — 8 case(s), 8 of them with the outcome", "18 cases compared");
    }

    [Fact]
    public async Task TheoryFit_RuleAsJson_IsTheEvaluateTheoryAnswer()
    {
        var result = await LvProcess.RunAsync(Server, "theory-fit", "-c", "SENIOR_ENGAGEMENT_EARLY,DEDICATED_SUPPORT", "--rule", "SENIOR_EARLY", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("SENIOR_ENGAGEMENT_EARLY", json.RootElement.GetProperty("theory").GetString());
        Assert.Equal(["T*S", "~T*S", "T*~S", "~T*~S"], json.RootElement.GetProperty("intersections").EnumerateArray().Select(i => i.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task TheoryFit_MisspeltRule_FailsSayingTheNearest()
    {
        var result = await LvProcess.RunAsync(Server, "theory-fit", "-c", "SENIOR_ENGAGEMENT_EARLY", "--rule", "SENIOR_ERLY");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SENIOR_EARLY", result.Error + result.Output);
    }

    [Fact]
    public async Task TheoryFit_ModelM1_IsTheDefaultAndAModelTheSolutionLacksIsRefusedOnModel()
    {
        var byDefault = await LvProcess.RunAsync(Server, "theory-fit", "-c", "SENIOR_ENGAGEMENT_EARLY", "--theory", "SENIOR_ENGAGEMENT_EARLY", "-o", "json");
        var first = await LvProcess.RunAsync(Server, "theory-fit", "-c", "SENIOR_ENGAGEMENT_EARLY", "--theory", "SENIOR_ENGAGEMENT_EARLY", "--model", "M1", "-o", "json");
        var missing = await LvProcess.RunAsync(Server, "theory-fit", "-c", "SENIOR_ENGAGEMENT_EARLY", "--theory", "SENIOR_ENGAGEMENT_EARLY", "--model", "M9");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(byDefault.Output, first.Output);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("model", missing.Error, StringComparison.Ordinal);
        Assert.Contains("M9", missing.Error, StringComparison.Ordinal);
    }
}
