namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv centrality --sample/--seed/--weight/--tolerance`, `lv communities --weight` and `lv stats` against the seeded service.</summary>
public sealed class LvNetworkEstimateTests(SeededServerFixture fixture)
{
    private static readonly string[] PartnerNetwork = ["--label", "Partner,Initiative,Enabler", "--type", "PARTNER_IN,ENABLES"];

    private string Server => fixture.Server.Address;

    [Fact]
    public async Task Centrality_SampledBetweenness_ShowsEachStandardErrorAndTheBound()
    {
        var result = await LvProcess.RunAsync(Server, ["centrality", "--measure", "betweenness", "--sample", "5", "--seed", "1", "--top", "5", .. PartnerNetwork]);

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "betweenness centrality (estimated from a sample)", "± standard error", "with 95% confidence");
    }

    [Fact]
    public async Task Centrality_SampleOfOne_IsRefusedNamingTheField()
    {
        var result = await LvProcess.RunAsync(Server, "centrality", "--measure", "betweenness", "--sample", "1");

        LvAssert.RefusedInOneLine(result, 2, "sample_size: must be 0 (exact) or at least 2");
    }

    [Fact]
    public async Task Communities_WeightedByAPropertyNoTieHas_AnswersAsUnweighted()
    {
        var weighted = await LvProcess.RunAsync(Server, ["communities", "--algorithm", "wcc", "--weight", "minutes", .. PartnerNetwork]);
        var plain = await LvProcess.RunAsync(Server, ["communities", "--algorithm", "wcc", .. PartnerNetwork]);

        Assert.Equal(0, weighted.ExitCode);
        Assert.Equal(plain.Output, weighted.Output);
    }

    [Fact]
    public async Task Stats_PrintsTheProjectionAndCommunityCaches()
    {
        var result = await LvProcess.RunAsync(Server, "stats");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "projection cache:", "projections", "bytes", "hits", "misses (builds)",
            "community cache:", "of at most 8 lists", "bytes", "hits", "detections");
    }
}
