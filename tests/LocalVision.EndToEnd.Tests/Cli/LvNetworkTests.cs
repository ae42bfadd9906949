using System.Text.Json;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv paths`, `ego`, `centrality`, `communities`, `metrics` and `what-if` against the seeded service's partner network.</summary>
public sealed class LvNetworkTests(SeededServerFixture fixture)
{
    private static readonly string[] PartnerNetwork = ["--label", "Partner,Initiative,Enabler", "--type", "PARTNER_IN,ENABLES"];

    private string Server => fixture.Server.Address;

    [Fact]
    public async Task Paths_HackneyToMerton_PrintsEachNodeAndTieOfThePathThroughTheSharedEnabler()
    {
        var result = await LvProcess.RunAsync(Server, ["paths", "partners/hackney-council", "partners/merton-council", .. PartnerNetwork]);

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output,
            "path 1 (4 hops)", "partners/hackney-council", "─PARTNER_IN→", "initiatives/hackney-local-vision", "←ENABLES─",
            "enablers/fir", "─ENABLES→", "initiatives/merton-local-vision", "←PARTNER_IN─", "partners/merton-council");
        Assert.DoesNotContain("path 2", result.Output);
    }

    [Fact]
    public async Task Paths_KAndMaxDepthOutOfRange_PrintsBothFieldViolationsInOneLine()
    {
        var result = await LvProcess.RunAsync(Server, "paths", "partners/hackney-council", "partners/merton-council", "-k", "500", "--max-depth", "99");

        LvAssert.RefusedInOneLine(result, 2, "k: must be from 1 to 20", "max_depth: must be from 1 to 10");
    }

    [Fact]
    public async Task Paths_UnknownNode_IsNotFound()
    {
        var result = await LvProcess.RunAsync(Server, "paths", "partners/nobody", "partners/merton-council");

        LvAssert.RefusedInOneLine(result, 3, "NotFound", "partners/nobody");
    }

    [Fact]
    public async Task Ego_OfTheSharedEnabler_ReachesBothItsProjects()
    {
        var result = await LvProcess.RunAsync(Server, "ego", "enablers/fir", "--depth", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("initiatives/hackney-local-vision", result.Output);
        Assert.Contains("initiatives/merton-local-vision", result.Output);
        Assert.Contains("3 nodes", result.Output);
    }

    [Fact]
    public async Task Centrality_BetweennessAsJson_IsAnArrayRankedHighestFirstWithAnEnabler()
    {
        var result = await LvProcess.RunAsync(Server, ["centrality", "--measure", "betweenness", "--top", "10", "-o", "json", .. PartnerNetwork]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var scores = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), scores.Select(s => s.GetProperty("rank").GetInt32()));
        Assert.Equal(scores.Select(s => s.GetProperty("score").GetDouble()).OrderDescending(), scores.Select(s => s.GetProperty("score").GetDouble()));
        Assert.Contains(scores, s => s.GetProperty("label").GetString() == "Enabler");
    }

    [Fact]
    public async Task Centrality_Table_PrintsTheTopScoresUnderTheMeasure()
    {
        var table = await LvProcess.RunAsync(Server, ["centrality", "--measure", "degree", "--top", "3", .. PartnerNetwork]);
        var json = await LvProcess.RunAsync(Server, ["centrality", "--measure", "degree", "--top", "3", "-o", "json", .. PartnerNetwork]);

        Assert.Equal(0, table.ExitCode);
        using var scores = JsonDocument.Parse(json.Output);
        var names = scores.RootElement.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        LvAssert.InOrder(table.Output, ["degree centrality", .. names, "top 3"]);
    }

    [Fact]
    public async Task Centrality_UnknownMeasure_IsRefusedNamingTheChoices()
    {
        var result = await LvProcess.RunAsync(Server, "centrality", "--measure", "fame");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("fame", result.Error);
        Assert.Contains("betweenness", result.Error);
    }

    [Fact]
    public async Task Communities_Louvain_CoversEveryNodeOnceAndPrintsTheModularity()
    {
        var json = await LvProcess.RunAsync(Server, ["communities", "--algorithm", "louvain", "-o", "json", "--label", "Partner,Initiative,Enabler"]);
        var table = await LvProcess.RunAsync(Server, ["communities", "--label", "Partner,Initiative,Enabler"]);

        Assert.Equal(0, json.ExitCode);
        using var response = JsonDocument.Parse(json.Output);
        var members = response.RootElement.GetProperty("communities").EnumerateArray().SelectMany(c => c.GetProperty("members").EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.InRange(response.RootElement.GetProperty("modularity").GetDouble(), 0.1, 1);
        Assert.Contains("modularity 0.", table.Output);
        Assert.Contains("enablers/fir", table.Output);
    }

    [Fact]
    public async Task Communities_PagesOfThreeNames_JoinToTheOnePageAnswer()
    {
        string[] wcc = ["communities", "--algorithm", "wcc", "-o", "json", "--label", "Partner,Initiative,Enabler"];

        var paged = await LvProcess.RunAsync(Server, [.. wcc, "--page-size", "3"]);
        var whole = await LvProcess.RunAsync(Server, [.. wcc, "--page-size", "100000"]);

        Assert.Equal((0, 0), (paged.ExitCode, whole.ExitCode));
        using var response = JsonDocument.Parse(whole.Output);
        Assert.Contains(response.RootElement.GetProperty("communities").EnumerateArray(), c => c.GetProperty("size").GetInt32() > 3);
        Assert.Equal(whole.Output, paged.Output);
    }

    [Fact]
    public async Task Communities_MembersOne_ListsTheFirstNameAndCountsTheRest()
    {
        var result = await LvProcess.RunAsync(Server, ["communities", "--algorithm", "wcc", "--members", "1", "--label", "Partner,Initiative,Enabler"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"… and \d+ more", result.Output);
    }

    [Fact]
    public async Task WhatIf_EnablerFirLeaves_SaysMertonWouldBeCutOff()
    {
        var result = await LvProcess.RunAsync(Server, ["what-if", "enablers/fir", .. PartnerNetwork]);

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "with it", "without enablers/fir", "parts with no tie between them", "would be cut off", "partners/merton-council");
    }

    [Fact]
    public async Task WhatIf_Json_GivesTheMetricsBeforeAndAfter()
    {
        var result = await LvProcess.RunAsync(Server, ["what-if", "enablers/fir", "-o", "json", .. PartnerNetwork]);

        using var json = JsonDocument.Parse(result.Output);
        var before = json.RootElement.GetProperty("before").GetProperty("nodes").GetInt32();
        var after = json.RootElement.GetProperty("after").GetProperty("nodes").GetInt32();
        Assert.Equal(before - 1, after);
        Assert.Contains(json.RootElement.GetProperty("disconnected").EnumerateArray(), n => n.GetString() == "partners/merton-council");
    }

    [Fact]
    public async Task Metrics_Hackney_PrintsTheNetworksSizeAndShape()
    {
        var result = await LvProcess.RunAsync(Server, ["metrics", "--locality", "localities/hackney", .. PartnerNetwork]);

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "nodes", "ties", "parts with no tie between them", "density", "diameter");
    }

    [Fact]
    public async Task WhatIf_UnknownNode_IsRefusedInOneLine()
    {
        var result = await LvProcess.RunAsync(Server, "what-if", "enablers/nobody");

        LvAssert.RefusedInOneLine(result, 3, "NotFound", "enablers/nobody");
    }
}
