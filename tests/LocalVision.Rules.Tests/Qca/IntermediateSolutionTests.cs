using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// Intermediate solutions on the crisp Lipset data. The expected results are derived by hand from the
/// published conservative (DEV*~URB*LIT*STB + DEV*LIT*IND*STB) and parsimonious (DEV*STB) solutions.
/// </summary>
public sealed class IntermediateSolutionTests
{
    private static TruthTable Lipset() =>
        TruthTable.Build(PublishedDatasets.LipsetCrisp(), "SURV", PublishedDatasets.LipsetConditions);

    [Fact]
    public void Minimize_AllExpectedPresent_DropsOnlyTheLiteralAgainstExpectation()
    {
        var expectations = PublishedDatasets.LipsetConditions.ToDictionary(c => c, _ => DirectionalExpectation.Present);

        var result = BooleanMinimization.Minimize(Lipset(), new MinimizationOptions(SolutionType.Intermediate, expectations), TestContext.Current.CancellationToken);

        // ~URB goes from DEV*~URB*LIT*STB (urbanisation was expected to help), giving DEV*LIT*STB, whose one
        // remainder 11101 is the easy counterfactual; with it the positive rows merge into DEV*LIT*STB.
        var model = Assert.Single(result.Models);
        Assert.Equal("DEV*LIT*STB", model.Expression);
        Assert.Equal(1.0, model.Consistency, 12);
        Assert.Equal(1.0, model.Coverage, 12);
        var derivation = model.Intermediate!;
        Assert.Equal(["11101"], derivation.EasyCounterfactuals.Configurations);
        Assert.Equal(["10001", "10011", "11001", "11011"], derivation.DifficultCounterfactuals.Configurations);
        Assert.Equal(4, derivation.DifficultCounterfactuals.Count);
    }

    [Fact]
    public void Minimize_UrbanisationExpectedAbsent_KeepsTheConservativeTerms()
    {
        var expectations = new Dictionary<string, DirectionalExpectation> { ["URB"] = DirectionalExpectation.Absent };

        var result = BooleanMinimization.Minimize(Lipset(), new MinimizationOptions(SolutionType.Intermediate, expectations), TestContext.Current.CancellationToken);

        var model = Assert.Single(result.Models);
        Assert.Equal("DEV*~URB*LIT*STB + DEV*LIT*IND*STB", model.Expression);
        Assert.Equal(0, model.Intermediate!.EasyCounterfactuals.Count);
        Assert.Equal(5, model.Intermediate.DifficultCounterfactuals.Count);
    }

    [Fact]
    public void Minimize_ExpectationOnNegatedName_ReadsAsTheOppositeExpectation()
    {
        var expectations = new Dictionary<string, DirectionalExpectation> { ["~URB"] = DirectionalExpectation.Absent };

        var result = BooleanMinimization.Minimize(Lipset(), new MinimizationOptions(SolutionType.Intermediate, expectations), TestContext.Current.CancellationToken);

        Assert.Equal("DEV*LIT*STB", Assert.Single(result.Models).Expression);
    }

    [Fact]
    public void Minimize_NoExpectations_EqualsConservativeWithAWarning()
    {
        var result = BooleanMinimization.Minimize(Lipset(), new MinimizationOptions(SolutionType.Intermediate), TestContext.Current.CancellationToken);

        Assert.Equal("DEV*~URB*LIT*STB + DEV*LIT*IND*STB", Assert.Single(result.Models).Expression);
        Assert.Contains(result.Warnings, w => w.StartsWith("No directional expectations", StringComparison.Ordinal));
    }

    /// <summary>
    /// No row negative: R's QCA stops with "All truth table configurations are used, all conditions are minimized"
    /// for the intermediate solution, where this used to answer with a limited-diversity warning (#18).
    /// </summary>
    [Fact]
    public void Minimize_NoNegativeRow_IsRefusedInRsWords()
    {
        var table = TruthTable.Build(
            MultipleModelTests.Cases(("p1", "11111", 1), ("p2", "10101", 1), ("p3", "10111", 1), ("p4", "10100", 1)), "Y", ["A", "B", "C", "D", "E"]);
        var expectations = new Dictionary<string, DirectionalExpectation> { ["A"] = DirectionalExpectation.Present };

        var refused = Assert.Throws<MinimizationRefusedException>(() =>
            BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Intermediate, expectations), TestContext.Current.CancellationToken));
        var conservative = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Conservative), TestContext.Current.CancellationToken);

        Assert.Equal(MinimizationRefusedException.AllConfigurationsUsed, refused.Reason);
        Assert.StartsWith("All truth table configurations are used, all conditions are minimized", refused.Message, StringComparison.Ordinal);
        Assert.NotEmpty(conservative.Models);
    }

    [Fact]
    public void Minimize_ExpectationForUnknownCondition_Throws()
    {
        var expectations = new Dictionary<string, DirectionalExpectation> { ["GDP"] = DirectionalExpectation.Present };

        Assert.Throws<GraphValidationException>(() =>
            BooleanMinimization.Minimize(Lipset(), new MinimizationOptions(SolutionType.Intermediate, expectations), TestContext.Current.CancellationToken));
    }
}
