using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// Reproduces the published crisp-set analysis of /work/shared/qca/lipset-crisp.md (Rihoux and De Meur
/// 2009; R QCA's LC), inclusion cut-off 1, figures to three decimals.
/// </summary>
public sealed class LipsetCrispTests
{
    private static MinimizationResult Minimize(string outcome, SolutionType type) =>
        BooleanMinimization.Minimize(
            TruthTable.Build(PublishedDatasets.LipsetCrisp(), outcome, PublishedDatasets.LipsetConditions),
            new MinimizationOptions(type), TestContext.Current.CancellationToken);

    [Fact]
    public void Minimize_SurvivalConservative_IsPublishedComplexSolution()
    {
        var result = Minimize("SURV", SolutionType.Conservative);

        var model = Assert.Single(result.Models);
        Assert.Equal("M1", model.Name);
        Assert.Equal("DEV*~URB*LIT*STB + DEV*LIT*IND*STB", model.Expression);
        Assert.Equal(1.000, model.Consistency, 3);
        Assert.Equal(1.000, model.Coverage, 3);
        AssertTerm(model.Terms[0], "DEV*~URB*LIT*STB", 1.000, 0.500, 0.250, ["FI", "FR", "IE", "SE"]);
        AssertTerm(model.Terms[1], "DEV*LIT*IND*STB", 1.000, 0.750, 0.500, ["BE", "CZ", "FR", "NL", "SE", "UK"]);
        Assert.Equal(0, model.SimplifyingAssumptions.Count);
        Assert.Empty(model.UncoveredCases);
    }

    [Fact]
    public void Minimize_SurvivalParsimonious_IsPublishedWithItsSimplifyingAssumptions()
    {
        var result = Minimize("SURV", SolutionType.Parsimonious);

        var model = Assert.Single(result.Models);
        Assert.Equal("DEV*STB", model.Expression);
        Assert.Equal(1.000, model.Consistency, 3);
        Assert.Equal(1.000, model.Coverage, 3);
        AssertTerm(model.Terms[0], "DEV*STB", 1.000, 1.000, 1.000, ["BE", "CZ", "FI", "FR", "IE", "NL", "SE", "UK"]);
        Assert.Equal(["10001", "10011", "11001", "11011", "11101"], model.SimplifyingAssumptions.Configurations);
        Assert.Equal(5, model.SimplifyingAssumptions.Count);
        Assert.False(model.SimplifyingAssumptions.IsTruncated);
    }

    [Fact]
    public void Minimize_BreakdownConservative_IsPublishedComplexSolution()
    {
        var result = Minimize("~SURV", SolutionType.Conservative);

        var model = Assert.Single(result.Models);
        Assert.Equal("~DEV*~URB*~IND + DEV*LIT*IND*~STB", model.Expression);
        Assert.Equal(1.000, model.Consistency, 3);
        Assert.Equal(1.000, model.Coverage, 3);
        AssertTerm(model.Terms[0], "~DEV*~URB*~IND", 1.000, 0.800, 0.800, ["EE", "GR", "HU", "IT", "PL", "PT", "RO", "ES"]);
        AssertTerm(model.Terms[1], "DEV*LIT*IND*~STB", 1.000, 0.200, 0.200, ["AU", "DE"]);
    }

    [Fact]
    public void Minimize_BreakdownParsimonious_IsPublishedWithCoverages()
    {
        var result = Minimize("~SURV", SolutionType.Parsimonious);

        var model = Assert.Single(result.Models);
        Assert.Equal("~DEV + ~STB", model.Expression);
        Assert.Equal(1.000, model.Consistency, 3);
        Assert.Equal(1.000, model.Coverage, 3);
        AssertTerm(model.Terms[0], "~DEV", 1.000, 0.800, 0.300, ["EE", "GR", "HU", "IT", "PL", "PT", "RO", "ES"]);
        AssertTerm(model.Terms[1], "~STB", 1.000, 0.700, 0.200, ["AU", "DE", "GR", "HU", "PL", "PT", "ES"]);
        Assert.Equal(["EE", "IT", "RO"], model.Terms[0].UniqueCases);
        Assert.Equal(["AU", "DE"], model.Terms[1].UniqueCases);
    }

    [Fact]
    public void Minimize_SurvivalConservative_ChartListsBothPrimeImplicantsWithTheirRows()
    {
        var result = Minimize("SURV", SolutionType.Conservative);

        Assert.Equal(
            [("DEV*~URB*LIT*STB", "10101,10111"), ("DEV*LIT*IND*STB", "10111,11111")],
            result.PrimeImplicants.Select(p => (p.Expression, string.Join(",", p.CoveredRows))));
        Assert.Contains(result.Warnings, w => w.StartsWith("Limited diversity", StringComparison.Ordinal));
    }

    private static void AssertTerm(
        SolutionTerm term, string expression, double consistency, double raw, double unique, string[] cases)
    {
        Assert.Equal(expression, term.Expression);
        Assert.Equal(consistency, term.Consistency, 3);
        Assert.Equal(raw, term.RawCoverage, 3);
        Assert.Equal(unique, term.UniqueCoverage, 3);
        Assert.Equal(cases, term.Cases);
        Assert.Empty(term.DeviantCases);
    }
}
