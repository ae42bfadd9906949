using CsCheck;
using LocalVision.Rules.Qca;
using Cube = LocalVision.Rules.Tests.Qca.BruteForceMinimizer.Cube;
using static LocalVision.Rules.Tests.Qca.RowCodedTables;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>Properties of minimisation on random crisp truth tables, and agreement with brute force.</summary>
public sealed class MinimizationPropertyTests
{
    /// <summary>A random truth table over 3 to 6 conditions: each row negative, positive or a remainder.</summary>
    private static readonly Gen<(int K, int[] Rows)> RandomTruthTable =
        Gen.Int[3, 6]
            .SelectMany(k => Gen.Int[0, 2].Array[1 << k].Select(rows => (k, rows)))
            .Where(t => t.rows.Contains(Positive));

    private static readonly Gen<(int K, int[] Rows)> SmallTruthTable =
        Gen.Int[3, 6]
            .SelectMany(k => Gen.Int[0, 2].Array[1 << k].Select(rows => (k, rows)))
            .Where(t => t.rows.Contains(Positive));

    [Fact]
    public void Minimize_ConservativeTerms_CoverOnlyPositiveRows()
    {
        RandomTruthTable.Sample((k, rows) =>
        {
            var result = Minimize(k, rows, SolutionType.Conservative);

            Assert.All(AllTerms(result, k), term => Assert.All(RowsOf(term, k), r => Assert.Equal(Positive, rows[r])));
        }, iter: 300, print: Print);
    }

    [Fact]
    public void Minimize_ParsimoniousTerms_CoverNoNegativeRow()
    {
        RandomTruthTable.Sample((k, rows) =>
        {
            var result = Minimize(k, rows, SolutionType.Parsimonious);

            Assert.All(AllTerms(result, k), term => Assert.DoesNotContain(RowsOf(term, k), r => rows[r] == Negative));
        }, iter: 300, print: Print);
    }

    [Fact]
    public void Minimize_EveryModel_CoversEveryPositiveRowWithNoRedundantTerm()
    {
        RandomTruthTable.Sample((k, rows) =>
        {
            foreach (var type in new[] { SolutionType.Conservative, SolutionType.Parsimonious })
            {
                var result = Minimize(k, rows, type);

                Assert.NotEmpty(result.Models);
                foreach (var model in result.Models)
                {
                    var terms = model.Terms.Select(t => ToCube(t, k)).ToList();
                    Assert.All(Positives(rows), r => Assert.Contains(terms, t => t.Covers(r)));
                    for (var dropped = 0; dropped < terms.Count; dropped++)
                    {
                        var rest = terms.Where((_, i) => i != dropped).ToList();
                        Assert.Contains(Positives(rows), r => !rest.Any(t => t.Covers(r)));
                    }
                }
            }
        }, iter: 300, print: Print);
    }

    [Fact]
    public void Minimize_RandomTable_SameMinimalModelsAsBruteForce()
    {
        SmallTruthTable.Sample((k, rows) =>
        {
            var positives = Positives(rows);
            foreach (var type in new[] { SolutionType.Conservative, SolutionType.Parsimonious })
            {
                Func<int, bool> allowed = type == SolutionType.Conservative ? r => rows[r] == Positive : r => rows[r] != Negative;
                var primes = BruteForceMinimizer.PrimeImplicants(k, allowed, positives);
                foreach (var selection in new[] { ModelSelection.FewestTerms, ModelSelection.FewestTermsThenLiterals })
                {
                    var expected = BruteForceMinimizer.MinimalModels(primes, positives, selection == ModelSelection.FewestTermsThenLiterals);

                    var result = Minimize(k, rows, type, selection);

                    var actual = result.Models.Select(m => m.Terms.Select(t => ToCube(t, k)).ToHashSet()).ToList();
                    Assert.Equal(expected.Count, actual.Count);
                    Assert.All(actual, model => Assert.Equal(expected[0].Count, model.Count));
                    Assert.All(expected, model => Assert.Contains(actual, a => a.SetEquals(model)));
                    Assert.Equal(primes.ToHashSet(), result.PrimeImplicants.Select(p => ToCube(p.Expression, k)).ToHashSet());
                }
            }
        }, iter: 200, print: Print);
    }

