using System.Globalization;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Qca;

/// <summary>
/// Enhanced Standard Analysis (Schneider and Wagemann 2012, ch. 8): the remainders a parsimonious or intermediate
/// solution may not take as sufficient. Untenable remainders are given by the analyst (configurations that cannot
/// occur or contradict what is known); contradictory simplifying assumptions are found here: the remainders that the
/// parsimonious solution for the outcome and the one for its negation both take (Yamasaki and Rihoux 2009), which
/// cannot be sufficient for both. The minimisation then treats every excluded remainder as a negative row.
/// </summary>
internal static class EnhancedStandardAnalysis
{
    /// <summary>Most contradictory assumptions worked out; past it the analysis is refused rather than left partial.</summary>
    internal const int MaxAssumptions = 1 << 16;

    /// <summary>The excluded remainders as rows, in row order, with a note of what was left out.</summary>
    /// <exception cref="GraphValidationException">An untenable remainder is not a configuration of the conditions, or is a positive row.</exception>
    /// <exception cref="MinimizationRefusedException">More simplifying assumptions than can be compared.</exception>
    public static IReadOnlyList<ulong> Excluded(TruthTable truthTable, MinimizationOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        var excluded = new SortedSet<ulong>(Untenable(truthTable, options.UntenableRemainders ?? []));
        if (options.SolutionType == SolutionType.Conservative)
        {
            if (excluded.Count > 0 || options.ExcludeContradictoryAssumptions)
            {
                warnings.Add("The conservative solution takes no remainder as sufficient: there is nothing for Enhanced Standard Analysis to exclude.");
            }

            return [];
        }

        if (options.ExcludeContradictoryAssumptions)
        {
            var contradictory = Contradictory(truthTable, options, cancellationToken);
            excluded.UnionWith(contradictory);
            warnings.Add(contradictory.Count == 0
                ? $"No simplifying assumption is made both for {truthTable.Outcome} and for its negation: Enhanced Standard Analysis excluded no contradictory one."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Enhanced Standard Analysis excluded {contradictory.Count} contradictory simplifying assumption{(contradictory.Count == 1 ? "" : "s")} (remainders the parsimonious solutions for {truthTable.Outcome} and its negation both take)."));
        }

        return [.. excluded];
    }

    /// <summary>The rows of the analyst's untenable remainders; negative rows are kept out already and are passed over.</summary>
    private static IEnumerable<ulong> Untenable(TruthTable truthTable, IReadOnlyList<string> configurations)
    {
        var k = truthTable.ConditionCount;
        var violations = new List<FieldViolation>();
        var rows = new List<ulong>();
        var outcomes = truthTable.Rows.ToDictionary(r => (ulong)r.Index, r => r.Outcome);
        for (var i = 0; i < configurations.Count; i++)
        {
            var configuration = configurations[i].Trim();
            var field = $"untenable_remainders[{i}]";
            if (configuration.Length != k || configuration.Any(c => c is not ('0' or '1')))
            {
                violations.Add(new(field, $"must be a configuration of the {k} conditions in order, one 0 or 1 each (e.g. {new string('1', k)})"));
                continue;
            }

            var row = Convert.ToUInt64(configuration, 2);
            if (outcomes.TryGetValue(row, out var outcome) && outcome == OutcomeValue.Positive)
            {
                violations.Add(new(field, $"{configuration} is a positive row of the truth table (its cases show it sufficient), not a remainder"));
                continue;
            }

            rows.Add(row);
        }

        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }

        return rows;
    }

    /// <summary>The remainders both parsimonious solutions, for the outcome and for its negation, take as sufficient.</summary>
    private static List<ulong> Contradictory(TruthTable truthTable, MinimizationOptions options, CancellationToken cancellationToken)
    {
        var parsimonious = new MinimizationOptions(SolutionType.Parsimonious, MaxModels: options.MaxModels, MaxListedConfigurations: MaxAssumptions);
        var forOutcome = Assumptions(BooleanMinimization.Minimize(truthTable, parsimonious, cancellationToken));
        if (forOutcome.Count == 0)
        {
            return [];
        }

        var negation = SetReference.Parse(truthTable.Outcome).Negate().ToString();
        var negated = TruthTable.Build(truthTable.Cases, negation, truthTable.Conditions, truthTable.Options);
        var forNegation = Assumptions(BooleanMinimization.Minimize(negated, parsimonious, cancellationToken));
        return forOutcome.Intersect(forNegation).Select(c => Convert.ToUInt64(c, 2)).Order().ToList();
    }

    private static HashSet<string> Assumptions(MinimizationResult result)
    {
        if (result.Models.Any(m => m.SimplifyingAssumptions.IsTruncated))
        {
            throw new MinimizationRefusedException(
                MinimizationRefusedException.TooManyAssumptions,
                string.Create(CultureInfo.InvariantCulture,
                    $"The parsimonious solution for {result.Outcome} takes more than {MaxAssumptions} remainders as sufficient: too many to compare for contradictory simplifying assumptions. ")
                    + "Use fewer conditions, or name the untenable remainders yourself.");
        }

        return result.Models.SelectMany(m => m.SimplifyingAssumptions.Configurations).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The cubes' rows without the excluded rows, as cubes: a cube holding an excluded row is replaced by the cubes
    /// that fix one more of its free conditions against that row (their union is the cube without the row).
    /// </summary>
    public static List<Implicant> Without(IEnumerable<Implicant> cubes, IReadOnlyList<ulong> excluded, int k)
    {
        var current = cubes.Distinct().ToList();
        foreach (var row in excluded)
        {
            var next = new List<Implicant>();
            foreach (var cube in current)
            {
                if (!cube.Covers(row))
                {
                    next.Add(cube);
                    continue;
                }

                for (var free = Implicant.FullMask(k) & ~cube.Mask; free != 0; free &= free - 1)
                {
                    var bit = free & (~free + 1);
                    next.Add(new Implicant(cube.Mask | bit, cube.Bits | (~row & bit)));
                }
            }

            current = next.Where((c, i) => !next.Where((o, j) => j != i && o.Contains(c) && (o != c || j < i)).Any()).ToList();
        }

        return current;
    }
}
