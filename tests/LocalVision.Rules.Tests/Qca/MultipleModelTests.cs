using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class MultipleModelTests
{
    /// <summary>
    /// Lipset on four conditions explaining the positive and the contradictory rows (R: <c>minimize(tt,
    /// explain = "1, C")</c>; here the same rows are positive with an inclusion cut-off of 0.25). R's QCA
    /// prints two models, M1: ~URB*LIT*~IND + URB*LIT*IND + (DEV*~URB*LIT) and M2: ... + (DEV*LIT*IND),
    /// with inclS/PRI/covS 0.400/0.400/0.250, 0.800/0.800/0.500, 0.750/0.750/0.375 and unique coverage
    /// per model 0.125/0.500/0.250 (M1) and 0.250/0.125 (M2).
    /// </summary>
    [Fact]
    public void Minimize_LipsetFourConditionsWithContradictions_ReturnsBothPublishedModels()
    {
        var table = TruthTable.Build(
            PublishedDatasets.LipsetFourConditions(), "SURV", ["DEV", "URB", "LIT", "IND"], new TruthTableOptions(InclusionCutoff: 0.25));

        var result = BooleanMinimization.Minimize(table, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["0010", "0111", "1010", "1011", "1111"], table.PositiveRows.Select(r => r.Configuration));
        Assert.Equal(
            ["~URB*LIT*~IND + URB*LIT*IND + DEV*~URB*LIT", "~URB*LIT*~IND + URB*LIT*IND + DEV*LIT*IND"],
            result.Models.Select(m => m.Expression));
        Assert.Equal(["M1", "M2"], result.Models.Select(m => m.Name));
        var (m1, m2) = (result.Models[0], result.Models[1]);
        AssertTerm(m1.Terms[0], 0.400, 0.400, 0.250, 0.125);
        AssertTerm(m1.Terms[1], 0.800, 0.800, 0.500, 0.500);
        AssertTerm(m1.Terms[2], 0.750, 0.750, 0.375, 0.250);
        AssertTerm(m2.Terms[0], 0.400, 0.400, 0.250, 0.250);
        AssertTerm(m2.Terms[1], 0.800, 0.800, 0.500, 0.125);
        Assert.Equal(["EE", "FI", "HU", "PL", "IE"], m1.Terms[0].Cases.OrderBy(c => c == "IE"));
        Assert.Equal(["AU", "FR", "SE"], m2.Terms[2].UniqueCases); // AU is covered only by it too, but is not in SURV
        Assert.Equal(["AU", "EE", "DE", "HU", "PL"], m1.DeviantCases);
    }

    [Fact]
    public void Minimize_EquallyShortCoversWithMoreLiterals_AllReturnedByDefaultAsInR_SetAsideOnlyWhenAsked()
    {
        // Positive 000 and 111, negative 011 and 101: the prime implicants are ~C, ~A*~B and A*B, and
        // both ~C + A*B and ~A*~B + A*B cover the chart with two terms.
        var table = TruthTable.Build(Cases(("p1", "000", 1), ("p2", "111", 1), ("n1", "011", 0), ("n2", "101", 0)), "Y", ["A", "B", "C"]);

        var fewestLiterals = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious, ModelSelection: ModelSelection.FewestTermsThenLiterals), TestContext.Current.CancellationToken);
        var likeR = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious), TestContext.Current.CancellationToken);

        Assert.Equal(["~C + A*B"], fewestLiterals.Models.Select(m => m.Expression));
        Assert.Contains(fewestLiterals.Warnings, w => w.StartsWith("Other parsimonious models with as few terms but more literals were set aside", StringComparison.Ordinal));
        Assert.Equal(["A*B + ~C", "A*B + ~A*~B"], likeR.Models.Select(m => m.Expression)); // the shared term first
        Assert.DoesNotContain(likeR.Warnings, w => w.Contains("set aside", StringComparison.Ordinal));
    }

    [Fact]
    public void Minimize_MoreModelsThanAllowed_ReturnsTheCapAndSaysSo()
    {
        // Positive 000, negative 111: ~A, ~B and ~C each explain it alone.
        var table = TruthTable.Build(Cases(("p", "000", 1), ("n", "111", 0)), "Y", ["A", "B", "C"]);

        var all = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious), TestContext.Current.CancellationToken);
        var capped = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious, MaxModels: 2), TestContext.Current.CancellationToken);

        Assert.Equal(["~A", "~B", "~C"], all.Models.Select(m => m.Expression));
        Assert.Equal(2, capped.Models.Count);
        Assert.Contains(capped.Warnings, w => w.Contains("more equally minimal models", StringComparison.Ordinal));
    }

    internal static CaseTable Cases(params (string Name, string Configuration, double Outcome)[] rows)
    {
        var k = rows[0].Configuration.Length;
        var sets = Enumerable.Range(0, k).Select(i => ((char)('A' + i)).ToString()).Append("Y").ToArray();
        return PublishedDatasets.Table(
            sets,
            rows.Select(r => (r.Name, r.Configuration.Select(c => c == '1' ? 1.0 : 0.0).Append(r.Outcome).ToArray())).ToArray());
    }

    private static void AssertTerm(SolutionTerm term, double consistency, double pri, double raw, double unique)
    {
        Assert.Equal(consistency, term.Consistency, 3);
        Assert.Equal(pri, term.Pri, 3);
        Assert.Equal(raw, term.RawCoverage, 3);
        Assert.Equal(unique, term.UniqueCoverage, 3);
    }
}