    [Fact]
    public void Minimize_IntermediateTerms_UseOnlyPositiveRowsAndEasyCounterfactuals()
    {
        // Without a negative row there is no intermediate solution (as in R's QCA; IntermediateSolutionTests).
        var gen = RandomTruthTable.Where(t => t.Rows.Contains(Negative)).SelectMany(t => Gen.Int[0, 2].Array[t.K].Select(e => (t.K, t.Rows, e)));

        gen.Sample((k, rows, expectationCodes) =>
        {
            var expectations = Enumerable.Range(0, k)
                .Where(i => expectationCodes[i] < 2)
                .ToDictionary(i => Name(i), i => expectationCodes[i] == 1 ? DirectionalExpectation.Present : DirectionalExpectation.Absent);

            var result = BooleanMinimization.Minimize(
                Table(k, rows), new MinimizationOptions(SolutionType.Intermediate, expectations, MaxModels: 100_000), TestContext.Current.CancellationToken);

            Assert.NotEmpty(result.Models);
            foreach (var model in result.Models)
            {
                var easy = model.Intermediate!.EasyCounterfactuals.Configurations.Select(c => Convert.ToInt32(c, 2)).ToHashSet();
                Assert.All(easy, r => Assert.NotEqual(Negative, rows[r]));
                Assert.All(model.Terms, term =>
                    Assert.All(RowsOf(ToCube(term, k), k), r => Assert.True(rows[r] == Positive || easy.Contains(r), $"{term.Expression} covers {r}")));
                Assert.All(Positives(rows), r => Assert.Contains(model.Terms, t => ToCube(t, k).Covers(r)));
            }
        }, iter: 150, print: t => Print(t.Item1, t.Item2) + " expectations " + string.Join("", t.Item3));
    }

    /// <summary>
    /// Differential against brute force over every solution type (#18): each model is listed once as a set of
    /// terms (each term a set of literals), the conservative and parsimonious lists are exactly brute force's
    /// minimal covers, and every intermediate model is a minimal cover of the positive rows by the prime
    /// implicants of the positive rows and its easy counterfactuals.
    /// </summary>
    [Fact]
    public void Minimize_EverySolutionType_ListsEachModelOnceAndOnlyMinimalCovers()
    {
        var gen = SmallTruthTable
            .Where(t => t.Rows.Contains(Negative))
            .SelectMany(t => Gen.Int[0, 2].Array[t.K].Select(e => (t.K, t.Rows, e)));

        gen.Sample((k, rows, expectationCodes) =>
        {
            var positives = Positives(rows);
            var expectations = Expectations(k, expectationCodes);
            foreach (var type in new[] { SolutionType.Conservative, SolutionType.Parsimonious, SolutionType.Intermediate })
            {
                var result = BooleanMinimization.Minimize(
                    Table(k, rows), new MinimizationOptions(type, expectations, MaxModels: 100_000), TestContext.Current.CancellationToken);

                var models = result.Models.Select(m => m.Terms.Select(t => ToCube(t, k)).ToHashSet()).ToList();
                for (var i = 0; i < models.Count; i++)
                {
                    for (var j = i + 1; j < models.Count; j++)
                    {
                        Assert.False(models[i].SetEquals(models[j]), $"{type}: {result.Models[i].Expression} and {result.Models[j].Expression} are one model");
                    }
                }

                if (type == SolutionType.Intermediate)
                {
                    foreach (var model in result.Models)
                    {
                        var easy = model.Intermediate!.EasyCounterfactuals.Configurations.Select(c => Convert.ToInt32(c, 2)).ToHashSet();
                        var primes = BruteForceMinimizer.PrimeImplicants(k, r => rows[r] == Positive || easy.Contains(r), positives);
                        var minimal = BruteForceMinimizer.MinimalModels(primes, positives, thenFewestLiterals: false);
                        var terms = model.Terms.Select(t => ToCube(t, k)).ToHashSet();
                        Assert.Contains(minimal, m => m.SetEquals(terms));
                    }

                    continue;
                }

                Func<int, bool> allowed = type == SolutionType.Conservative ? r => rows[r] == Positive : r => rows[r] != Negative;
                var expected = BruteForceMinimizer.MinimalModels(BruteForceMinimizer.PrimeImplicants(k, allowed, positives), positives, thenFewestLiterals: false);
                Assert.Equal(expected.Count, models.Count);
                Assert.All(expected, model => Assert.Contains(models, a => a.SetEquals(model)));
            }
        }, iter: 250, print: t => Print(t.Item1, t.Item2) + " expectations " + string.Join("", t.Item3));
    }

