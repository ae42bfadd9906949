using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>
/// TestRobustness and Enhanced Standard Analysis through a real channel (and TestRobustness over JSON): the Lipset
/// data for figures, the shipped graph for unknown policies, and refusals naming each field.
/// </summary>
public sealed class RobustnessTests(SeededServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.WebAddress };

    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    private static MinimizeTruthTableRequest LipsetRequest(SolutionType type = SolutionType.Conservative)
    {
        var request = new MinimizeTruthTableRequest { Outcome = "SURV", InclusionCutoff = 1, SolutionType = type, CaseTable = Lipset.Table() };
        request.Conditions.AddRange(Lipset.Conditions);
        return request;
    }

    [Fact]
    public async Task TestRobustness_LipsetEachCaseLeftOut_CoreIsInEveryRunAndTheFitIsReported()
    {
        var request = new TestRobustnessRequest { Minimization = LipsetRequest(), LeaveOneCaseOut = true };
        request.InclusionCutoffs.Add(0.8);

        var response = await Client.TestRobustnessAsync(request, cancellationToken: Ct);

        // Rihoux and De Meur's conservative solution for survival (shared/qca/lipset-crisp.md).
        Assert.Equal(["DEV*~URB*LIT*STB + DEV*LIT*IND*STB"], response.Initial.Models);
        Assert.Equal(1 + 18, response.Tests.Count);
        Assert.Equal("inclusion 0.8", response.Tests[0].Label);
        Assert.Equal("without AU", response.Tests[1].Label);
        Assert.All(response.Tests.Prepend(response.Initial), run => Assert.All(response.RobustCore, term => Assert.Contains(term, run.Terms)));
        Assert.InRange(response.Initial.Consistency, response.Consistency.Low, response.Consistency.High);
        Assert.InRange(response.Initial.Coverage, response.Coverage.Low, response.Coverage.High);
        // Every positive row has at least two cases, so leaving one out changes no row: the whole solution is the
        // robust core, no case moves, and the fit parameters are 1.
        Assert.Equal(["DEV*~URB*LIT*STB", "DEV*LIT*IND*STB"], response.RobustCore);
        Assert.Empty(response.MovingCases);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (response.Fit.RfCov, response.Fit.RfCons, response.Fit.RfScMinTs, response.Fit.RfScMaxTs));
    }

    [Fact]
    public async Task TestRobustness_ShippedGraph_RunsEachUnknownPolicy()
    {
        var minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM" };
        minimization.Conditions.Add("COMMUNITY_ENGAGEMENT");
        var request = new TestRobustnessRequest { Minimization = minimization };
        request.UnknownPolicies.Add(UnknownPolicy.Bounds);

        var response = await Client.TestRobustnessAsync(request, cancellationToken: Ct);

        Assert.Equal(["unknowns as absent", "unknowns as present"], response.Tests.Select(t => t.Label));
        Assert.All(response.Tests, t => Assert.True(t.CaseCount >= response.Initial.CaseCount, $"{t.Label} reads the unknowns, so it drops no case"));
    }

    [Fact]
    public async Task TestRobustness_NothingToVaryBadCutoffsAndCalibrationOverTheGraph_AreRefusedNamingEachField()
    {
        var nothing = new TestRobustnessRequest { Minimization = LipsetRequest() };
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.TestRobustnessAsync(nothing, cancellationToken: Ct));
        RpcAssert.HasViolation(error, "inclusion_cutoffs");

        var bad = new TestRobustnessRequest { Minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM" } };
        bad.InclusionCutoffs.Add(1.5);
        bad.FrequencyCutoffs.Add(0);
        error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.TestRobustnessAsync(bad, cancellationToken: Ct));
        RpcAssert.HasViolation(error, "minimization.conditions");
        RpcAssert.HasViolation(error, "inclusion_cutoffs[0]");
        RpcAssert.HasViolation(error, "frequency_cutoffs[0]");

        var overGraph = new TestRobustnessRequest { Minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM" } };
        overGraph.Minimization.Conditions.Add("COMMUNITY_ENGAGEMENT");
        var variation = new CalibrationVariation { Condition = "COMMUNITY_ENGAGEMENT" };
        variation.Anchors.Add(new CalibrationAnchors { Exclusion = 1, Crossover = 2, Inclusion = 3 });
        overGraph.Calibrations.Add(variation);
        error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.TestRobustnessAsync(overGraph, cancellationToken: Ct));
        RpcAssert.HasViolation(error, "calibrations[0]");
    }

    [Fact]
    public async Task TestRobustness_Json_AnswersOnTheWebPort()
    {
        var request = new TestRobustnessRequest { Minimization = LipsetRequest() };
        request.FrequencyCutoffs.Add(2);

        using var response = await _http.PostAsync("/v1/truthTables:testRobustness",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(request), System.Text.Encoding.UTF8, "application/json"), Ct);

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("frequency 2", body.GetProperty("tests")[0].GetProperty("label").GetString());
        // Rows of one case become remainders, all of them negative ones: the conservative solution stays whole.
        Assert.Equal(["DEV*~URB*LIT*STB", "DEV*LIT*IND*STB"], body.GetProperty("robustCore").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task MinimizeTruthTable_ExcludingContradictoryAssumptions_KeepsThemOutOfTheSolution()
    {
        // One case with A and B and the outcome, one with neither and without it: A and B each explain Y through a
        // remainder (10, 01), and ~A and ~B explain ~Y through the same two, so both are contradictory assumptions.
        MinimizeTruthTableRequest Request()
        {
            var request = new MinimizeTruthTableRequest { Outcome = "Y", InclusionCutoff = 1, SolutionType = SolutionType.Parsimonious, CaseTable = new CaseTable() };
            request.CaseTable.Cases.Add(new Case { Name = "a", Memberships = { ["A"] = 1, ["B"] = 1, ["Y"] = 1 } });
            request.CaseTable.Cases.Add(new Case { Name = "b", Memberships = { ["A"] = 0, ["B"] = 0, ["Y"] = 0 } });
            request.Conditions.AddRange(["A", "B"]);
            return request;
        }
        var plain = await Client.MinimizeTruthTableAsync(Request(), cancellationToken: Ct);
        var enhanced = Request();
        enhanced.ExcludeContradictoryAssumptions = true;

        var response = await Client.MinimizeTruthTableAsync(enhanced, cancellationToken: Ct);

        Assert.Equal(["A", "B"], plain.Models.Select(m => m.Expression));
        Assert.Equal(["01", "10"], plain.ContradictoryAssumptions);
        Assert.Equal(["01", "10"], response.ExcludedRemainders);
        Assert.Equal("A*B", Assert.Single(response.Models).Expression);
        Assert.Empty(response.ContradictoryAssumptions);
        Assert.Empty(response.SimplifyingAssumptions);
    }

    [Fact]
    public async Task MinimizeTruthTable_UntenablePositiveRow_IsRefusedNamingIt()
    {
        var request = LipsetRequest(SolutionType.Parsimonious);
        request.UntenableRemainders.AddRange(["11111", "1"]);

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.MinimizeTruthTableAsync(request, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "untenable_remainders[0]");
        RpcAssert.HasViolation(error, "untenable_remainders[1]");
    }
}
