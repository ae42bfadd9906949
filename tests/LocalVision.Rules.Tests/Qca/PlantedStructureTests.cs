using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// Twenty conditions, 25 cases whose outcome is exactly C01*C02*~C03 + C04*C05: one typical case of each
/// term, and otherwise cases without the outcome. For every literal of each planted term there is a "near
/// miss", a case with the term's other literals but that one flipped, which makes each planted term a
/// prime implicant; one more case agrees with both typical cases wherever they agree, so no single term
/// can explain both and the minimal models need two terms.
/// </summary>
public sealed class PlantedStructureTests
{
    private const int Conditions = 20;

    [Theory]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2024)]
    public void Minimize_TwentyConditions_RecoversThePlantedStructure(int seed)
    {
        var table = TruthTable.Build(Generate(seed), "Y", Names());

        var everyTwoTermModel = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious), TestContext.Current.CancellationToken);
        var parsimonious = BooleanMinimization.Minimize(
            table, new MinimizationOptions(SolutionType.Parsimonious, ModelSelection: ModelSelection.FewestTermsThenLiterals), TestContext.Current.CancellationToken);

        // By default (as in R) every two-term cover is a model: many here, up to the cap, which a warning
        // names; with the literal tie-break the models found use at most the planted model's five literals.
        Assert.All(everyTwoTermModel.Models, m =>
        {
            Assert.Equal(2, m.Terms.Count);
            Assert.Equal(1.0, m.Coverage, 12);
        });
        Assert.True(everyTwoTermModel.Models.Count > parsimonious.Models.Count);
        var primes = parsimonious.PrimeImplicants.Select(p => p.Expression).ToList();
        Assert.Contains("C01*C02*~C03", primes);
        Assert.Contains("C04*C05", primes);
        Assert.NotEmpty(parsimonious.Models);
        Assert.All(parsimonious.Models, m =>
        {
            Assert.Equal(2, m.Terms.Count);
            Assert.InRange(m.Terms.Sum(t => t.Literals.Count), 2, 5);
            Assert.Equal(1.0, m.Consistency, 12);
            Assert.Equal(1.0, m.Coverage, 12);
            Assert.NotEqual(0, m.SimplifyingAssumptions.Count);
        });
    }

    [Theory]
    [InlineData(7)]
    [InlineData(42)]
    public void Minimize_TwentyConditionsConservativeAndIntermediate_StayWithinThePositiveRows(int seed)
    {
        var table = TruthTable.Build(Generate(seed), "Y", Names());
        var expectations = Names().ToDictionary(n => n, n => n == "C03" ? DirectionalExpectation.Absent : DirectionalExpectation.Present);

        var conservative = BooleanMinimization.Minimize(table, cancellationToken: TestContext.Current.CancellationToken);
        var intermediate = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Intermediate, expectations), TestContext.Current.CancellationToken);

        var positives = table.PositiveRows.Select(r => r.Configuration).ToHashSet();
        var model = Assert.Single(conservative.Models);
        Assert.Equal(1.0, model.Consistency, 12);
        Assert.Equal(1.0, model.Coverage, 12);
        Assert.All(model.Terms, t => Assert.Subset(positives, t.CoveredRows.ToHashSet()));
        Assert.NotEmpty(intermediate.Models);
        Assert.All(intermediate.Models, m =>
        {
            Assert.Equal(1.0, m.Consistency, 12);
            Assert.Equal(1.0, m.Coverage, 12);
            Assert.All(m.SimplifyingAssumptions.Configurations, c => Assert.Contains(c, m.Intermediate!.EasyCounterfactuals.Configurations));
        });
    }

    private static List<string> Names() => Enumerable.Range(1, Conditions).Select(i => $"C{i:00}").ToList();

    private static CaseTable Generate(int seed)
    {
        var random = new Random(seed);
        var rows = new List<bool[]>();
        bool[] RandomRow() => Enumerable.Range(0, Conditions).Select(_ => random.Next(2) == 1).ToArray();
        bool[] With(params (int Condition, bool Value)[] values)
        {
            var row = RandomRow();
            foreach (var (condition, value) in values)
            {
                row[condition - 1] = value;
            }

            return row;
        }

        // One typical case of each term, then the near misses (the other term kept false).
        var first = With((1, true), (2, true), (3, false), (4, false));
        var second = With((4, true), (5, true), (1, false));
        rows.Add(first);
        rows.Add(second);
        rows.Add(With((1, false), (2, true), (3, false), (4, false)));
        rows.Add(With((1, true), (2, false), (3, false), (4, false)));
        rows.Add(With((1, true), (2, true), (3, true), (4, false)));
        rows.Add(With((4, false), (5, true), (1, false)));
        rows.Add(With((4, true), (5, false), (1, false)));
        var between = RandomRow();
        for (var c = 0; c < Conditions; c++)
        {
            between[c] = first[c] == second[c] ? first[c] : c is not (0 or 3) && between[c];
        }

        rows.Add(between);
        while (rows.Count < 25)
        {
            rows.Add(With((1, false), (4, false)));
        }

        return new CaseTable(rows.Select((row, i) =>
        {
            var memberships = Enumerable.Range(0, Conditions).ToDictionary(c => $"C{c + 1:00}", c => row[c] ? 1.0 : 0.0);
            var outcome = (row[0] && row[1] && !row[2]) || (row[3] && row[4]);
            memberships["Y"] = outcome ? 1.0 : 0.0;
            return new Case($"case{i + 1:00}", memberships);
        }));
    }
}
