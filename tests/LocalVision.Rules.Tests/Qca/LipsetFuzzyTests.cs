using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// The fuzzy-set Lipset analysis (R QCA's LF, inclusion cut-off 0.8, all directional expectations
/// "present"). Published, and checked here: the three solutions' expressions (R's QCA gives
/// DEV*~URB*LIT*~IND*STB + DEV*URB*LIT*IND*STB, DEV*~IND + URB*STB and DEV*URB*LIT*STB + DEV*LIT*~IND*STB,
/// as reproduced by several public replications) and R's split of the 12 simplifying assumptions into
/// 1 easy and 11 difficult counterfactuals. The fit figures were computed independently of this engine
/// by a brute-force script over the 18 cases (every cube of the 3^5, every cover), not taken from a
/// publication.
/// </summary>
public sealed class LipsetFuzzyTests
{
    private static readonly Dictionary<string, DirectionalExpectation> AllPresent =
        PublishedDatasets.LipsetConditions.ToDictionary(c => c, _ => DirectionalExpectation.Present);

    private static MinimizationResult Minimize(SolutionType type) =>
        BooleanMinimization.Minimize(
            TruthTable.Build(PublishedDatasets.LipsetFuzzy(), "SURV", PublishedDatasets.LipsetConditions, new TruthTableOptions(InclusionCutoff: 0.8)),
            new MinimizationOptions(type, type == SolutionType.Intermediate ? AllPresent : null), TestContext.Current.CancellationToken);

    [Fact]
    public void Minimize_Conservative_MatchesPublishedExpressionAndComputedFit()
    {
        var model = Assert.Single(Minimize(SolutionType.Conservative).Models);

        Assert.Equal("DEV*~URB*LIT*~IND*STB + DEV*URB*LIT*IND*STB", model.Expression);
        Assert.Equal(0.870, model.Consistency, 3);
        Assert.Equal(0.658, model.Coverage, 3);
        Assert.Equal(0.843, model.Pri, 3);
        AssertTerm(model.Terms[0], 0.804, 0.719, 0.265, 0.204, ["FI", "IE"]);
        AssertTerm(model.Terms[1], 0.904, 0.886, 0.454, 0.393, ["BE", "CZ", "NL", "UK"]);
    }

    [Fact]
    public void Minimize_Parsimonious_MatchesPublishedExpressionAndCountsTwelveAssumptions()
    {
        var model = Assert.Single(Minimize(SolutionType.Parsimonious).Models);

        Assert.Equal("DEV*~IND + URB*STB", model.Expression);
        Assert.Equal(0.850, model.Consistency, 3);
        Assert.Equal(0.714, model.Coverage, 3);
        AssertTerm(model.Terms[0], 0.815, 0.721, 0.284, 0.194, ["FI", "IE"]);
        AssertTerm(model.Terms[1], 0.874, 0.845, 0.520, 0.430, ["BE", "CZ", "NL", "UK"]);
        Assert.Equal(12, model.SimplifyingAssumptions.Count);
        Assert.Equal(
            ["01001", "01011", "01101", "01111", "10000", "10001", "10100", "11000", "11001", "11011", "11100", "11101"],
            model.SimplifyingAssumptions.Configurations);
    }

    [Fact]
    public void Minimize_Intermediate_MatchesPublishedExpressionAndCounterfactuals()
    {
        var result = Minimize(SolutionType.Intermediate);

        var model = Assert.Single(result.Models);
        Assert.Equal("DEV*URB*LIT*STB + DEV*LIT*~IND*STB", model.Expression);
        Assert.Equal(0.866, model.Consistency, 3);
        Assert.Equal(0.660, model.Coverage, 3);
        AssertTerm(model.Terms[0], 0.901, 0.879, 0.468, 0.378, ["BE", "CZ", "NL", "UK"]);
        AssertTerm(model.Terms[1], 0.814, 0.721, 0.282, 0.191, ["FI", "IE"]);
        var derivation = Assert.IsType<IntermediateDerivation>(model.Intermediate);
        Assert.Equal("C1P1", derivation.Pair);
        Assert.Empty(derivation.AlsoDerivedFrom);
        Assert.Equal(["11101"], derivation.EasyCounterfactuals.Configurations);
        Assert.Equal(11, derivation.DifficultCounterfactuals.Count);
        Assert.DoesNotContain("11101", derivation.DifficultCounterfactuals.Configurations);
        Assert.Equal(["11101"], model.SimplifyingAssumptions.Configurations);
    }

    [Fact]
    public void Minimize_Conservative_FlagsDeviantCasesOfTheTerms()
    {
        var model = Assert.Single(Minimize(SolutionType.Conservative).Models);

        Assert.All(model.Terms, t => Assert.Empty(t.DeviantCases));
        Assert.Equal(["FR", "SE"], model.UncoveredCases);
    }

    private static void AssertTerm(SolutionTerm term, double consistency, double pri, double raw, double unique, string[] cases)
    {
        Assert.Equal(consistency, term.Consistency, 3);
        Assert.Equal(pri, term.Pri, 3);
        Assert.Equal(raw, term.RawCoverage, 3);
        Assert.Equal(unique, term.UniqueCoverage, 3);
        Assert.Equal(cases, term.Cases);
    }
}
