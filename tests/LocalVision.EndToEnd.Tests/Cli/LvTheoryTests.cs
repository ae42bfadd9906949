using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv theory test` against the seeded service: the rule × case matrix, one rule in detail, JSON, and refusals.</summary>
public sealed class LvTheoryTests(SeededServerFixture fixture)
{
    private string Server => fixture.Server.Address;

    [Fact]
    public async Task TheoryTest_EveryRule_PrintsTheMatrixWithCountsAndALegend()
    {
        var result = await LvProcess.RunAsync(Server, "theory", "test", "--as-of", "2015-09-01");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "rule", "BDP", "HAC", "PLY", "S D A C ·", "cons.", "cov.");
        LvAssert.InOrder(result.Output, "FOCUSED §7.1.1", "LEADERSHIP_GAP (CLINICAL) §7.4.1", "FEW_CLINICIANS §5.3");
        Assert.Contains("S supports", result.Output);
        Assert.Contains("PLY initiatives/plymouth-local-vision", result.Output);
    }

    [Fact]
    public async Task TheoryTest_OneRule_PrintsEachCaseWithItsContextOutcomeAndObservations()
    {
        var result = await LvProcess.RunAsync(Server, "theory", "test", "--rule", "SENIOR_EARLY", "--as-of", "2015-09-01");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "SENIOR_EARLY", "expects MOMENTUM reached", "testable case(s)");
        LvAssert.InOrder(result.Output, "initiatives/plymouth-local-vision", "SENIOR_ENGAGEMENT_EARLY holds", "MOMENTUM present 1", "observations/plymouth-senior");
    }

    [Fact]
    public async Task TheoryTest_AsJson_GivesTheResponseMessage()
    {
        var result = await LvProcess.RunAsync(Server, "theory", "test", "--rule", "NO_SUPPORT", "--as-of", "2015-09-01", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var rule = json.RootElement.GetProperty("rules").EnumerateArray().Single();
        Assert.Contains(rule.GetProperty("cases").EnumerateArray(), c => c.GetProperty("initiative").GetString() == "initiatives/suffolk-local-vision"
            && c.GetProperty("verdict").GetString() == "VERDICT_SUPPORTS");
    }

    [Fact]
    public async Task TheoryTest_UnknownRule_IsRefusedInOneLineNamingIt()
    {
        var result = await LvProcess.RunAsync(Server, "theory", "test", "--rule", "SENIOR_EARLIEST");

        LvAssert.RefusedInOneLine(result, 2, "InvalidArgument", "rules[0]: `SENIOR_EARLIEST` is not a rule of the programme theory");
    }
}
