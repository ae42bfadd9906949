using System.Globalization;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <summary>
/// Exact Boolean minimisation of a truth table into its conservative, parsimonious or intermediate
/// solution, with every equally minimal model.
/// </summary>
/// <remarks>
/// Prime implicants are found without listing remainders: for the parsimonious solution as the minimal
/// hitting sets of the differences between each positive row and the negative rows, for the
/// conservative and intermediate ones by iterated consensus over the positive rows (and the easy
/// counterfactuals). The chart is then solved exactly for all minimal covers. The intermediate solution
/// follows R's QCA package (after Ragin and Sonnett): for each pair of a conservative and a
/// parsimonious model, every conservative term loses the literals that contradict a directional
/// expectation and are not in the parsimonious term containing it; the simplifying assumptions those
/// reduced terms cover are the easy counterfactuals, and the positive rows are minimised again with them.
/// </remarks>
public static class BooleanMinimization
{
    /// <exception cref="GraphValidationException">An option is out of range or an expectation names no condition.</exception>
    /// <exception cref="MinimizationRefusedException">The intermediate solution of a truth table without a negative row (R's QCA refuses it too).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled: the search is exponential in the worst case.</exception>
    public static MinimizationResult Minimize(TruthTable truthTable, MinimizationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(truthTable);
        options ??= new MinimizationOptions();
        var expectations = Validate(truthTable, options);
        var warnings = new List<string>(truthTable.Warnings);
        var excluded = EnhancedStandardAnalysis.Excluded(truthTable, options, warnings, cancellationToken);
        var run = new MinimizationRun(truthTable, options, excluded, cancellationToken);
        IReadOnlyList<string> excludedRemainders = [.. excluded.Select(r => truthTable.ConfigurationOf((long)r))];
        if (run.Positives.Count == 0)
        {
            warnings.Add($"No row is positive: there is nothing to explain for {truthTable.Outcome}.");
            return new MinimizationResult(options.SolutionType, truthTable.Outcome, truthTable.Conditions, [], [], warnings) { ExcludedRemainders = excludedRemainders };
        }

        List<SolutionModel> models;
        IReadOnlyList<Implicant> primes;
        switch (options.SolutionType)
        {
            case SolutionType.Conservative:
                primes = ConservativePrimes(run);
                models = run.Solve(primes, "conservative", warnings).Select(m => run.Model(m, withAssumptions: false)).ToList();
                break;
            case SolutionType.Parsimonious:
                primes = ParsimoniousPrimes(run, warnings);
                models = run.Solve(primes, "parsimonious", warnings).Select(m => run.Model(m, withAssumptions: true)).ToList();
                break;
            default:
                (models, primes) = IntermediateSolution.Derive(run, expectations, warnings);
                break;
        }

        models = models.Select((m, i) => m with { Name = "M" + (i + 1).ToString(CultureInfo.InvariantCulture) }).ToList();
        var chart = primes
            .Order(Comparer<Implicant>.Create((a, b) => Implicant.CompareForDisplay(a, b, run.K)))
            .Select(p => new PrimeImplicant(run.Expression(p), run.CoveredRows(p)))
            .ToList();
        return new MinimizationResult(options.SolutionType, truthTable.Outcome, truthTable.Conditions, models, chart, warnings) { ExcludedRemainders = excludedRemainders };
    }

    internal static IReadOnlyList<Implicant> ConservativePrimes(MinimizationRun run) =>
        PrimeImplicants.OfUnion(run.Positives.Select(r => Implicant.Row(r, run.K)), run.CancellationToken);

    internal static IReadOnlyList<Implicant> ParsimoniousPrimes(MinimizationRun run, List<string> warnings)
    {
        if (run.Avoided.Count == 0)
        {
            warnings.Add("No row is negative: with the remainders every configuration is explained and the parsimonious solution is the tautology 1.");
        }

        // Remainders excluded by Enhanced Standard Analysis are avoided as the negative rows are.
        return PrimeImplicants.AvoidingNegatives(run.Positives, run.Avoided, run.CancellationToken);
    }

    private static Dictionary<int, bool> Validate(TruthTable truthTable, MinimizationOptions options)
    {
        if (options.MaxModels < 1)
        {
            throw GraphValidationException.Single("max_models", "must allow at least one model");
        }

        if (options.MaxListedConfigurations < 0)
        {
            throw GraphValidationException.Single("max_listed_configurations", "must not be negative");
        }

        var expectations = new Dictionary<int, bool>();
        foreach (var (condition, expectation) in options.DirectionalExpectations ?? new Dictionary<string, DirectionalExpectation>())
        {
            var reference = SetReference.Parse(condition);
            var index = truthTable.ConditionReferences.ToList().FindIndex(c => c.Name == reference.Name);
            if (index < 0)
            {
                throw GraphValidationException.Single($"directional_expectations[{condition}]", "is not a condition of the truth table");
            }

            // An expectation about ~X where the condition is X (or the reverse) is the opposite expectation.
            var present = expectation == DirectionalExpectation.Present;
            expectations[index] = reference.Negated == truthTable.ConditionReferences[index].Negated ? present : !present;
        }

        return expectations;
    }
}
