using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>InsightService through a real channel: the published Lipset analysis as a case table, and the shipped cases.</summary>
public sealed class InsightApiTests(SeededServerFixture fixture)
{
    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MinimizeTruthTableRequest Minimize(string outcome, SolutionType type)
    {
        var request = new MinimizeTruthTableRequest { Outcome = outcome, InclusionCutoff = 1, SolutionType = type, CaseTable = Lipset.Table() };
        request.Conditions.AddRange(Lipset.Conditions);
        return request;
    }

    [Fact]
    public async Task BuildTruthTable_Lipset_HasThePublishedRows()
    {
        var request = new BuildTruthTableRequest { Outcome = "SURV", InclusionCutoff = 1, CaseTable = Lipset.Table() };
        request.Conditions.AddRange(Lipset.Conditions);

        var response = await Client.BuildTruthTableAsync(request, cancellationToken: Ct);
        var rows = response.Rows.ToDictionary(r => string.Concat(r.Configuration), r => r);

        Assert.Equal(9, rows.Count);
        Assert.Equal(["BE", "CZ", "NL", "UK"], rows["11111"].Cases.Order());
        Assert.Equal("1", rows["10101"].Outcome);
        Assert.Equal("0", rows["00000"].Outcome);
        Assert.Equal(["ES", "GR", "PT"], rows["00000"].Cases.Order());
        Assert.DoesNotContain(response.Rows, r => r.Contradictory);
        Assert.Equal(23, response.RemainderCount);
    }

    [Fact]
    public async Task MinimizeTruthTable_LipsetConservative_IsThePublishedSolutionWithItsCoverage()
    {
        var response = await Client.MinimizeTruthTableAsync(Minimize("SURV", SolutionType.Conservative), cancellationToken: Ct);

        var model = Assert.Single(response.Models);
        Assert.Equal("DEV*~URB*LIT*STB + DEV*LIT*IND*STB", model.Expression);
        Assert.Equal(1, model.Consistency, 3);
        Assert.Equal(1, model.Coverage, 3);
        Assert.Equal([0.5, 0.75], model.Terms.Select(t => Math.Round(t.RawCoverage, 3)));
        Assert.Equal([0.25, 0.5], model.Terms.Select(t => Math.Round(t.UniqueCoverage, 3)));
    }

    [Fact]
    public async Task MinimizeTruthTable_LipsetParsimonious_IsDevStbWithFiveSimplifyingAssumptions()
    {
        var response = await Client.MinimizeTruthTableAsync(Minimize("SURV", SolutionType.Parsimonious), cancellationToken: Ct);

        Assert.Equal("DEV*STB", Assert.Single(response.Models).Expression);
        Assert.Equal(["10001", "10011", "11001", "11011", "11101"], response.SimplifyingAssumptions.Order());
    }

    [Fact]
    public async Task MinimizeTruthTable_LipsetNegatedOutcome_GivesBothPublishedSolutions()
    {
        var conservative = await Client.MinimizeTruthTableAsync(Minimize("~SURV", SolutionType.Conservative), cancellationToken: Ct);
        var parsimonious = await Client.MinimizeTruthTableAsync(Minimize("~SURV", SolutionType.Parsimonious), cancellationToken: Ct);

        Assert.Equal("~DEV*~URB*~IND + DEV*LIT*IND*~STB", Assert.Single(conservative.Models).Expression);
        Assert.Equal([0.8, 0.2], conservative.Models[0].Terms.Select(t => Math.Round(t.RawCoverage, 3)));
        var model = Assert.Single(parsimonious.Models);
        Assert.Equal("~DEV + ~STB", model.Expression);
        Assert.Equal([0.8, 0.7], model.Terms.Select(t => Math.Round(t.RawCoverage, 3)));
        Assert.Equal([0.3, 0.2], model.Terms.Select(t => Math.Round(t.UniqueCoverage, 3)));
    }

    [Fact]
    public async Task MinimizeTruthTable_CaseTableMissingAValue_IsInvalidArgumentNamingTheCase()
    {
        var request = Minimize("SURV", SolutionType.Conservative);
        request.CaseTable.Cases[3].Memberships.Remove("IND");

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.MinimizeTruthTableAsync(request, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "case_table.cases[3].memberships");
    }