    /// <summary>
    /// The smallest table the differential above found with the intermediate model listed twice (its terms in
    /// another order, from another conservative–parsimonious pair), as the run against R's QCA found on a
    /// 4-condition table (#18).
    /// </summary>
    [Fact]
    public void Minimize_IntermediateModelFromTwoPairsInAnotherOrder_IsListedOnce()
    {
        const int K = 5;
        var rows = "01202201010012202001001122120102".Select(c => c - '0').ToArray();
        var expectations = Expectations(K, [0, 0, 2, 0, 0]);

        var result = BooleanMinimization.Minimize(Table(K, rows), new MinimizationOptions(SolutionType.Intermediate, expectations), TestContext.Current.CancellationToken);

        var models = result.Models.Select(m => string.Join(" + ", m.Terms.Select(t => t.Expression).Order(StringComparer.Ordinal))).ToList();
        Assert.Equal(models.Distinct().Count(), models.Count);
        Assert.Contains("A*B*~C*~E + A*~B*C*D + A*~B*D*E + B*C*~D*E + ~A*B*C*~D + ~A*~C*~D*E + ~B*C*D*E", models);
        Assert.Contains(result.Models, m => m.Intermediate!.AlsoDerivedFrom.Count > 0);
    }

    private static Dictionary<string, DirectionalExpectation> Expectations(int k, int[] codes) =>
        Enumerable.Range(0, k)
            .Where(i => codes[i] < 2)
            .ToDictionary(i => Name(i), i => codes[i] == 1 ? DirectionalExpectation.Present : DirectionalExpectation.Absent);

    private static MinimizationResult Minimize(int k, int[] rows, SolutionType type, ModelSelection selection = ModelSelection.FewestTermsThenLiterals) =>
        BooleanMinimization.Minimize(Table(k, rows), new MinimizationOptions(type, ModelSelection: selection, MaxModels: 100_000), TestContext.Current.CancellationToken);

    private static List<int> Positives(int[] rows) => Enumerable.Range(0, rows.Length).Where(r => rows[r] == Positive).ToList();

    private static IEnumerable<Cube> AllTerms(MinimizationResult result, int k) =>
        result.Models.SelectMany(m => m.Terms).Select(t => ToCube(t, k));

    private static Cube ToCube(SolutionTerm term, int k) => ToCube(term.Literals, k);

    private static Cube ToCube(string expression, int k) =>
        ToCube(expression == "1" ? [] : expression.Split('*').Select(SetReference.Parse).ToList(), k);

    private static Cube ToCube(IReadOnlyList<SetReference> literals, int k)
    {
        int mask = 0, bits = 0;
        foreach (var literal in literals)
        {
            var bit = 1 << (k - 1 - (literal.Name[0] - 'A'));
            mask |= bit;
            bits |= literal.Negated ? 0 : bit;
        }

        return new Cube(mask, bits);
    }

    private static IEnumerable<int> RowsOf(Cube cube, int k) => Enumerable.Range(0, 1 << k).Where(cube.Covers);

    private static string Print((int K, int[] Rows) table) => Print(table.K, table.Rows);

    private static string Print(int k, int[] rows) => $"k={k} rows={string.Join("", rows)}";
}
