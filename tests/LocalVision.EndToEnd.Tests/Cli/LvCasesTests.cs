using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv cases`: the cases to study next for a solution, against the seeded service.</summary>
public sealed class LvCasesTests(SeededServerFixture fixture)
{
    private string Server => fixture.Server.Address;

    [Fact]
    public async Task Cases_ACondition_PrintsEachKindWithItsCasesByDisplayName()
    {
        var json = await LvProcess.RunAsync(Server, "cases", "-c", "COMMUNITY_ENGAGEMENT", "-o", "json");
        using var answer = JsonDocument.Parse(json.Output);
        var typical = answer.RootElement.GetProperty("groups")[0];

        var result = await LvProcess.RunAsync(Server, "cases", "-c", "COMMUNITY_ENGAGEMENT");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "cases to study for", "COMMUNITY_ENGAGEMENT", "sufficient for MOMENTUM",
            "typical", "deviant consistency", "deviant in degree", "deviant coverage", "individually irrelevant");
        Assert.Equal("CASE_KIND_TYPICAL", typical.GetProperty("kind").GetString());
        // The seeded graph names its initiatives: the table shows display names, never resource names.
        var listed = answer.RootElement.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.TryGetProperty("cases", out var cases) ? cases.EnumerateArray() : Enumerable.Empty<JsonElement>()).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, c => Assert.Contains(c.GetProperty("displayName").GetString()!, result.Output, StringComparison.Ordinal));
        // (The notes after the tables name the cases left out as the server does.)
        var tables = result.Output.Split("left out", 2)[0];
        Assert.DoesNotContain("initiatives/", tables, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_NecessityAsJson_ListsTheCasesInTheOutcomeAndTheDeviantRelevanceCases()
    {
        var result = await LvProcess.RunAsync(Server, "cases", "-c", "COMMUNITY_ENGAGEMENT", "--necessity", "--term", "COMMUNITY_ENGAGEMENT", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var answer = JsonDocument.Parse(result.Output);
        Assert.Equal("SET_RELATION_NECESSITY", answer.RootElement.GetProperty("relation").GetString());
        Assert.Equal("COMMUNITY_ENGAGEMENT", answer.RootElement.GetProperty("expression").GetString());
        var groups = answer.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["CASE_KIND_TYPICAL", "CASE_KIND_DEVIANT_CONSISTENCY", "CASE_KIND_DEVIANT_DEGREE", "CASE_KIND_DEVIANT_RELEVANCE"],
            groups.Select(g => g.GetProperty("kind").GetString()));
        foreach (var group in groups)
        {
            var relevance = group.GetProperty("kind").GetString() == "CASE_KIND_DEVIANT_RELEVANCE";
            foreach (var c in group.TryGetProperty("cases", out var cases) ? cases.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                // JSON leaves out a membership of 0.
                var y = c.TryGetProperty("y", out var value) ? value.GetDouble() : 0;
                Assert.True(relevance ? c.GetProperty("x").GetDouble() > 0.5 && y < 0.5 : y > 0.5);
            }
        }
    }

    [Fact]
    public async Task Cases_Necessity_PrintsTheFourKindsANecessityClaimKnows()
    {
        var result = await LvProcess.RunAsync(Server, "cases", "-c", "COMMUNITY_ENGAGEMENT", "--necessity", "--term", "COMMUNITY_ENGAGEMENT");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "necessary for MOMENTUM", "out of both the outcome and the expression not counted",
            "typical", "deviant consistency", "deviant in degree", "deviant relevance");
        Assert.DoesNotContain("deviant coverage", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_UnknownTerm_FailsNamingTheTermAndTheClosest()
    {
        var result = await LvProcess.RunAsync(Server, "cases", "-c", "COMMUNITY_ENGAGEMENT", "--term", "COMMUNITY_ENGAGMENT");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("term", result.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean `COMMUNITY_ENGAGEMENT`?", result.Error, StringComparison.Ordinal);
    }
}
