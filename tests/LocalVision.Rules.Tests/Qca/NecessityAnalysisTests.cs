using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class NecessityAnalysisTests
{
    [Fact]
    public void Analyze_LipsetFuzzyAtNinetyPercent_OnlyLiteracyAndStabilityAlone()
    {
        // Schneider and Wagemann (2012, 212), as quoted in R's QCApro examples: on Ragin's fuzzy Lipset
        // data only STB (G) and LIT (L) pass 0.9 as minimally necessary conditions.
        var result = NecessityAnalysis.Analyze(
            PublishedDatasets.LipsetFuzzy(), "SURV", PublishedDatasets.LipsetConditions, new NecessityOptions(IncludeDisjunctions: false));

        Assert.Equal(["LIT", "STB"], result.Conditions.Select(c => c.Expression));
        Assert.Equal(0.991, result.Conditions[0].Fit.Consistency, 3);
        Assert.Equal(0.643, result.Conditions[0].Fit.Coverage, 3);
        Assert.Equal(0.509, result.Conditions[0].Fit.RelevanceOfNecessity, 3);
        Assert.Equal(0.920, result.Conditions[1].Fit.Consistency, 3);
        Assert.Equal(0.680, result.Conditions[1].Fit.RelevanceOfNecessity, 3);
    }

    [Fact]
    public void Analyze_LipsetFuzzyWithDisjunctions_AddsOnlyThoseWhosePartsFailAlone()
    {
        // Figures computed independently from the 18 cases; the disjunctions' low relevance shows them
        // to be near-trivial supersets.
        var result = NecessityAnalysis.Analyze(PublishedDatasets.LipsetFuzzy(), "SURV", PublishedDatasets.LipsetConditions);

        var found = result.Conditions.ToDictionary(c => c.Expression);
        // Ties on consistency are ordered by relevance of necessity.
        Assert.Equal(["LIT", "~URB + IND", "DEV + ~IND", "DEV + ~URB", "STB", "DEV + ~STB"], result.Conditions.Select(c => c.Expression));
        Assert.Equal(0.989, found["~URB + IND"].Fit.Consistency, 3);
        Assert.Equal(0.157, found["~URB + IND"].Fit.RelevanceOfNecessity, 3);
        Assert.Equal(0.912, found["DEV + ~STB"].Fit.Consistency, 3);
        Assert.Equal(0.447, found["DEV + ~STB"].Fit.RelevanceOfNecessity, 3);
        Assert.DoesNotContain(result.Conditions, c => c.Expression.Contains("LIT +", StringComparison.Ordinal) || c.Expression.Contains("+ STB", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_RelevanceCutoff_DropsTrivialDisjunctions()
    {
        var result = NecessityAnalysis.Analyze(
            PublishedDatasets.LipsetFuzzy(), "SURV", PublishedDatasets.LipsetConditions, new NecessityOptions(RelevanceCutoff: 0.3));

        Assert.Equal(["LIT", "STB", "DEV + ~STB"], result.Conditions.Select(c => c.Expression));
    }

    [Fact]
    public void Analyze_OutcomeCoveredOnlyByTheUnion_FindsTheDisjunctionAndFlagsTheTrivialOne()
    {
        var cases = PublishedDatasets.Table(["A", "B", "Y"], ("a", [1, 0, 1]), ("b", [0, 1, 1]), ("c", [0, 0, 0]));

        var result = NecessityAnalysis.Analyze(cases, "Y", ["A", "B"]);

        // Neither A nor B is necessary alone, A + B is; ~A + ~B holds for every case, so it is
        // necessary too but irrelevant (RoN 0).
        Assert.Equal(["A + B", "~A + ~B"], result.Conditions.Select(c => c.Expression));
        var union = result.Conditions[0];
        Assert.Equal([new SetReference("A", false), new SetReference("B", false)], union.Disjuncts);
        Assert.Equal(1.0, union.Fit.Consistency, 12);
        Assert.Equal(1.0, union.Fit.RelevanceOfNecessity, 12);
        Assert.Equal(["a", "b"], union.OutcomeCases);
        Assert.Empty(union.DeviantCases);
        Assert.Equal(0.0, result.Conditions[1].Fit.RelevanceOfNecessity, 12);
    }

    [Fact]
    public void Analyze_LowerCutoff_ListsCasesThatContradictNecessity()
    {
        var cases = PublishedDatasets.Table(["A", "Y"], ("a", [1, 1]), ("b", [0, 1]), ("c", [1, 1]), ("d", [0, 0]));

        var result = NecessityAnalysis.Analyze(cases, "Y", ["A"], new NecessityOptions(ConsistencyCutoff: 0.6, IncludeDisjunctions: false));

        var a = Assert.Single(result.Conditions);
        Assert.Equal(2.0 / 3.0, a.Fit.Consistency, 12);
        Assert.Equal(["b"], a.DeviantCases);
    }

    [Fact]
    public void Analyze_CutoffAboveOne_Throws()
    {
        Assert.Throws<GraphValidationException>(() => NecessityAnalysis.Analyze(
            PublishedDatasets.LipsetCrisp(), "SURV", ["DEV"], new NecessityOptions(ConsistencyCutoff: 1.5)));
    }
}