    [Fact]
    public async Task AnalyzeConditions_MomentumOnTheShippedCases_GivesStatisticsWithTheirCases()
    {
        var request = new AnalyzeConditionsRequest { Outcome = "MOMENTUM" };
        request.Conditions.Add("SENIOR_ENGAGEMENT_EARLY");
        request.Conditions.Add("COMMUNITY_ENGAGEMENT");

        var response = await Client.AnalyzeConditionsAsync(request, cancellationToken: Ct);

        Assert.NotEmpty(response.Conditions);
        Assert.All(response.Conditions, c =>
        {
            Assert.InRange(c.SufficiencyConsistency, 0, 1);
            Assert.InRange(c.Crisp.FisherP, 0, 1);
            Assert.Equal(c.Crisp.Both + c.Crisp.ConditionOnly, c.CasesInCondition.Count);
        });
        Assert.Contains(response.Cases, c => c == "initiatives/hackney-local-vision");
    }

    [Fact]
    public async Task SelectCohort_LondonBoroughMinimum_PicksOneAndExplainsEveryExclusion()
    {
        var request = new SelectCohortRequest { Size = 3 };
        request.Candidates.AddRange(["initiatives/plymouth-local-vision", "initiatives/hackney-local-vision", "initiatives/suffolk-local-vision",
            "initiatives/wirral-local-vision", "initiatives/merton-local-vision", "initiatives/kent-local-vision"]);
        request.Constraints.Add(new CohortConstraint { Attribute = "laType", Value = "LONDON_BOROUGH", Min = 1, Max = 1 });

        var response = await Client.SelectCohortAsync(request, cancellationToken: Ct);

        Assert.Equal(3, response.Selected.Count);
        Assert.Single(response.Selected, c => c.Initiative is "initiatives/hackney-local-vision" or "initiatives/merton-local-vision");
        Assert.True(response.Optimal);
        Assert.Equal(3, response.Excluded.Count);
        Assert.All(response.Excluded, e => Assert.NotEmpty(e.Reasons));
        Assert.DoesNotContain(response.Selected, c => c.Initiative == "initiatives/suffolk-local-vision");
    }

    [Fact]
    public async Task SelectCohort_MoreLondonBoroughsThanApply_IsFailedPreconditionNamingTheConstraintAndHowToRelaxIt()
    {
        var request = new SelectCohortRequest { Size = 3, Filter = "kind = \"LV_PROJECT\"" };
        request.Constraints.Add(new CohortConstraint { Attribute = "laType", Value = "UNITARY", Min = 1 });
        request.Constraints.Add(new CohortConstraint { Attribute = "laType", Value = "LONDON_BOROUGH", Min = 3 });

        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Client.SelectCohortAsync(request, cancellationToken: Ct));

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations);
        Assert.Equal(("COHORT_CONSTRAINT_RULES_OUT_EVERY_COHORT", "constraints[1]"), (violation.Type, violation.Subject));
        Assert.Equal("At least 3 London boroughs are asked for, but only 2 applicants qualify: lower the minimum to 2, or add applicants in London boroughs.", violation.Description);
    }

    [Fact]
    public async Task SelectCohort_SampleProjectsAllAskingTheSameFunding_StatesTheTieBreakAndUsesIt()
    {
        var response = await Client.SelectCohortAsync(new SelectCohortRequest { Size = 4, Filter = "kind = \"LV_PROJECT\"" }, cancellationToken: Ct);

        Assert.Contains("cheaper", response.TieBreak);
        Assert.All(response.Selected.Concat(response.Excluded), c => Assert.Equal(27_000, c.Funding));
        // Equal funding everywhere: wherever an exclusion tied on readiness, the reasons say the ranking decided and how.
        var tied = response.Excluded.SelectMany(e => e.Reasons).Where(r => r.Contains("ties on readiness", StringComparison.Ordinal)).ToList();
        Assert.All(tied, r => Assert.Contains("the higher-ranked applicant where the two differ", r));
        Assert.DoesNotContain(response.Excluded.SelectMany(e => e.Reasons), r => r.Contains("27000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelectCohort_NoApplicantsMarked_IsFailedPrecondition()
    {
        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Client.SelectCohortAsync(new SelectCohortRequest { Size = 2 }, cancellationToken: Ct));
    }
}
