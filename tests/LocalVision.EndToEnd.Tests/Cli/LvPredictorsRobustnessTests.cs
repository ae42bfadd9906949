using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv predictors --robustness` and the predictors table's blemishes against the seeded service.</summary>
public sealed class LvPredictorsRobustnessTests(SeededServerFixture fixture)
{
    private string Server => fixture.Server.Address;

    [Fact]
    public async Task Predictors_Robustness_PrintsTheRunsTheCoreAndTheFit()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "-c", "COMMUNITY_ENGAGEMENT", "--robustness");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "in words:", "robustness of the conservative solution for MOMENTUM over COMMUNITY_ENGAGEMENT",
            "initial", "inclusion 0.75", "inclusion 0.85", "inclusion 0.9", "frequency 2", "unknowns as absent", "unknowns as present", "without ", "robust core");
    }

    [Fact]
    public async Task Predictors_RobustnessAsJson_IsTheTwoAnswersConditionsFirst()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "-c", "COMMUNITY_ENGAGEMENT", "--robustness", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var answers = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal("MOMENTUM", answers[0].GetProperty("outcome").GetString());
        Assert.Equal("initial", answers[1].GetProperty("initial").GetProperty("label").GetString());
        Assert.Contains(answers[1].GetProperty("tests").EnumerateArray(), t => t.GetProperty("label").GetString() == "unknowns as present");
    }

    [Fact]
    public async Task Predictors_ShippedCases_DrawsNoBarsWhenNoConditionCanBeJudgedAndNoNaN()
    {
        var json = await LvProcess.RunAsync(Server, "predictors", "-o", "json");
        using var document = JsonDocument.Parse(json.Output);
        var judgeable = document.RootElement.GetProperty("conditions").EnumerateArray().Any(c => c.TryGetProperty("judgeable", out var j) && j.GetBoolean());

        var result = await LvProcess.RunAsync(Server, "predictors");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("NaN", result.Output, StringComparison.Ordinal);
        if (!judgeable)
        {
            Assert.DoesNotContain("█", result.Output, StringComparison.Ordinal);
            // The caption wraps with the terminal's width: read it as one line.
            Assert.Contains("no bars: no condition can be judged", string.Join(" ", result.Output.Split(new[] { ' ', '\n', '\r', '│' }, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("█", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Predictors_ConditionWithNoCaseInIt_PrintsPriAsNotApplicableWithWhy()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "-c", "ADEQUATE_TIME");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("NaN", result.Output, StringComparison.Ordinal);
        LvAssert.InOrder(result.Output, "ADEQUATE_TIME", "n/a", "PRI n/a: no case is in the condition");
    }
}
