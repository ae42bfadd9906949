using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Insight;
using LocalVision.Rules.Tests.Evaluation.Support;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Insight;

/// <summary>How an analysis gets its cases, with no server: the analyst's table checked whole, the graph's projects evaluated.</summary>
public sealed class InsightCasesTests
{
    private static readonly DateOnly AsOf = new(2015, 9, 1);

    private static Case Case(string name, params (string Set, double Value)[] memberships) =>
        new(name, memberships.ToDictionary(m => m.Set, m => m.Value, StringComparer.Ordinal));

    [Fact]
    public async Task Select_AnalystTableMissingAValueAndOutOfRange_RefusesItNamingEveryCase()
    {
        await using var temp = TempStore.Create();
        var cases = new InsightCases(new EvaluationEngine(temp.Store));
        var source = new CaseSource([Case("a", ("X", 1), ("Y", 1)), Case("b", ("Y", 0)), Case("c", ("X", 1.5), ("Y", 0))], AsOf);

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => cases.SelectAsync(source, "Y", ["X"], CancellationToken.None));

        Assert.Equal(["case_table.cases[1].memberships", "case_table.cases[2].memberships[X]"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Select_AnalystTable_UsesItsCasesAsGiven()
    {
        await using var temp = TempStore.Create();
        var cases = new InsightCases(new EvaluationEngine(temp.Store));
        var source = new CaseSource([Case("a", ("X", 1), ("Y", 1)), Case("b", ("X", 0), ("Y", 0.2))], AsOf);

        var selection = await cases.SelectAsync(source, "~Y", ["X"], CancellationToken.None);

        Assert.Equal(["a", "b"], selection.Cases.CaseNames);
        Assert.Equal([0.0, 0.8], selection.Cases.Memberships("~Y"));
        Assert.Equal(["X"], await cases.DefaultConditionsAsync(source, "Y", 3, CancellationToken.None));
    }

    [Fact]
    public async Task Select_GraphProjects_LeavesOutTheOneWithoutTheConditionAndSaysWhy()
    {
        await using var temp = TempStore.Create();
        await temp.Store.WriteAsync(new InitiativeGraph("with").Observe(Codes.Momentum, 1).Observe(Codes.CommunityEngagement, 1).Batch(), WriteOptions.None, CancellationToken.None);
        await temp.Store.WriteAsync(new InitiativeGraph("without").Observe(Codes.Momentum, 1).Batch(), WriteOptions.None, CancellationToken.None);
        var cases = new InsightCases(new EvaluationEngine(temp.Store));

        var selection = await cases.SelectAsync(new CaseSource(null, AsOf), Codes.Momentum, [Codes.CommunityEngagement], CancellationToken.None);

        Assert.Equal(["initiatives/with"], selection.Cases.CaseNames);
        Assert.Equal(["initiatives/without left out: no value for COMMUNITY_ENGAGEMENT"], selection.Warnings);
    }

    [Fact]
    public async Task Select_GraphProjectsWithAnUnknownCode_RefusesItAsNoCodeOfTheCatalogue()
    {
        await using var temp = TempStore.Create();
        var cases = new InsightCases(new EvaluationEngine(temp.Store));

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => cases.SelectAsync(new CaseSource(null, AsOf), Codes.Momentum, ["NOT_A_CODE"], CancellationToken.None));

        Assert.Contains("NOT_A_CODE", Assert.Single(error.Violations).Description);
    }
}
