using CsCheck;
using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;
using Cube = LocalVision.Rules.Tests.Qca.BruteForceMinimizer.Cube;
using static LocalVision.Rules.Tests.Qca.RowCodedTables;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// Enhanced Standard Analysis against brute force on random crisp truth tables: an excluded remainder (untenable, or a
/// contradictory simplifying assumption) is covered by no term of any model, and the parsimonious solution is exactly
/// the minimal covers by the cubes that avoid the negative rows and the excluded remainders.
/// </summary>
public sealed class EnhancedStandardAnalysisTests
{
    /// <summary>A random table over 3 to 5 conditions with a positive and a negative row, and a random pick of its remainders.</summary>
    private static readonly Gen<(int K, int[] Rows, bool[] Untenable)> TableWithUntenable =
        Gen.Int[3, 5]
            .SelectMany(k => Gen.Select(Gen.Int[0, 2].Array[1 << k], Gen.Bool.Array[1 << k]).Select(t => (K: k, Rows: t.Item1, Untenable: t.Item2)))
            .Where(t => t.Rows.Contains(Positive) && t.Rows.Contains(Negative));

    [Fact]
    public void Minimize_UntenableRemainders_AreInNoModelsCoveredRowsAndParsimoniousIsBruteForce()
    {
        TableWithUntenable.Sample((k, rows, pick) =>
        {
            var untenable = Enumerable.Range(0, rows.Length).Where(r => rows[r] == Remainder && pick[r]).ToList();
            var positives = Positives(rows);
            var options = new MinimizationOptions(SolutionType.Parsimonious, MaxModels: 100_000, UntenableRemainders: [.. untenable.Select(r => Configuration(r, k))]);

            var result = BooleanMinimization.Minimize(Table(k, rows), options, TestContext.Current.CancellationToken);

            Assert.All(AllTerms(result, k), term => Assert.DoesNotContain(RowsOf(term, k), untenable.Contains));
            var expected = BruteForceMinimizer.MinimalModels(
                BruteForceMinimizer.PrimeImplicants(k, r => rows[r] != Negative && !untenable.Contains(r), positives), positives, thenFewestLiterals: false);
            var actual = result.Models.Select(m => m.Terms.Select(t => ToCube(t, k)).ToHashSet()).ToList();
            Assert.Equal(expected.Count, actual.Count);
            Assert.All(expected, model => Assert.Contains(actual, a => a.SetEquals(model)));
            Assert.Equal(untenable.Select(r => Configuration(r, k)), result.ExcludedRemainders);
            Assert.All(result.Models, m => Assert.DoesNotContain(m.SimplifyingAssumptions.Configurations, untenable.Select(r => Configuration(r, k)).Contains));
        }, iter: 200, print: Print);
    }

    [Fact]
    public void Minimize_IntermediateWithUntenableRemainders_UsesNoneAsEasyCounterfactual()
    {
        var gen = TableWithUntenable.SelectMany(t => Gen.Int[0, 2].Array[t.K].Select(e => (t.K, t.Rows, t.Untenable, e)));
        gen.Sample((k, rows, pick, codes) =>
        {
            var untenable = Enumerable.Range(0, rows.Length).Where(r => rows[r] == Remainder && pick[r]).ToHashSet();
            var expectations = Enumerable.Range(0, k).Where(i => codes[i] < 2)
                .ToDictionary(i => Name(i), i => codes[i] == 1 ? DirectionalExpectation.Present : DirectionalExpectation.Absent);
            var options = new MinimizationOptions(
                SolutionType.Intermediate, expectations, MaxModels: 100_000, UntenableRemainders: [.. untenable.Select(r => Configuration(r, k))]);

            var result = BooleanMinimization.Minimize(Table(k, rows), options, TestContext.Current.CancellationToken);

            Assert.NotEmpty(result.Models);
            var positives = Positives(rows);
            foreach (var model in result.Models)
            {
                var easy = model.Intermediate!.EasyCounterfactuals.Configurations.Select(c => Convert.ToInt32(c, 2)).ToHashSet();
                Assert.False(easy.Overlaps(untenable), $"{model.Expression}: easy counterfactuals {string.Join(",", easy)} include an untenable remainder");
                var terms = model.Terms.Select(t => ToCube(t, k)).ToHashSet();
                Assert.All(terms, t => Assert.All(RowsOf(t, k), r => Assert.True(rows[r] == Positive || easy.Contains(r), $"{model.Expression} covers row {r}")));
                var minimal = BruteForceMinimizer.MinimalModels(
                    BruteForceMinimizer.PrimeImplicants(k, r => rows[r] == Positive || easy.Contains(r), positives), positives, thenFewestLiterals: false);
                Assert.Contains(minimal, m => m.SetEquals(terms));
            }
        }, iter: 150, print: t => Print((t.Item1, t.Item2, t.Item3)) + " expectations " + string.Join("", t.Item4));
    }

