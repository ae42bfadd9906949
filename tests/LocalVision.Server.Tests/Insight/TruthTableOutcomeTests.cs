using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>
/// The truth table says what the minimiser does (#19): a contradictory row shows the outcome the minimisation
/// uses, with the contradiction as its own flag; and the condition limit counts X and ~X once.
/// </summary>
public sealed class TruthTableOutcomeTests(SeededServerFixture fixture)
{
    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The smallest case: A*B four times in Y and once out of it, ~A*B once out of Y.</summary>
    private static CaseTable ContradictoryRow()
    {
        (string Name, double A, double B, double Y)[] cases =
            [("c1", 1, 1, 1), ("c2", 1, 1, 1), ("c3", 1, 1, 1), ("c4", 1, 1, 1), ("c5", 1, 1, 0), ("c6", 0, 1, 0)];
        var table = new CaseTable();
        foreach (var (name, a, b, y) in cases)
        {
            table.Cases.Add(new Case { Name = name, Memberships = { ["A"] = a, ["B"] = b, ["Y"] = y } });
        }
        return table;
    }

    [Fact]
    public async Task BuildTruthTable_ContradictoryRowAtTheCutoff_HasOutcomeOneFlaggedWithTheCasesOnEachSide()
    {
        var request = new BuildTruthTableRequest { Outcome = "Y", Conditions = { "A", "B" }, InclusionCutoff = 0.8, CaseTable = ContradictoryRow() };

        var response = await Client.BuildTruthTableAsync(request, cancellationToken: Ct);

        var row = Assert.Single(response.Rows, r => string.Concat(r.Configuration) == "11");
        Assert.Equal(0.8, row.Consistency, 6);
        Assert.Equal("1", row.Outcome);
        Assert.True(row.Contradictory);
        Assert.Equal(["c1", "c2", "c3", "c4"], row.CasesInOutcome);
        Assert.Equal(["c5"], row.CasesOutOfOutcome);
        var other = Assert.Single(response.Rows, r => string.Concat(r.Configuration) == "01");
        Assert.Equal(("0", false), (other.Outcome, other.Contradictory));
        Assert.Equal(["c6"], other.CasesOutOfOutcome);
        Assert.Empty(other.CasesInOutcome);
    }

    [Fact]
    public async Task MinimizeTruthTable_ContradictoryRowAtTheCutoff_AgreesWithTheRowsOutcome()
    {
        var request = new MinimizeTruthTableRequest { Outcome = "Y", Conditions = { "A", "B" }, InclusionCutoff = 0.8, CaseTable = ContradictoryRow() };

        var response = await Client.MinimizeTruthTableAsync(request, cancellationToken: Ct);

        Assert.Equal("A*B", Assert.Single(response.Models).Expression);
    }

    [Fact]
    public async Task BuildTruthTable_BelowTheFrequencyCutoff_IsARemainderEvenWhenContradictory()
    {
        var request = new BuildTruthTableRequest
        {
            Outcome = "Y", Conditions = { "A", "B" }, InclusionCutoff = 0.8, FrequencyCutoff = 6, CaseTable = ContradictoryRow(),
        };

        var response = await Client.BuildTruthTableAsync(request, cancellationToken: Ct);

        var row = Assert.Single(response.Rows, r => string.Concat(r.Configuration) == "11");
        Assert.Equal(("?", true), (row.Outcome, row.Contradictory));
    }

    [Fact]
    public async Task AnalyzeConditions_SeventeenConditionsAndTheirNegations_IsAccepted()
    {
        var response = await Client.AnalyzeConditionsAsync(Conditions(17, withNegations: true), cancellationToken: Ct);

        Assert.Equal(34, response.Conditions.Count);
        Assert.Contains(response.Conditions, c => c.Condition == "~X17");
    }

    [Fact]
    public async Task AnalyzeConditions_TwentyFourConditionsBothWays_IsAcceptedButTwentyFiveAreNot()
    {
        var accepted = await Client.AnalyzeConditionsAsync(Conditions(24, withNegations: true), cancellationToken: Ct);
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Client.AnalyzeConditionsAsync(Conditions(25, withNegations: false), cancellationToken: Ct));

        Assert.Equal(48, accepted.Conditions.Count);
        RpcAssert.HasViolation(error, "conditions");
    }

    /// <summary>A case table over X1..Xn and Y, its memberships varied so that every statistic is defined.</summary>
    private static AnalyzeConditionsRequest Conditions(int count, bool withNegations)
    {
        var request = new AnalyzeConditionsRequest { Outcome = "Y", CaseTable = new CaseTable() };
        for (var c = 0; c < 8; c++)
        {
            var @case = new Case { Name = "case" + c, Memberships = { ["Y"] = c % 2 } };
            for (var i = 1; i <= count; i++)
            {
                @case.Memberships["X" + i] = ((c + i) % 3) / 2.0;
            }
            request.CaseTable.Cases.Add(@case);
        }
        for (var i = 1; i <= count; i++)
        {
            request.Conditions.Add("X" + i);
            if (withNegations)
            {
                request.Conditions.Add("~X" + i);
            }
        }
        return request;
    }
}
