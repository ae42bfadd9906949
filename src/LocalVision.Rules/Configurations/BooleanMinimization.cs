using System.Globalization;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Configurations;

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
        var run = new Run(truthTable, options, cancellationToken);
        var warnings = new List<string>(truthTable.Warnings);
        if (run.Positives.Count == 0)
        {
            warnings.Add($"No row is positive: there is nothing to explain for {truthTable.Outcome}.");
            return new MinimizationResult(options.SolutionType, truthTable.Outcome, truthTable.Conditions, [], [], warnings);
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
                (models, primes) = Intermediate(run, expectations, warnings);
                break;
        }

        models = models.Select((m, i) => m with { Name = "M" + (i + 1).ToString(CultureInfo.InvariantCulture) }).ToList();
        var chart = primes
            .Order(Comparer<Implicant>.Create((a, b) => Implicant.CompareForDisplay(a, b, run.K)))
            .Select(p => new PrimeImplicant(run.Expression(p), run.CoveredRows(p)))
            .ToList();
        return new MinimizationResult(options.SolutionType, truthTable.Outcome, truthTable.Conditions, models, chart, warnings);
    }

    private static IReadOnlyList<Implicant> ConservativePrimes(Run run) =>
        PrimeImplicants.OfUnion(run.Positives.Select(r => Implicant.Row(r, run.K)), run.CancellationToken);

    private static IReadOnlyList<Implicant> ParsimoniousPrimes(Run run, List<string> warnings)
    {
        if (run.Negatives.Count == 0)
        {
            warnings.Add("No row is negative: with the remainders every configuration is explained and the parsimonious solution is the tautology 1.");
        }

        return PrimeImplicants.AvoidingNegatives(run.Positives, run.Negatives, run.CancellationToken);
    }

    private static (List<SolutionModel> Models, IReadOnlyList<Implicant> Primes) Intermediate(
        Run run, Dictionary<int, bool> expectations, List<string> warnings)
    {
        if (run.Negatives.Count == 0)
        {
            // The parsimonious solution is then the tautology 1 and every conservative term reduces towards it,
            // so there is no intermediate solution to tell apart: R's QCA stops here, and so does this.
            throw new MinimizationRefusedException(
                MinimizationRefusedException.AllConfigurationsUsed,
                $"All truth table configurations are used, all conditions are minimized (as R's QCA says): no row of the truth table for {run.Outcome} is negative, "
                    + "so the remainders explain every configuration and the parsimonious solution is 1; there is no intermediate solution. "
                    + "Ask for the conservative solution, or check the truth table (a higher inclusion cut-off makes inconsistent rows negative).");
        }

        if (expectations.Count == 0)
        {
            warnings.Add("No directional expectations were given: the intermediate solution equals the conservative one.");
        }

        var conservative = run.Solve(ConservativePrimes(run), "conservative", warnings);
        var parsimonious = run.Solve(ParsimoniousPrimes(run, warnings), "parsimonious", warnings);
        // The intermediate models depend on a pair only through its reduced terms, and the same model
        // often comes from several pairs: minimise once per set of reduced terms, report each model once.
        var primes = new HashSet<Implicant>();
        var solvedByReduced = new Dictionary<string, (List<Implicant[]> Models, string[] Keys)>();
        var models = new List<(SolutionModel Model, List<string> AlsoFrom)>();
        var byTerms = new Dictionary<string, int>();
        for (var c = 0; c < conservative.Count; c++)
        {
            for (var p = 0; p < parsimonious.Count; p++)
            {
                var reduced = ReduceByExpectations(run, conservative[c], parsimonious[p], expectations);
                var reducedKey = ModelKey(reduced);
                if (!solvedByReduced.TryGetValue(reducedKey, out var solved))
                {
                    var pairPrimes = PrimeImplicants.OfUnion(run.Positives.Select(r => Implicant.Row(r, run.K)).Concat(reduced), run.CancellationToken)
                        .Where(run.CoversSomePositive)
                        .ToList();
                    primes.UnionWith(pairPrimes);
                    var solvedModels = run.Solve(pairPrimes, "intermediate", warnings);
                    solvedByReduced[reducedKey] = solved = (solvedModels, solvedModels.Select(ModelKey).ToArray());
                }

                var pair = $"C{c + 1}P{p + 1}";
                for (var m = 0; m < solved.Models.Count; m++)
                {
                    // Each pair's models list the terms common to that pair's models first, so one model can
                    // come in several orders: it is the same model when it has the same set of terms.
                    var (terms, key) = (solved.Models[m], solved.Keys[m]);
                    if (byTerms.TryGetValue(key, out var known))
                    {
                        models[known].AlsoFrom.Add(pair);
                        continue;
                    }

                    if (models.Count == run.MaxModels)
                    {
                        warnings.Add(string.Create(CultureInfo.InvariantCulture,
                            $"The intermediate solution has more distinct models than the {run.MaxModels} returned (stopped at pair {pair} of {conservative.Count * parsimonious.Count})."));
                        return Finish();
                    }

                    var derivation = new IntermediateDerivation(
                        pair,
                        run.ConfigurationsOf(reduced, except: []),
                        run.ConfigurationsOf(parsimonious[p], except: reduced),
                        []);
                    byTerms[key] = models.Count;
                    models.Add((run.Model(terms, withAssumptions: true) with { Intermediate = derivation }, []));
                }
            }
        }

        return Finish();

        (List<SolutionModel> Models, IReadOnlyList<Implicant> Primes) Finish()
        {
            var distinctWarnings = warnings.Distinct().ToList();
            warnings.Clear();
            warnings.AddRange(distinctWarnings);
            return (
                models.Select(m => m.Model with { Intermediate = m.Model.Intermediate! with { AlsoDerivedFrom = m.AlsoFrom } }).ToList(),
                primes.ToList());
        }
    }

    /// <summary>A model as a set of terms, each term a set of literals (an implicant is one already): the same whatever the order.</summary>
    private static string ModelKey(IEnumerable<Implicant> terms) =>
        string.Join(",", terms.Select(t => (t.Mask, t.Bits)).Order().Select(t => $"{t.Mask:x}/{t.Bits:x}"));

    /// <summary>
    /// Each conservative term contained in a parsimonious term drops the literals that are not in the
    /// parsimonious term and contradict an expectation: rows differing from the term only in a direction
    /// expected to help the outcome are easy counterfactuals.
    /// </summary>
    private static List<Implicant> ReduceByExpectations(
        Run run, Implicant[] conservative, Implicant[] parsimonious, Dictionary<int, bool> expectations)
    {
        var reduced = new List<Implicant>();
        foreach (var term in conservative)
        {
            foreach (var container in parsimonious.Where(p => p.Contains(term)))
            {
                var mask = term.Mask;
                foreach (var (condition, present) in expectations)
                {
                    var bit = 1UL << (run.K - 1 - condition);
                    if ((term.Mask & bit) != 0 && (container.Mask & bit) == 0 && ((term.Bits & bit) != 0) != present)
                    {
                        mask &= ~bit;
                    }
                }

                reduced.Add(new Implicant(mask, term.Bits));
            }
        }

        return reduced;
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

    /// <summary>The truth table's rows and memberships, and the model building shared by every solution type.</summary>
    private sealed class Run
    {
        private readonly TruthTable truthTable;
        private readonly MinimizationOptions options;
        private readonly HashSet<ulong> positiveSet;

        // Models share terms and rows: with many equally minimal models (as R lists them), each term's membership
        // and covered rows, and each row's configuration string, are worked out once per run, not once per model.
        private readonly Dictionary<Implicant, double[]> memberships = [];
        private readonly Dictionary<Implicant, IReadOnlyList<string>> coveredRows = [];
        private readonly Dictionary<ulong, string> configurations = [];

        public Run(TruthTable truthTable, MinimizationOptions options, CancellationToken cancellationToken)
        {
            this.truthTable = truthTable;
            this.options = options;
            CancellationToken = cancellationToken;
            K = truthTable.ConditionCount;
            Positives = truthTable.PositiveRows.Select(r => (ulong)r.Index).ToList();
            Negatives = truthTable.NegativeRows.Select(r => (ulong)r.Index).ToList();
            positiveSet = [.. Positives];
        }

        public int K { get; }

        public string Outcome => truthTable.Outcome;

        public int MaxModels => options.MaxModels;

        public CancellationToken CancellationToken { get; }

        public List<ulong> Positives { get; }

        public List<ulong> Negatives { get; }

        public bool CoversSomePositive(Implicant cube) => Positives.Any(cube.Covers);

        /// <summary>Every minimal cover of the positive rows by the primes, each sorted for display, models in order.</summary>
        public List<Implicant[]> Solve(IReadOnlyList<Implicant> primes, string label, List<string> warnings)
        {
            var solution = PrimeImplicantChart.Solve(primes, Positives, options.ModelSelection, options.MaxModels, CancellationToken);
            if (solution.Truncated)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The {label} solution has more equally minimal models than the {solution.Covers.Count} returned."));
            }

            if (solution.CostlierCoversSetAside)
            {
                warnings.Add($"Other {label} models with as few terms but more literals were set aside (R's QCA lists them too; ModelSelection.FewestTerms returns them).");
            }

            // As R's QCA writes them: terms common to every model first, then the model's own terms.
            var display = Comparer<Implicant>.Create((a, b) => Implicant.CompareForDisplay(a, b, K));
            var common = solution.Covers.Skip(1).Aggregate(
                solution.Covers.FirstOrDefault()?.ToHashSet() ?? [],
                (shared, cover) => { shared.IntersectWith(cover); return shared; });
            // A cover is a set of primes; primes equal as sets of literals are one term, so each model is listed once.
            return solution.Covers
                .Select(cover => cover.OrderBy(i => !common.Contains(i)).ThenBy(i => primes[i], display).Select(i => primes[i]).Distinct().ToArray())
                .DistinctBy(ModelKey)
                .OrderBy(m => m.Sum(t => t.LiteralCount))
                .ThenBy(m => m, Comparer<Implicant[]>.Create((a, b) => CompareModels(a, b, display)))
                .ToList();
        }

        public SolutionModel Model(Implicant[] terms, bool withAssumptions)
        {
            var y = truthTable.OutcomeMemberships;
            var names = truthTable.Cases.CaseNames;
            var memberships = terms.Select(MembershipOf).ToArray();
            var union = Union(memberships, except: -1);
            var modelSums = SetSums.Of(union, y);
            var modelFit = modelSums.Sufficiency();
            var built = new List<SolutionTerm>();
            for (var t = 0; t < terms.Length; t++)
            {
                var fit = SetSums.Of(memberships[t], y).Sufficiency();
                var without = terms.Length == 1 ? 0.0 : SetSums.Of(Union(memberships, except: t), y).Sufficiency().Coverage;
                var cases = Above(memberships[t]);
                var others = Union(memberships, except: t);
                built.Add(new SolutionTerm(
                    Expression(terms[t]),
                    Literals(terms[t]),
                    fit.Consistency,
                    fit.Coverage,
                    modelFit.Coverage - without,
                    fit.Pri,
                    cases.Select(c => names[c]).ToList(),
                    cases.Where(c => others[c] <= 0.5).Select(c => names[c]).ToList(),
                    cases.Where(c => y[c] <= 0.5).Select(c => names[c]).ToList(),
                    CoveredRows(terms[t])));
            }

            var covered = Above(union);
            return new SolutionModel(
                string.Empty,
                string.Join(" + ", terms.Select(Expression)),
                built,
                modelFit.Consistency,
                modelFit.Coverage,
                modelFit.Pri,
                covered.Select(c => names[c]).ToList(),
                covered.Where(c => y[c] <= 0.5).Select(c => names[c]).ToList(),
                Enumerable.Range(0, y.Length).Where(c => y[c] > 0.5 && union[c] <= 0.5).Select(c => names[c]).ToList(),
                withAssumptions ? ConfigurationsOf(terms, except: []) : ConfigurationSet.Empty,
                null);
        }

        /// <summary>The non-positive rows covered by <paramref name="cubes"/> and by none of <paramref name="except"/>.</summary>
        public ConfigurationSet ConfigurationsOf(IReadOnlyList<Implicant> cubes, IReadOnlyList<Implicant> except)
        {
            var count = RowUnion.Count(cubes, K, CancellationToken) - Positives.Count(r => cubes.Any(c => c.Covers(r)));
            if (except.Count > 0)
            {
                count -= RowUnion.Count([.. cubes.SelectMany(c => except.Select(e => Intersect(c, e)).OfType<Implicant>())], K, CancellationToken)
                    - Positives.Count(r => cubes.Any(c => c.Covers(r)) && except.Any(e => e.Covers(r)));
            }

            var listed = RowUnion.Ascending(cubes, K)
                .Where(r => !positiveSet.Contains(r) && !except.Any(e => e.Covers(r)))
                .Take(options.MaxListedConfigurations)
                .Select(Configuration)
                .ToList();
            return new ConfigurationSet(count, listed);
        }

        public IReadOnlyList<string> CoveredRows(Implicant cube)
        {
            if (!coveredRows.TryGetValue(cube, out var rows))
            {
                rows = Positives.Where(cube.Covers).Select(Configuration).ToList();
                coveredRows[cube] = rows;
            }

            return rows;
        }

        private double[] MembershipOf(Implicant cube)
        {
            if (!memberships.TryGetValue(cube, out var membership))
            {
                membership = truthTable.Membership(cube);
                memberships[cube] = membership;
            }

            return membership;
        }

        private string Configuration(ulong row)
        {
            if (!configurations.TryGetValue(row, out var configuration))
            {
                configuration = truthTable.ConfigurationOf((long)row);
                configurations[row] = configuration;
            }

            return configuration;
        }

        public string Expression(Implicant cube)
        {
            var literals = Literals(cube);
            return literals.Count == 0 ? "1" : string.Join("*", literals);
        }

        private IReadOnlyList<SetReference> Literals(Implicant cube)
        {
            var literals = new List<SetReference>();
            for (var i = 0; i < K; i++)
            {
                var bit = 1UL << (K - 1 - i);
                if ((cube.Mask & bit) != 0)
                {
                    var condition = truthTable.ConditionReferences[i];
                    literals.Add((cube.Bits & bit) != 0 ? condition : condition.Negate());
                }
            }

            return literals;
        }

        private static Implicant? Intersect(Implicant a, Implicant b) =>
            (a.Mask & b.Mask & (a.Bits ^ b.Bits)) != 0 ? null : new Implicant(a.Mask | b.Mask, a.Bits | b.Bits);

        private static double[] Union(double[][] memberships, int except)
        {
            var result = new double[memberships.Length == 0 ? 0 : memberships[0].Length];
            for (var t = 0; t < memberships.Length; t++)
            {
                if (t == except)
                {
                    continue;
                }

                for (var c = 0; c < result.Length; c++)
                {
                    result[c] = Math.Max(result[c], memberships[t][c]);
                }
            }

            return result;
        }

        private static List<int> Above(double[] membership) =>
            Enumerable.Range(0, membership.Length).Where(c => membership[c] > 0.5).ToList();

        private static int CompareModels(Implicant[] a, Implicant[] b, IComparer<Implicant> display)
        {
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = display.Compare(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
