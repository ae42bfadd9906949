using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class ConditionAnalysisTests
{
    [Fact]
    public void Analyze_CrispLipsetDevelopment_MatchesHandCountedTable()
    {
        var cases = PublishedDatasets.LipsetCrisp();

        var stats = ConditionAnalysis.Analyze(cases, "DEV", "SURV");

        // Ten developed countries, eight of which survived; no survivor was undeveloped.
        Assert.Equal(["BE", "CZ", "FI", "FR", "IE", "NL", "SE", "UK"], stats.CrispTable.InBoth);
        Assert.Equal(["AU", "DE"], stats.CrispTable.ConditionOnly);
        Assert.Empty(stats.CrispTable.OutcomeOnly);
        Assert.Equal(8, stats.CrispTable.D);
        Assert.Equal(0.8, stats.Sufficiency.Consistency, 10);
        Assert.Equal(1.0, stats.Sufficiency.Coverage, 10);
        Assert.Equal(0.8, stats.Sufficiency.Pri, 10);
        Assert.Equal(1.0, stats.Necessity.Consistency, 10);
        Assert.Equal(0.8, stats.Necessity.Coverage, 10);
        Assert.Equal(0.8, stats.Necessity.RelevanceOfNecessity, 10); // Σ(1−x) = 8 over Σ(1−min) = 10
    }

    [Fact]
    public void Analyze_CrispLipsetDevelopment_FisherAndOddsRatioFromTheTable()
    {
        var cases = PublishedDatasets.LipsetCrisp();

        var stats = ConditionAnalysis.Analyze(cases, "DEV", "SURV");

        // [[8, 2], [0, 8]]: exact p by enumerating the hypergeometric tables; OR = 8.5·8.5 / (2.5·0.5).
        Assert.Equal(0.0010512363, stats.FisherExactP, 9);
        Assert.Equal(57.8, stats.OddsRatio.Estimate, 9);
        Assert.Equal(2.399368, stats.OddsRatio.Lower, 5);
        Assert.Equal(1392.38338, stats.OddsRatio.Upper, 4);
    }

    [Fact]
    public void Analyze_NegatedOutcome_SwapsOutcomeCells()
    {
        var cases = PublishedDatasets.LipsetCrisp();

        var stats = ConditionAnalysis.Analyze(cases, "DEV", "~SURV");

        Assert.Equal("~SURV", stats.Outcome);
        Assert.Equal(["AU", "DE"], stats.CrispTable.InBoth);
        Assert.Equal(0.2, stats.Sufficiency.Consistency, 10);
        Assert.Equal(0.2, stats.Necessity.Consistency, 10);
    }

    [Fact]
    public void Analyze_FuzzyLipsetDevelopment_MatchesHandComputedSums()
    {
        var cases = PublishedDatasets.LipsetFuzzy();

        var stats = ConditionAnalysis.Analyze(cases, "DEV", "SURV");

        // Sums worked out from the 18 cases: Σx = 9.14, Σy = 8.52, Σmin(x,y) = 7.08.
        Assert.Equal(9.14, stats.Sums.SumX, 10);
        Assert.Equal(8.52, stats.Sums.SumY, 10);
        Assert.Equal(7.08, stats.Sums.SumIntersection, 10);
        Assert.Equal(0.831, stats.Necessity.Consistency, 3);
        Assert.Equal(0.775, stats.Necessity.Coverage, 3);
        Assert.Equal(0.811, stats.Necessity.RelevanceOfNecessity, 3);
        Assert.Equal(7.08 / 9.14, stats.Sufficiency.Consistency, 10);
    }

    [Fact]
    public void AnalyzeAll_WithNegations_ListsEachConditionThenItsNegation()
    {
        var cases = PublishedDatasets.LipsetCrisp();

        var all = ConditionAnalysis.AnalyzeAll(cases, ["DEV", "STB"], "SURV");

        Assert.Equal(["DEV", "~DEV", "STB", "~STB"], all.Select(s => s.Condition));
        Assert.Equal(0.0, all[1].Sufficiency.Consistency, 10);
    }

    [Fact]
    public void Analyze_ConditionNobodyHas_ConsistencyIsNaN()
    {
        var cases = PublishedDatasets.Table(["X", "Y"], ("a", [0, 1]), ("b", [0, 0]));

        var stats = ConditionAnalysis.Analyze(cases, "X", "Y");

        Assert.True(double.IsNaN(stats.Sufficiency.Consistency));
        Assert.Equal(0.0, stats.Necessity.Consistency, 10);
    }
}
