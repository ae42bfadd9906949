namespace LocalVision.Rules.Configurations;

/// <summary>The minimal covers of a prime implicant chart, as indices into the prime implicants.</summary>
/// <param name="Covers">Every minimal cover (up to the cap), each sorted by prime index.</param>
/// <param name="SetAsideForLiterals">
/// Covers with the fewest prime implicants that were set aside because others use fewer literals.
/// </param>
/// <param name="Truncated">More minimal covers exist than were returned.</param>
internal sealed record ChartSolution(IReadOnlyList<int[]> Covers, long SetAsideForLiterals, bool Truncated);

/// <summary>
/// Solves a prime implicant chart exactly for all minimal covers. Only reductions that keep every
/// minimal cover are used (essential classes, column dominance, interchangeable implicants); row
/// dominance is not, because it would silently drop equally minimal models.
/// </summary>
internal static class PrimeImplicantChart
{
    // Guards against charts whose minimal covers number in the millions.
    private const int MaxClassCovers = 100_000;

    public static ChartSolution Solve(
        IReadOnlyList<Implicant> primes, IReadOnlyList<ulong> columns, ModelSelection selection, int maxModels)
    {
        var coverage = primes.Select(p =>
        {
            var set = new BitSet(columns.Count);
            for (var c = 0; c < columns.Count; c++)
            {
                if (p.Covers(columns[c]))
                {
                    set.Set(c);
                }
            }

            return set;
        }).ToList();

        // Implicants covering the same columns are interchangeable in any cover: solve over classes.
        var fullClasses = GroupBy(Enumerable.Range(0, primes.Count).Where(p => !coverage[p].IsEmpty), p => coverage[p]);
        var forced = new List<int[]>();
        var coveredByForced = new BitSet(columns.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            var covering = fullClasses.Where(g => g.Key[c]).ToList();
            if (covering.Count == 0)
            {
                return new ChartSolution([], 0, false);
            }

            if (covering.Count == 1 && !forced.Contains(covering[0].Members))
            {
                forced.Add(covering[0].Members);
            }
        }

        foreach (var members in forced)
        {
            foreach (var c in coverage[members[0]].Members())
            {
                coveredByForced.Set(c);
            }
        }

        var forcedPrimes = forced.SelectMany(m => m).ToHashSet();
        var remaining = Enumerable.Range(0, columns.Count).Where(c => !coveredByForced[c]).ToList();
        var remainingSet = new BitSet(columns.Count);
        remaining.ForEach(remainingSet.Set);
        var classes = GroupBy(
                Enumerable.Range(0, primes.Count).Where(p => !forcedPrimes.Contains(p) && coverage[p].CountIntersection(remainingSet) > 0),
                p => coverage[p].Intersect(remainingSet))
            .Select(g => g.Members)
            .ToList();
        var reducedColumns = DropDominatedColumns(remaining, classes, coverage);

        var classCovers = MinimumClassCovers(reducedColumns, classes, coverage);
        return Expand(forced, classes, classCovers.Covers, classCovers.Truncated, primes, selection, maxModels);
    }

    private static List<(BitSet Key, int[] Members)> GroupBy(IEnumerable<int> primes, Func<int, BitSet> key) =>
        primes.GroupBy(key).Select(g => (g.Key, g.ToArray())).ToList();

    /// <summary>
    /// A column whose covering classes include all those of another column is implied by it: any set
    /// covering the other covers this one too. Returns, per kept column, the classes covering it.
    /// </summary>
    private static List<int[]> DropDominatedColumns(List<int> columns, List<int[]> classes, List<BitSet> coverage)
    {
        var candidates = columns.Select(c =>
        {
            var set = new BitSet(classes.Count);
            for (var k = 0; k < classes.Count; k++)
            {
                if (coverage[classes[k][0]][c])
                {
                    set.Set(k);
                }
            }

            return set;
        }).ToList();

        var kept = new List<int[]>();
        for (var j = 0; j < candidates.Count; j++)
        {
            var implied = false;
            for (var i = 0; i < candidates.Count && !implied; i++)
            {
                implied = i != j && candidates[i].IsSubsetOf(candidates[j]) && (i < j || !candidates[i].Equals(candidates[j]));
            }

            if (!implied)
            {
                kept.Add(candidates[j].Members().ToArray());
            }
        }

        return kept;
    }

