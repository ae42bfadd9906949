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

        // Worked by hand: a (|0.9-0.8|=0.1) before b (0.35) are typical; c is in X and Y but below the diagonal;
        // d is in X, not Y; e is in Y, not X; f is in neither; g sits at the crossover in X and is left out.
        Assert.Equal(
            [("a", CaseKind.Typical, 1), ("b", CaseKind.Typical, 2), ("c", CaseKind.DeviantDegree, 1),
             ("d", CaseKind.DeviantConsistency, 1), ("e", CaseKind.DeviantCoverage, 1), ("f", CaseKind.IndividuallyIrrelevant, 1)],
            cases.Select(c => (c.Name, c.Kind, c.Rank)));
        Assert.Equal(0.1, cases[0].Criterion, 12);
        Assert.Equal(0.5, cases.Single(c => c.Name == "d").Criterion, 12);
    }

    [Fact]
    public void Necessity_OnlyCountsCasesInTheOutcome()
    {
        var cases = CaseStudies.Necessity(Names, X, Y);

        Assert.Equal(
            [("c", CaseKind.Typical, 1), ("a", CaseKind.DeviantDegree, 1), ("b", CaseKind.DeviantDegree, 2), ("e", CaseKind.DeviantConsistency, 1)],
            cases.Select(c => (c.Name, c.Kind, c.Rank)));
        Assert.All(cases, c => Assert.True(c.Y > 0.5));
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
