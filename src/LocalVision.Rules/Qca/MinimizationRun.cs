using System.Globalization;

namespace LocalVision.Rules.Qca;

/// <summary>The truth table's rows and memberships, and the model building shared by every solution type.</summary>
internal sealed class MinimizationRun
{
    private readonly TruthTable truthTable;
    private readonly MinimizationOptions options;
    private readonly HashSet<ulong> positiveSet;

    // Models share terms and rows: with many equally minimal models (as R lists them), each term's membership
    // and covered rows, and each row's configuration string, are worked out once per run, not once per model.
    private readonly Dictionary<Implicant, double[]> memberships = [];
    private readonly Dictionary<Implicant, IReadOnlyList<string>> coveredRows = [];
    private readonly Dictionary<ulong, string> configurations = [];

    public MinimizationRun(TruthTable truthTable, MinimizationOptions options, IReadOnlyList<ulong> excluded, CancellationToken cancellationToken)
    {
        Excluded = excluded;
        this.truthTable = truthTable;
        this.options = options;
        CancellationToken = cancellationToken;
        K = truthTable.ConditionCount;
        Positives = truthTable.PositiveRows.Select(r => (ulong)r.Index).ToList();
        Negatives = truthTable.NegativeRows.Select(r => (ulong)r.Index).ToList();
        positiveSet = [.. Positives];
        Avoided = [.. Negatives.Union(excluded)];
    }

    public int K { get; }

    public string Outcome => truthTable.Outcome;

    public int MaxModels => options.MaxModels;

    public CancellationToken CancellationToken { get; }

    public List<ulong> Positives { get; }

    public List<ulong> Negatives { get; }

    /// <summary>Remainders Enhanced Standard Analysis keeps out of every solution, in row order.</summary>
    public IReadOnlyList<ulong> Excluded { get; }

    /// <summary>The rows no term may cover once remainders are allowed: the negative rows and the excluded remainders.</summary>
    public List<ulong> Avoided { get; }

    public bool CoversSomePositive(Implicant cube) => Positives.Any(cube.Covers);

    /// <summary>A model as a set of terms, each term a set of literals (an implicant is one already): the same whatever the order.</summary>
    public static string ModelKey(IEnumerable<Implicant> terms) =>
        string.Join(",", terms.Select(t => (t.Mask, t.Bits)).Order().Select(t => $"{t.Mask:x}/{t.Bits:x}"));

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
