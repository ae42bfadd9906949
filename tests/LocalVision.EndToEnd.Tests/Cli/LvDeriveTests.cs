using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`--derive` on lv's analyses against the seeded service: network measures and properties as conditions.</summary>
public sealed class LvDeriveTests(SeededServerFixture fixture)
{
    private string Server => fixture.Server.Address;

    [Fact]
    public async Task Predictors_DerivedDensity_IsAnalysedBesideACodeAndItsUnknownsNamed()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "--derive", "DENSE=density@2015-01-01:0,0.1,0.3",
            "-c", "DENSE,COMMUNITY_ENGAGEMENT", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("condition").GetString()).ToList();
        Assert.Equal(["COMMUNITY_ENGAGEMENT", "DENSE"], names.Order(StringComparer.Ordinal));
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("DENSE:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Predictors_DerivedWithoutConditions_JoinsTheDefaultConditions()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "--derive", "KINDS=partner-kinds:1,2,4", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Contains(json.RootElement.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("condition").GetString() == "KINDS");
    }

    [Fact]
    public async Task Minimize_DerivedCondition_IsAConditionOfTheTruthTable()
    {
        var result = await LvProcess.RunAsync(Server, "minimize", "--derive", "DENSE=density@2015-01-01:0,0.1,0.3",
            "-c", "DENSE,COMMUNITY_ENGAGEMENT", "--unknowns", "absent", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var model = json.RootElement.GetProperty("models")[0].GetProperty("expression").GetString()!;
        Assert.Contains("DENSE", model, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predictors_DerivedNamedLikeACode_IsTheServersFieldPathInOneLine()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "--derive", "MOMENTUM=density:0,0.1,0.3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("derived_conditions[0].name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predictors_MisspeltSource_IsRefusedBeforeAnyCallWithASuggestion()
    {
        var result = await LvProcess.RunAsync(Server, "predictors", "--derive", "D=densty:0,0.1,0.3");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("did you mean density?", result.Error, StringComparison.Ordinal);
    }
}