    private static (List<int[]> Covers, bool Truncated) MinimumClassCovers(
        List<int[]> columnCandidates, List<int[]> classes, List<BitSet> coverage)
    {
        if (columnCandidates.Count == 0)
        {
            return ([Array.Empty<int>()], false);
        }

        // Class k covers the reduced columns listed for it.
        var classCover = classes.Select(_ => new BitSet(columnCandidates.Count)).ToList();
        for (var c = 0; c < columnCandidates.Count; c++)
        {
            foreach (var k in columnCandidates[c])
            {
                classCover[k].Set(c);
            }
        }

        var search = new CoverSearch(columnCandidates, classCover);
        for (var size = 1; size <= columnCandidates.Count; size++)
        {
            search.Run(size);
            if (search.Found.Count > 0)
            {
                return (search.Found, search.Truncated);
            }
        }

        return ([], false);
    }

    private static ChartSolution Expand(
        List<int[]> forced,
        List<int[]> classes,
        List<int[]> classCovers,
        bool truncated,
        IReadOnlyList<Implicant> primes,
        ModelSelection selection,
        int maxModels)
    {
        if (classCovers.Count == 0)
        {
            return new ChartSolution([], 0, false);
        }

        // Each cover picks one implicant per class: forced classes plus the chosen ones.
        var choices = classCovers.Select(cover => forced.Concat(cover.Select(k => classes[k])).ToList()).ToList();
        long setAside = 0;
        if (selection == ModelSelection.FewestTermsThenLiterals)
        {
            int MinLiterals(int[] members) => members.Min(p => primes[p].LiteralCount);
            var costs = choices.Select(c => c.Sum(MinLiterals)).ToList();
            var best = costs.Min();
            var allModels = choices.Aggregate(0L, (sum, c) => Saturating(sum, Product(c)));
            choices = choices.Where((_, i) => costs[i] == best)
                .Select(c => c.Select(members => members.Where(p => primes[p].LiteralCount == MinLiterals(members)).ToArray()).ToList())
                .ToList();
            setAside = allModels - choices.Aggregate(0L, (sum, c) => Saturating(sum, Product(c)));
        }

        var covers = new List<int[]>();
        foreach (var choice in choices)
        {
            foreach (var combination in CartesianProduct(choice))
            {
                if (covers.Count == maxModels)
                {
                    return new ChartSolution(covers, setAside, true);
                }

                covers.Add(combination.Order().ToArray());
            }
        }

        return new ChartSolution(covers, setAside, truncated);
    }

    private static long Product(List<int[]> choice) =>
        choice.Aggregate(1L, (product, members) => product > long.MaxValue / members.Length ? long.MaxValue : product * members.Length);

    private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static IEnumerable<int[]> CartesianProduct(List<int[]> choice)
    {
        var index = new int[choice.Count];
        while (true)
        {
            yield return choice.Select((members, i) => members[index[i]]).ToArray();
            var position = choice.Count - 1;
            while (position >= 0 && ++index[position] == choice[position].Length)
            {
                index[position] = 0;
                position--;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Depth-first search for every set of exactly <c>size</c> classes covering all columns. Branching on
    /// the uncovered column with the fewest candidates, and excluding earlier candidates from later
    /// branches, reaches each cover exactly once.
    /// </summary>
    private sealed class CoverSearch(List<int[]> columnCandidates, List<BitSet> classCover)
    {
        private readonly bool[] excluded = new bool[classCover.Count];
        private readonly int largestCover = classCover.Count == 0 ? 0 : classCover.Max(c => c.Count);
        private readonly List<int> chosen = [];

        public List<int[]> Found { get; } = [];

        public bool Truncated { get; private set; }

        public void Run(int size)
        {
            var all = new BitSet(columnCandidates.Count);
            for (var c = 0; c < columnCandidates.Count; c++)
            {
                all.Set(c);
            }

            Visit(all, size);
        }

        private void Visit(BitSet uncovered, int size)
        {
            if (uncovered.IsEmpty)
            {
                if (Found.Count == MaxClassCovers)
                {
                    Truncated = true;
                    return;
                }

                Found.Add([.. chosen]);
                return;
            }

            var left = size - chosen.Count;
            if (left == 0 || uncovered.Count > left * largestCover || Truncated)
            {
                return;
            }

            int[]? branch = null;
            foreach (var column in uncovered.Members())
            {
                var open = columnCandidates[column].Where(k => !excluded[k]).ToArray();
                if (branch is null || open.Length < branch.Length)
                {
                    branch = open;
                }

                if (open.Length <= 1)
                {
                    break;
                }
            }

            foreach (var k in branch!)
            {
                chosen.Add(k);
                Visit(uncovered.Except(classCover[k]), size);
                chosen.RemoveAt(chosen.Count - 1);
                excluded[k] = true;
            }

            foreach (var k in branch)
            {
                excluded[k] = false;
            }
        }
    }
}
