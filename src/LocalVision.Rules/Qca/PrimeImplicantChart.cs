namespace LocalVision.Rules.Qca;

/// <summary>The minimal covers of a prime implicant chart, as indices into the prime implicants.</summary>
/// <param name="Covers">Every minimal cover (up to the cap), each sorted by prime index.</param>
/// <param name="CostlierCoversSetAside">
/// Covers with as few prime implicants but more literals exist and were set aside
/// (only with <see cref="ModelSelection.FewestTermsThenLiterals"/>).
/// </param>
/// <param name="Truncated">More minimal covers exist than were returned.</param>
internal sealed record ChartSolution(IReadOnlyList<int[]> Covers, bool CostlierCoversSetAside, bool Truncated);

/// <summary>
/// Solves a prime implicant chart exactly for all minimal covers. Only reductions that keep every
/// minimal cover are used: essential classes, column dominance, interchangeable implicants (same
/// columns), independent parts of the chart solved apart, and, when literals count, dropping an
/// implicant whose columns another covers with fewer literals. Plain row dominance is not used: it
/// would silently drop equally minimal models.
/// </summary>
internal static class PrimeImplicantChart
{
    public static ChartSolution Solve(
        IReadOnlyList<Implicant> primes, IReadOnlyList<ulong> columns, ModelSelection selection, int maxModels, CancellationToken cancellationToken)
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
        for (var c = 0; c < columns.Count; c++)
        {
            var covering = fullClasses.Where(g => g.Key[c]).ToList();
            if (covering.Count == 0)
            {
                return new ChartSolution([], false, false);
            }

            if (covering.Count == 1 && !forced.Contains(covering[0].Members))
            {
                forced.Add(covering[0].Members);
            }
        }

        var coveredByForced = new BitSet(columns.Count);
        forced.ForEach(members => coveredByForced.UnionWith(coverage[members[0]]));
        var forcedPrimes = forced.SelectMany(m => m).ToHashSet();
        var remaining = Enumerable.Range(0, columns.Count).Where(c => !coveredByForced[c]).ToList();
        var remainingSet = new BitSet(columns.Count);
        remaining.ForEach(remainingSet.Set);
        var classes = GroupBy(
                Enumerable.Range(0, primes.Count).Where(p => !forcedPrimes.Contains(p) && coverage[p].Intersects(remainingSet)),
                p => coverage[p].Intersect(remainingSet))
            .Select(g => g.Members)
            .ToList();
        var columnCandidates = DropDominatedColumns(remaining, classes, coverage);
        var classCost = classes.Select(members => members.Min(p => primes[p].LiteralCount)).ToArray();
        var byCost = selection == ModelSelection.FewestTermsThenLiterals;

        var search = new CoverSearch(columnCandidates, classes.Count, classCost, byCost, maxModels, cancellationToken);
        var (covers, truncated) = search.Solve();
        var costlier = byCost && search.CostlierCoverExists(covers);
        return Expand(forced, classes, covers, truncated, costlier, primes, byCost, maxModels);
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

    private static ChartSolution Expand(
        List<int[]> forced,
        List<int[]> classes,
        List<int[]> classCovers,
        bool truncated,
        bool costlier,
        IReadOnlyList<Implicant> primes,
        bool byCost,
        int maxModels)
    {
        int[] Choosable(int[] members)
        {
            if (!byCost)
            {
                return members;
            }

            // Within a class only the implicants with the fewest literals tie.
            var fewest = members.Min(p => primes[p].LiteralCount);
            var cheapest = members.Where(p => primes[p].LiteralCount == fewest).ToArray();
            costlier |= cheapest.Length < members.Length;
            return cheapest;
        }

        // A model picks one implicant from each forced class and from each class of a cover.
        var covers = new List<int[]>();
        foreach (var classCover in classCovers)
        {
            var choice = forced.Concat(classCover.Select(k => classes[k])).Select(members => Choosable(members).ToList()).ToList();
            foreach (var combination in CartesianProduct(choice))
            {
                if (covers.Count == maxModels)
                {
                    return new ChartSolution(covers, costlier, true);
                }

                covers.Add(combination.Order().ToArray());
            }
        }

        return new ChartSolution(covers, costlier, truncated);
    }

    /// <summary>Every way of taking one item from each list, lazily; one empty combination for no lists.</summary>
    internal static IEnumerable<T[]> CartesianProduct<T>(List<List<T>> lists)
    {
        if (lists.Any(l => l.Count == 0))
        {
            yield break;
        }

        var index = new int[lists.Count];
        while (true)
        {
            yield return lists.Select((items, i) => items[index[i]]).ToArray();
            var position = lists.Count - 1;
            while (position >= 0 && ++index[position] == lists[position].Count)
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
}