    /// <summary>
    /// The contradictory simplifying assumptions, worked out by brute force: the remainders some minimal parsimonious
    /// model for Y covers and some minimal parsimonious model for ~Y covers too (R's QCA <c>findRows(type = 2)</c>).
    /// Excluding them leaves them out of every model of the outcome.
    /// </summary>
    [Fact]
    public void Minimize_ExcludingContradictoryAssumptions_ExcludesExactlyThoseOfBruteForceAndCoversNone()
    {
        TableWithUntenable.Sample((k, rows, _) =>
        {
            var negated = rows.Select(r => r == Remainder ? Remainder : 1 - r).ToArray();
            var forOutcome = BruteForceAssumptions(k, rows);
            var forNegation = BruteForceAssumptions(k, negated);
            var contradictory = forOutcome.Intersect(forNegation).Order().ToList();
            var options = new MinimizationOptions(SolutionType.Parsimonious, MaxModels: 100_000, ExcludeContradictoryAssumptions: true);

            var result = BooleanMinimization.Minimize(Table(k, rows), options, TestContext.Current.CancellationToken);

            Assert.Equal(contradictory.Select(r => Configuration(r, k)), result.ExcludedRemainders);
            Assert.All(AllTerms(result, k), term => Assert.DoesNotContain(RowsOf(term, k), contradictory.Contains));
        }, iter: 200, print: Print);
    }

    [Fact]
    public void Minimize_UntenablePositiveRowOrMalformedConfiguration_IsRefusedNamingEach()
    {
        // A*B: rows 11 positive, 10 negative, 00 and 01 remainders.
        var rows = new[] { Remainder, Remainder, Negative, Positive };
        var options = new MinimizationOptions(SolutionType.Parsimonious, UntenableRemainders: ["11", "1x", "010", "01"]);

        var error = Assert.Throws<GraphValidationException>(() => BooleanMinimization.Minimize(Table(2, rows), options, TestContext.Current.CancellationToken));

        Assert.Equal(["untenable_remainders[0]", "untenable_remainders[1]", "untenable_remainders[2]"], error.Violations.Select(v => v.Field));
        Assert.Contains("positive row", error.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimize_ConservativeWithExclusions_SaysThereIsNothingToExclude()
    {
        var rows = new[] { Remainder, Remainder, Negative, Positive };
        var options = new MinimizationOptions(SolutionType.Conservative, UntenableRemainders: ["01"], ExcludeContradictoryAssumptions: true);

        var result = BooleanMinimization.Minimize(Table(2, rows), options, TestContext.Current.CancellationToken);

        Assert.Empty(result.ExcludedRemainders);
        Assert.Contains(result.Warnings, w => w.Contains("nothing for Enhanced Standard Analysis to exclude", StringComparison.Ordinal));
        Assert.Equal("A*B", Assert.Single(result.Models).Expression);
    }

    /// <summary>Remainders covered by some minimal parsimonious model (fewest terms), by brute force.</summary>
    private static HashSet<int> BruteForceAssumptions(int k, int[] rows)
    {
        var positives = Positives(rows);
        if (positives.Count == 0)
        {
            return [];
        }

        var models = BruteForceMinimizer.MinimalModels(BruteForceMinimizer.PrimeImplicants(k, r => rows[r] != Negative, positives), positives, thenFewestLiterals: false);
        return models.SelectMany(m => m).SelectMany(c => RowsOf(c, k)).Where(r => rows[r] == Remainder).ToHashSet();
    }

    private static string Configuration(int row, int k) => Convert.ToString(row, 2).PadLeft(k, '0');

    private static List<int> Positives(int[] rows) => Enumerable.Range(0, rows.Length).Where(r => rows[r] == Positive).ToList();

    private static IEnumerable<Cube> AllTerms(MinimizationResult result, int k) => result.Models.SelectMany(m => m.Terms).Select(t => ToCube(t, k));

    private static Cube ToCube(SolutionTerm term, int k)
    {
        int mask = 0, bits = 0;
        foreach (var literal in term.Literals)
        {
            var bit = 1 << (k - 1 - (literal.Name[0] - 'A'));
            mask |= bit;
            bits |= literal.Negated ? 0 : bit;
        }

        return new Cube(mask, bits);
    }

    private static IEnumerable<int> RowsOf(Cube cube, int k) => Enumerable.Range(0, 1 << k).Where(cube.Covers);

    private static string Print((int K, int[] Rows, bool[] Untenable) t) =>
        $"k={t.K} rows={string.Join("", t.Rows)} untenable={string.Join("", t.Untenable.Select(b => b ? 1 : 0))}";
}
