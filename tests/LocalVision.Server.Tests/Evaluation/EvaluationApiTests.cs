using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Evaluation;

/// <summary>EvaluationService over the shipped dataset, through a real channel.</summary>
public sealed class EvaluationApiTests(SeededServerFixture fixture)
{
    private EvaluationService.EvaluationServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Timestamp Day(int year, int month, int day) => Timestamp.FromDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task EvaluateInitiative_Plymouth_FindsEarlySeniorEngagementAndLikelyScaleUpWithTheirEvidence()
    {
        var evaluation = await Client.EvaluateInitiativeAsync(
            new EvaluateInitiativeRequest { Name = "initiatives/plymouth-local-vision", AsOf = Day(2015, 9, 1) }, cancellationToken: Ct);

        var senior = Assert.Single(evaluation.Findings, f => f.RuleId == "SENIOR_EARLY");
        Assert.Equal(Polarity.Ingredient, senior.Polarity);
        Assert.Contains("observations/plymouth-senior-engagement-early", senior.Observations);
        Assert.NotEmpty(senior.Evidence);
        Assert.Contains(evaluation.Findings, f => f.RuleId == "SCALE_UP_LIKELY");
        Assert.Equal("STRONG", evaluation.Outlook.Rating);
    }

    [Fact]
    public async Task EvaluateInitiative_SuffolkAndBdp_ShowTheReportsRisksAndCautions()
    {
        var suffolk = await Client.EvaluateInitiativeAsync(new EvaluateInitiativeRequest { Name = "initiatives/suffolk-local-vision", AsOf = Day(2015, 9, 1) }, cancellationToken: Ct);
        var bdp = await Client.EvaluateInitiativeAsync(new EvaluateInitiativeRequest { Name = "initiatives/bdp-local-vision", AsOf = Day(2015, 9, 1) }, cancellationToken: Ct);

        Assert.Contains(suffolk.Findings, f => f.RuleId == "NO_SUPPORT" && f.Polarity == Polarity.Risk);
        Assert.Contains(bdp.Findings, f => f.RuleId == "BCF_DISTRACTION" && f.Polarity == Polarity.Caution);
    }

    [Fact]
    public async Task EvaluateInitiative_UnknownInitiative_IsNotFound()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Client.EvaluateInitiativeAsync(
            new EvaluateInitiativeRequest { Name = "initiatives/atlantis" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task EvaluateInitiative_NameOfALocality_IsInvalidArgument()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.EvaluateInitiativeAsync(
            new EvaluateInitiativeRequest { Name = "localities/plymouth" }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "name");
    }

    [Fact]
    public async Task StreamEvaluations_Default_GivesEveryLocalVisionProjectOnce()
    {
        using var call = Client.StreamEvaluations(new StreamEvaluationsRequest { AsOf = Day(2015, 9, 1) }, cancellationToken: Ct);

        var evaluations = await call.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);

        Assert.True(evaluations.Count >= 19);
        Assert.Equal(evaluations.Count, evaluations.Select(e => e.Initiative).Distinct().Count());
        Assert.Contains(evaluations, e => e.Initiative == "initiatives/hackney-local-vision" && e.Findings.Any(f => f.RuleId == "DETECTION_ARTEFACT"));
    }

    [Fact]
    public async Task StreamEvaluations_BadFilter_IsInvalidArgument()
    {
        using var call = Client.StreamEvaluations(new StreamEvaluationsRequest { Filter = "kind ==" }, cancellationToken: Ct);

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, async () => await call.ResponseStream.MoveNext(Ct));

        RpcAssert.HasViolation(error, "filter");
    }

    [Fact]
    public async Task ListRules_Always_DescribesEveryRuleOfTheDomainTable()
    {
        var rules = await Client.ListRulesAsync(new ListRulesRequest(), cancellationToken: Ct);

        string[] table =
        [
            "SENIOR_EARLY", "SENIOR_LATE", "EXIT_NO_SUCCESSOR", "EXIT_HANDOVER", "PRIOR_TIE", "BURNING_PLATFORM", "BCF_DISTRACTION",
            "PLACE_BASED_FIT", "NO_SUPPORT", "NO_MOU", "COMMUNITY_LIGHT_BULB", "STRATEGIC_NO_METRICS", "COMMUNITY_MEASURABLE",
            "LEADERSHIP_GAP", "PARTNERSHIP_BODY_OWNER", "FEW_CLINICIANS", "DETECTION_ARTEFACT", "UNFOCUSED", "SCALE_UP_LIKELY", "SHORT_NO_FOLLOW_ON",
        ];
        Assert.All(table, id => Assert.Contains(rules.Rules, r => r.Id == id && r.Polarity != Polarity.Unspecified && r.ReportSection.Length > 0));
    }

    [Fact]
    public async Task ListCodes_Mechanisms_AreTheCataloguesMechanisms()
    {
        var codes = await Client.ListCodesAsync(new ListCodesRequest { Kind = V1.CodeKind.Mechanism }, cancellationToken: Ct);

        Assert.Contains(codes.Codes, c => c.Code == "HOLDING_UP_THE_MIRROR");
        Assert.All(codes.Codes, c => Assert.Equal(V1.CodeKind.Mechanism, c.Kind));
    }
}
