using LocalVision.Rules.Insight.Studies;

namespace LocalVision.Rules.Tests.Insight.Studies;

public sealed class CaseStudiesTests
{
    private static readonly string[] Names = ["a", "b", "c", "d", "e", "f", "g"];
    private static readonly double[] X = [0.8, 0.6, 0.9, 0.7, 0.2, 0.1, 0.5];
    private static readonly double[] Y = [0.9, 0.95, 0.6, 0.2, 0.8, 0.3, 0.9];

    [Fact]
    public void Sufficiency_SortsAndRanksTheHandCheckedCases()
    {
        var cases = CaseStudies.Sufficiency(Names, X, Y);

        // Worked by hand: a (2(0.9-0.8) + (1-0.8) = 0.4) before b (2(0.95-0.6) + 0.4 = 1.1) are typical; c is in X and Y but below the diagonal;
        // d is in X, not Y; e is in Y, not X; f is in neither; g sits at the crossover in X and is left out.
        Assert.Equal(
            [("a", CaseKind.Typical, 1), ("b", CaseKind.Typical, 2), ("c", CaseKind.DeviantDegree, 1),
             ("d", CaseKind.DeviantConsistency, 1), ("e", CaseKind.DeviantCoverage, 1), ("f", CaseKind.IndividuallyIrrelevant, 1)],
            cases.Select(c => (c.Name, c.Kind, c.Rank)));
        Assert.Equal(0.4, cases[0].Criterion, 12);
        Assert.Equal(1.1, cases[1].Criterion, 12);
        // d: 1 - (0.7 - 0.2) + (1 - 0.7) = 0.8.
        Assert.Equal(0.8, cases.Single(c => c.Name == "d").Criterion, 12);
    }

    [Fact]
    public void Necessity_OnlyCountsCasesInTheOutcome()
    {
        var cases = CaseStudies.Necessity(Names, X, Y);

        Assert.Equal(
            [("c", CaseKind.Typical, 1), ("a", CaseKind.DeviantDegree, 1), ("b", CaseKind.DeviantDegree, 2), ("e", CaseKind.DeviantConsistency, 1)],
            cases.Select(c => (c.Name, c.Kind, c.Rank)));
        Assert.All(cases, c => Assert.True(c.Y > 0.5));
        // c: 2|0.9 - 0.6| + (1 - 0.9) = 0.7; e: 1 - (0.8 - 0.2) = 0.4.
        Assert.Equal(0.7, cases[0].Criterion, 12);
        Assert.Equal(0.4, cases.Single(c => c.Name == "e").Criterion, 12);
    }

    // The scores are SetMethods 4.x's (github.com/nenaoana/SetMethods, R/helper_case_smmr.R and R/helper_nec_smmr.R:
    // cases.suf.typ, cases.suf.dcn, cases.nec.typ). In each pair below the case closer to the diagonal by |y - x|
    // alone comes second, because the score also asks for a case deep in X. These check the formulas by hand; they
    // are not a published example with the package's printed figures.

    [Fact]
    public void Sufficiency_TypicalCases_PreferTheCaseDeepInXOverTheOneOnlyNearTheDiagonal()
    {
        // p: 2(1.0 - 0.9) + (1 - 0.9) = 0.3; q: 2(0.65 - 0.6) + (1 - 0.6) = 0.5, though |y - x| is 0.1 against 0.05.
        var cases = CaseStudies.Sufficiency(["q", "p"], [0.6, 0.9], [0.65, 1.0]);

        Assert.Equal([("p", 1), ("q", 2)], cases.Select(c => (c.Name, c.Rank)));
        Assert.Equal([0.3, 0.5], cases.Select(c => Math.Round(c.Criterion, 12)));
    }

    [Fact]
    public void Sufficiency_DeviantConsistencyCases_PreferTheCaseDeepInX()
    {
        // r: 1 - (0.9 - 0.45) + (1 - 0.9) = 0.65; s: 1 - (0.6 - 0) + (1 - 0.6) = 0.8, though s's x - y is larger.
        var cases = CaseStudies.Sufficiency(["s", "r"], [0.6, 0.9], [0.0, 0.45]);

        Assert.Equal([("r", CaseKind.DeviantConsistency, 1), ("s", CaseKind.DeviantConsistency, 2)], cases.Select(c => (c.Name, c.Kind, c.Rank)));
        Assert.Equal([0.65, 0.8], cases.Select(c => Math.Round(c.Criterion, 12)));
    }

    [Fact]
    public void Necessity_TypicalCases_PreferTheCaseDeepInX()
    {
        // t: 2|0.95 - 0.9| + (1 - 0.95) = 0.15; u: 2|0.6 - 0.58| + (1 - 0.6) = 0.44, though u is nearer the diagonal.
        var cases = CaseStudies.Necessity(["u", "t"], [0.6, 0.95], [0.58, 0.9]);

        Assert.Equal([("t", CaseKind.Typical, 1), ("u", CaseKind.Typical, 2)], cases.Select(c => (c.Name, c.Kind, c.Rank)));
        Assert.Equal([0.15, 0.44], cases.Select(c => Math.Round(c.Criterion, 12)));
    }

    [Fact]
    public void Sufficiency_PartitionsEveryCaseOffTheCrossover()
    {
        var random = new Random(13);
        for (var run = 0; run < 200; run++)
        {
            var n = random.Next(1, 30);
            var names = Enumerable.Range(0, n).Select(i => $"c{i}").ToArray();
            var x = names.Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
            var y = names.Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();

            var cases = CaseStudies.Sufficiency(names, x, y);

            var expected = names.Where((_, i) => x[i] != 0.5 && y[i] != 0.5).Order(StringComparer.Ordinal);
            Assert.Equal(expected, cases.Select(c => c.Name).Order(StringComparer.Ordinal));
            Assert.All(cases.Where(c => c.Kind == CaseKind.Typical), c => Assert.True(c.X > 0.5 && c.Y >= c.X));
            Assert.All(cases.GroupBy(c => c.Kind), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(c => c.Rank)));
        }
    }
}
