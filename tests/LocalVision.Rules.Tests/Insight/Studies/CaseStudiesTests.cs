using CsCheck;
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
    public void Necessity_CountsCasesInTheOutcomeAndThoseInXWithoutIt()
    {
        var cases = CaseStudies.Necessity(Names, X, Y);

        // f is in neither X nor Y, so of no kind for necessity; g is at the crossover in X.
        Assert.Equal(
            [("c", CaseKind.Typical, 1), ("a", CaseKind.DeviantDegree, 1), ("b", CaseKind.DeviantDegree, 2), ("e", CaseKind.DeviantConsistency, 1),
             ("d", CaseKind.DeviantRelevance, 1)],
            cases.Select(c => (c.Name, c.Kind, c.Rank)));
        Assert.All(cases, c => Assert.True(c.Y > 0.5 || c.X > 0.5));
        // c: 2|0.9 - 0.6| + (1 - 0.9) = 0.7; e: 1 - (0.8 - 0.2) = 0.4; d: 1 - (0.7 - 0.2) + (1 - 0.7) = 0.8.
        Assert.Equal(0.7, cases[0].Criterion, 12);
        Assert.Equal(0.4, cases.Single(c => c.Name == "e").Criterion, 12);
        Assert.Equal(0.8, cases.Single(c => c.Name == "d").Criterion, 12);
    }

    [Fact]
    public void Necessity_DeviantRelevance_TakesOnlyCasesStrictlyAboveAndBelowTheCrossoverAndPrefersTheCaseDeepInX()
    {
        (string Name, double X, double Y)[] rows =
        [
            ("near", 0.51, 0.49), ("deep", 0.9, 0.1), ("far", 0.7, 0.0), ("x-half", 0.5, 0.2), ("y-half", 0.8, 0.5),
            ("neither", 0.49, 0.49), ("both", 0.51, 0.51), ("y-only", 0.49, 0.51),
        ];

        var cases = CaseStudies.Necessity(rows.Select(r => r.Name).ToList(), rows.Select(r => r.X).ToList(), rows.Select(r => r.Y).ToList());

        // SetMethods' cases.nec.drel, 1 - (x - y) + (1 - x): deep 1 - 0.8 + 0.1 = 0.3; far 1 - 0.7 + 0.3 = 0.6, though its x - y
        // is nearly as large; near 1 - 0.02 + 0.49 = 1.47. At exactly 0.5 in X or Y a case is of no kind; 0.49 in both is out of both.
        var relevance = cases.Where(c => c.Kind == CaseKind.DeviantRelevance).ToList();
        Assert.Equal([("deep", 1), ("far", 2), ("near", 3)], relevance.Select(c => (c.Name, c.Rank)));
        Assert.Equal([0.3, 0.6, 1.47], relevance.Select(c => Math.Round(c.Criterion, 12)));
        Assert.Equal([("both", CaseKind.Typical), ("y-only", CaseKind.DeviantConsistency)],
            cases.Where(c => c.Kind != CaseKind.DeviantRelevance).Select(c => (c.Name, c.Kind)));
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
    public void Necessity_EveryCaseInXOrYOffTheCrossover_IsOfTheKindItsMembershipsSayRankedByItsScore()
    {
        // Memberships in tenths, so that many sit at exactly 0.5 and on either side of it.
        var membership = Gen.Int[0, 10].Select(i => i / 10.0);
        Gen.Select(membership, membership).Array[0, 25].Sample(rows =>
        {
            var names = rows.Select((_, i) => $"c{i}").ToArray();

            var cases = CaseStudies.Necessity(names, rows.Select(r => r.Item1).ToArray(), rows.Select(r => r.Item2).ToArray());

            // The definitions, case by case, each with its score as SetMethods writes it.
            var expected = rows.Select((r, i) => (Name: names[i], X: r.Item1, Y: r.Item2))
                .Where(r => r.X != 0.5 && r.Y != 0.5 && (r.X > 0.5 || r.Y > 0.5))
                .Select(r => (r.Name, Sorted: ((CaseKind Kind, double Score))((r.X > 0.5, r.Y > 0.5) switch
                {
                    (true, true) when r.X >= r.Y => (CaseKind.Typical, 2 * Math.Abs(r.X - r.Y) + (1 - r.X)),
                    (true, true) => (CaseKind.DeviantDegree, r.Y - r.X),
                    (false, true) => (CaseKind.DeviantConsistency, 1 - (r.Y - r.X)),
                    _ => (CaseKind.DeviantRelevance, (1 - (r.X - r.Y)) + (1 - r.X)),
                })))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            var sorted = cases.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Select(e => (e.Name, e.Sorted.Kind)), sorted.Select(c => (c.Name, c.Kind)));
            Assert.Equal(expected.Select(e => Math.Round(e.Sorted.Score, 9)), sorted.Select(c => Math.Round(c.Criterion, 9)));
            Assert.All(cases.GroupBy(c => c.Kind), g =>
            {
                Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(c => c.Rank));
                Assert.Equal(g.Select(c => c.Criterion).Order(), g.Select(c => c.Criterion));
            });
        });
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
