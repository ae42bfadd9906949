using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>
/// Every analysis says which cases it used and which it left out, and why; no condition vanishes; the unknowns are
/// read as the request says; and the caveats a careful analyst raises come back with the figures.
/// </summary>
public sealed class CaseAccountingTests(SeededServerFixture fixture)
{
    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnalyzeConditions_ShippedCases_ListsEveryConditionWithItsOwnCasesAndNoneVanish()
    {
        var response = await Client.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { Outcome = "MOMENTUM" }, cancellationToken: Ct);

        // The report's headline ingredient rests on 2 cases: it comes back flagged, not missing.
        var senior = Assert.Single(response.Conditions, c => c.Condition == "SENIOR_ENGAGEMENT_EARLY");
        Assert.True(senior.TooFewCases);
        Assert.False(senior.Judgeable);
        Assert.Equal(senior.Cases.Count, senior.N);
        Assert.All(response.Conditions, c =>
        {
            Assert.Equal(c.N, c.Crisp.Both + c.Crisp.ConditionOnly + c.Crisp.OutcomeOnly + c.Crisp.Neither);
            Assert.Empty(c.Cases.Intersect(c.Excluded.Select(e => e.Name)));
            Assert.All(c.Excluded, e => Assert.Equal(ExclusionReason.Unknown, e.Reason));
            Assert.NotEmpty(c.Summary);
        });
        // Every project is either used by a condition or left out of it with the reason.
        var projects = response.Conditions[0].Cases.Concat(response.Conditions[0].Excluded.Select(e => e.Name)).ToHashSet();
        Assert.All(response.Conditions, c => Assert.Equal(projects, c.Cases.Concat(c.Excluded.Select(e => e.Name)).ToHashSet()));
        Assert.All(response.Excluded, e => Assert.Contains("MOMENTUM", e.Sets));
        Assert.Equal(projects.Count, response.CasesWithOutcome + response.Excluded.Count);
    }

    [Fact]
    public async Task AnalyzeConditions_ShippedCases_SaysTheOutcomeHasLittleContrastAndRanksNoNilContrastConditionAsJudgeable()
    {
        var response = await Client.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { Outcome = "MOMENTUM" }, cancellationToken: Ct);

        Assert.Contains(response.Warnings, w => w.StartsWith($"MOMENTUM has little contrast: {response.CasesInOutcome} of the {response.CasesWithOutcome}", StringComparison.Ordinal));
        var clinician = Assert.Single(response.Conditions, c => c.Condition == "CLINICIAN_ENGAGEMENT");
        Assert.Equal((4, 0, 0, 0), (clinician.Crisp.Both, clinician.Crisp.ConditionOnly, clinician.Crisp.OutcomeOnly, clinician.Crisp.Neither));
        Assert.False(clinician.Judgeable);
        Assert.Contains(clinician.Caveats, c => c.StartsWith("no contrast: all 4 of the cases are in CLINICIAN_ENGAGEMENT", StringComparison.Ordinal));
        // Judgeable conditions come first, so the first is never one whose contrast is nil.
        Assert.Equal(response.Conditions.OrderByDescending(c => c.Judgeable).Select(c => c.Judgeable), response.Conditions.Select(c => c.Judgeable));
        Assert.All(response.Conditions.Where(c => c.Judgeable), c => Assert.InRange(c.Crisp.Both + c.Crisp.ConditionOnly, 1, c.N - 1));
    }

    [Theory]
    [InlineData(UnknownPolicy.AsAbsent)]
    [InlineData(UnknownPolicy.AsPresent)]
    public async Task AnalyzeConditions_UnknownsReadAsAValue_UsesEveryCaseWithTheOutcome(UnknownPolicy policy)
    {
        var request = new AnalyzeConditionsRequest { Outcome = "MOMENTUM", UnknownPolicy = policy };
        request.Conditions.AddRange(["SENIOR_ENGAGEMENT_EARLY", "COMMUNITY_ENGAGEMENT"]);

        var response = await Client.AnalyzeConditionsAsync(request, cancellationToken: Ct);

        Assert.All(response.Conditions, c => Assert.Equal(response.CasesWithOutcome, c.N));
        var senior = response.Conditions[0];
        // The two projects that record it have it; the others count as what the policy says.
        Assert.Equal(policy == UnknownPolicy.AsPresent ? response.CasesWithOutcome : 2, senior.Crisp.Both + senior.Crisp.ConditionOnly);
        Assert.Contains(response.Warnings, w => w.Contains(policy == UnknownPolicy.AsAbsent ? "read as absent" : "read as present", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalyzeConditions_Bounds_EachFitLiesBetweenTheExtremesAndTheExtremesAreTheOtherPolicies()
    {
        var bounds = await Client.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { Outcome = "MOMENTUM", UnknownPolicy = UnknownPolicy.Bounds }, cancellationToken: Ct);
        var absent = await Client.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { Outcome = "MOMENTUM", UnknownPolicy = UnknownPolicy.AsAbsent }, cancellationToken: Ct);
        var present = await Client.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { Outcome = "MOMENTUM", UnknownPolicy = UnknownPolicy.AsPresent }, cancellationToken: Ct);

        Assert.All(bounds.Conditions, c =>
        {
            Assert.NotNull(c.Bounds);
            // The identity the policy rests on: the figure with the unknowns dropped lies within the two extremes.
            Within(c.Bounds.SufficiencyConsistency, c.SufficiencyConsistency);
            Within(c.Bounds.SufficiencyCoverage, c.SufficiencyCoverage);
            Within(c.Bounds.NecessityConsistency, c.NecessityConsistency);
            Within(c.Bounds.NecessityCoverage, c.NecessityCoverage);
            var a = absent.Conditions.Single(x => x.Condition == c.Condition);
            var p = present.Conditions.Single(x => x.Condition == c.Condition);
            Assert.Equal(Math.Min(a.SufficiencyCoverage, p.SufficiencyCoverage), c.Bounds.SufficiencyCoverage.Low, 12);
            Assert.Equal(Math.Max(a.SufficiencyCoverage, p.SufficiencyCoverage), c.Bounds.SufficiencyCoverage.High, 12);
        });
    }

    private static void Within(FigureRange range, double value)
    {
        if (!double.IsNaN(value))
        {
            Assert.InRange(value, range.Low - 1e-12, range.High + 1e-12);
        }
    }

    [Fact]
    public async Task AnalyzeConditions_UndefinedUnknownPolicy_IsInvalidArgumentOnTheField()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { UnknownPolicy = (UnknownPolicy)99 }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "unknown_policy");
    }

    [Fact]
    public async Task BuildTruthTable_FrequencyCutoffTwo_ListsTheCasesOfSingleCaseRowsAsLeftOut()
    {
        var request = new BuildTruthTableRequest { Outcome = "SURV", InclusionCutoff = 1, FrequencyCutoff = 2, CaseTable = Lipset.Table() };
        request.Conditions.AddRange(Lipset.Conditions);

        var response = await Client.BuildTruthTableAsync(request, cancellationToken: Ct);

        var single = response.Rows.Where(r => r.N == 1).SelectMany(r => r.Cases).Order().ToList();
        Assert.NotEmpty(single);
        Assert.Equal(single, response.Excluded.Where(e => e.Reason == ExclusionReason.BelowFrequencyCutoff).Select(e => e.Name).Order());
        Assert.Equal(18, response.CaseCount);
    }

    [Fact]
    public async Task BuildTruthTable_ShippedCases_LeavesOutTheUnrecordedWithTheSetsTheyLack()
    {
        var request = new BuildTruthTableRequest { Outcome = "MOMENTUM" };
        request.Conditions.AddRange(["LEVEL_STRATEGIC", "POLITICAL_ENGAGEMENT"]);

        var response = await Client.BuildTruthTableAsync(request, cancellationToken: Ct);

        Assert.Equal(response.CaseCount, response.Rows.Sum(r => r.N));
        Assert.NotEmpty(response.Excluded);
        Assert.All(response.Excluded, e =>
        {
            Assert.Equal(ExclusionReason.Unknown, e.Reason);
            Assert.NotEmpty(e.Sets);
            Assert.Equal($"no value for {string.Join(", ", e.Sets)}", e.Explanation);
        });
    }

    [Fact]
    public async Task MinimizeTruthTable_LipsetParsimonious_NamesTheAssumptionsItSharesWithTheNegatedOutcome()
    {
        MinimizeTruthTableRequest Request(string outcome)
        {
            var request = new MinimizeTruthTableRequest { Outcome = outcome, InclusionCutoff = 1, SolutionType = SolutionType.Parsimonious, CaseTable = Lipset.Table() };
            request.Conditions.AddRange(Lipset.Conditions);
            return request;
        }

        var survival = await Client.MinimizeTruthTableAsync(Request("SURV"), cancellationToken: Ct);
        var breakdown = await Client.MinimizeTruthTableAsync(Request("~SURV"), cancellationToken: Ct);

        Assert.Equal(survival.SimplifyingAssumptions.Intersect(breakdown.SimplifyingAssumptions).Order(), survival.ContradictoryAssumptions);
        Assert.Equal(18, survival.CaseCount);
        Assert.Empty(survival.Excluded);
    }

    [Fact]
    public async Task AnalyzeNecessity_Bounds_ConsistencyLiesBetweenTheExtremes()
    {
        var request = new AnalyzeNecessityRequest { Outcome = "MOMENTUM", ConsistencyCutoff = 0.5, UnknownPolicy = UnknownPolicy.Bounds };
        request.Conditions.AddRange(["LEVEL_STRATEGIC", "COMMUNITY_ENGAGEMENT"]);

        var response = await Client.AnalyzeNecessityAsync(request, cancellationToken: Ct);

        Assert.NotEmpty(response.Conditions);
        Assert.All(response.Conditions, c => Within(c.ConsistencyBounds, c.Consistency));
        var all = await Client.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { Outcome = "MOMENTUM" }, cancellationToken: Ct);
        Assert.Equal(all.CasesWithOutcome + all.Excluded.Count, response.CaseCount + response.Excluded.Count);
    }
}
