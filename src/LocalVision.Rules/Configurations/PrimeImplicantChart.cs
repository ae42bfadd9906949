namespace LocalVision.Rules.Configurations;

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
    private static IEnumerable<T[]> CartesianProduct<T>(List<List<T>> lists)
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

    /// <summary>
    /// Exact weighted set cover over classes, enumerating every optimal cover. A class weighs one, or,
    /// when literals break ties, a large constant plus its literal count, so that the optimum has the
    /// fewest classes and then the fewest literals. Each (sub)problem is solved in two passes: branch and
    /// bound for the optimal weight, then the collection of every cover of that weight. Branching is on
    /// the uncovered column with the fewest open candidates; a candidate tried in one branch is excluded
    /// from the later ones, so each cover is reached once. Whenever the uncovered columns fall apart into
    /// groups sharing no open class, the groups are solved on their own (and remembered) and their optimal
    /// covers combined.
    /// </summary>
    private sealed class CoverSearch
    {
        private readonly int columnCount;
        private readonly int classCount;
        private readonly int[] classCost;
        private readonly long[] weight;
        private readonly int[] unit;
        private readonly long perClass;
        private readonly double[] warmCount;
        private readonly double[] warmCost;
        private readonly double[] reducedCount;
        private readonly double[] reducedCost;
        private readonly int cap;
        private readonly BitSet[] candidates;
        private readonly BitSet[] classCover;
        private readonly int[][] candidateList;
        private readonly int[][] classColumns;
        private readonly BitSet dominated;
        private readonly Dictionary<SubProblem, SubResult> solved = [];
        private readonly CancellationToken cancellationToken;

        public CoverSearch(List<int[]> columnCandidates, int classCount, int[] classCost, bool byCost, int cap, CancellationToken cancellationToken)
        {
            this.cancellationToken = cancellationToken;
            columnCount = columnCandidates.Count;
            this.classCount = classCount;
            this.classCost = classCost;
            this.cap = cap;
            candidateList = [.. columnCandidates];
            candidates = columnCandidates.Select(list =>
            {
                var set = new BitSet(classCount);
                Array.ForEach(list, set.Set);
                return set;
            }).ToArray();
            classCover = Enumerable.Range(0, classCount).Select(_ => new BitSet(columnCount)).ToArray();
            for (var c = 0; c < columnCount; c++)
            {
                foreach (var k in columnCandidates[c])
                {
                    classCover[k].Set(c);
                }
            }

            classColumns = classCover.Select(cover => cover.Members().ToArray()).ToArray();

            // An irredundant cover has at most one class per column, each of at most 64 literals, so a
            // class weight above all literal totals makes the number of classes count first.
            perClass = byCost ? (columnCount * 64L) + 1 : 1;
            weight = classCost.Select(cost => byCost ? perClass + cost : 1L).ToArray();
            unit = Enumerable.Repeat(1, classCount).ToArray();
            warmCount = new double[columnCount];
            warmCost = new double[columnCount];
            reducedCount = new double[classCount];
            reducedCost = new double[classCount];

            // A class whose columns a lighter class also covers is in no optimal cover: swapping it for
            // the lighter one keeps the cover and lowers its weight.
            dominated = new BitSet(classCount);
            for (var i = 0; i < classCount; i++)
            {
                for (var j = 0; j < classCount; j++)
                {
                    if (weight[j] < weight[i] && classCover[i].IsSubsetOf(classCover[j]))
                    {
                        dominated.Set(i);
                        break;
                    }
                }
            }
        }

        /// <summary>Every optimal cover (up to the cap) as class indices, and whether there were more.</summary>
        public (List<int[]> Covers, bool Truncated) Solve()
        {
            var result = SolveSubProblem(BitSet.Full(columnCount), BitSet.Full(classCount));
            return (result.Covers, result.Truncated);
        }

        /// <summary>
        /// Whether swapping one class of a cheapest cover for a costlier class gives another cover of the
        /// same size, i.e. whether equally short but costlier covers were set aside.
        /// </summary>
        public bool CostlierCoverExists(List<int[]> cheapestCovers)
        {
            foreach (var cover in cheapestCovers)
            {
                foreach (var member in cover)
                {
                    var onlyHere = classCover[member];
                    foreach (var other in cover.Where(k => k != member))
                    {
                        onlyHere = onlyHere.Except(classCover[other]);
                    }

                    for (var k = 0; k < classCount; k++)
                    {
                        if (classCost[k] > classCost[member] && !cover.Contains(k) && onlyHere.IsSubsetOf(classCover[k]))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private SubResult SolveSubProblem(BitSet columns, BitSet open)
        {
            var key = new SubProblem(columns, open);
            if (solved.TryGetValue(key, out var known))
            {
                return known;
            }

            var excluded = new BitSet(classCount);
            for (var k = 0; k < classCount; k++)
            {
                if (!open[k] || dominated[k])
                {
                    excluded.Set(k);
                }
            }

            var best = Greedy(columns, excluded);
            SearchBest(columns, excluded, 0, ref best);
            var result = new SubResult(best, [], false);
            if (best < long.MaxValue)
            {
                Collect(columns, excluded, [], 0, result);
            }

            solved[key] = result;
            return result;
        }

        private void SearchBest(BitSet uncovered, BitSet excluded, long used, ref long best)
        {
            // Every node computes bounds over the whole open chart, so one check per node costs nothing.
            cancellationToken.ThrowIfCancellationRequested();
            if (uncovered.IsEmpty)
            {
                best = Math.Min(best, used);
                return;
            }

            var cheap = CheapBound(uncovered, excluded);
            if (cheap == long.MaxValue || used + cheap >= best)
            {
                return;
            }

            if (Groups(uncovered, excluded) is { } groups)
            {
                var total = used;
                foreach (var (columns, open) in groups)
                {
                    var part = SolveSubProblem(columns, open).Best;
                    if (part == long.MaxValue)
                    {
                        return;
                    }

                    total += part;
                }

                best = Math.Min(best, total);
                return;
            }

            var fixedOut = new List<int>();
            if (CannotReach(uncovered, excluded, (long)best - used, strict: true, fixedOut))
            {
                return;
            }

            fixedOut.ForEach(excluded.Set);
            var branch = Branch(uncovered, excluded);
            foreach (var k in branch.OrderByDescending(k => classCover[k].CountIntersection(uncovered)).ThenBy(k => weight[k]))
            {
                SearchBest(uncovered.Except(classCover[k]), excluded, used + weight[k], ref best);
                excluded.Set(k);
            }

            branch.ForEach(excluded.Clear);
            fixedOut.ForEach(excluded.Clear);
        }

        private void Collect(BitSet uncovered, BitSet excluded, List<int> chosen, long used, SubResult result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (uncovered.IsEmpty)
            {
                if (used == result.Best)
                {
                    result.Add(chosen, cap);
                }

                return;
            }

            var cheap = CheapBound(uncovered, excluded);
            if (cheap == long.MaxValue || used + cheap > result.Best)
            {
                return;
            }

            if (Groups(uncovered, excluded) is { } groups)
            {
                var parts = groups.Select(g => SolveSubProblem(g.Columns, g.Open)).ToList();
                if (parts.Any(p => p.Best == long.MaxValue) || used + parts.Sum(p => p.Best) != result.Best)
                {
                    return;
                }

                result.Truncated |= parts.Any(p => p.Truncated);
                foreach (var combination in CartesianProduct(parts.Select(p => p.Covers).ToList()))
                {
                    if (result.Full(cap))
                    {
                        return;
                    }

                    result.Add([.. chosen, .. combination.SelectMany(c => c)], cap);
                }

                return;
            }

            var fixedOut = new List<int>();
            if (CannotReach(uncovered, excluded, result.Best - used, strict: false, fixedOut))
            {
                return;
            }

            fixedOut.ForEach(excluded.Set);
            var branch = Branch(uncovered, excluded);
            foreach (var k in branch)
            {
                chosen.Add(k);
                Collect(uncovered.Except(classCover[k]), excluded, chosen, used + weight[k], result);
                chosen.RemoveAt(chosen.Count - 1);
                excluded.Set(k);
                if (result.Full(cap))
                {
                    break;
                }
            }

            branch.ForEach(excluded.Clear);
            fixedOut.ForEach(excluded.Clear);
        }

        /// <summary>The weight of a greedy cover (most new columns first), or long.MaxValue when there is none.</summary>
        private long Greedy(BitSet columns, BitSet excluded)
        {
            var uncovered = columns;
            var total = 0L;
            while (!uncovered.IsEmpty)
            {
                var bestClass = -1;
                var bestGain = 0;
                for (var k = 0; k < classCount; k++)
                {
                    var gain = excluded[k] ? 0 : classCover[k].CountIntersection(uncovered);
                    if (gain > bestGain || (gain == bestGain && gain > 0 && weight[k] < weight[bestClass]))
                    {
                        (bestClass, bestGain) = (k, gain);
                    }
                }

                if (bestClass < 0)
                {
                    return long.MaxValue;
                }

                uncovered = uncovered.Except(classCover[bestClass]);
                total += weight[bestClass];
            }

            return total;
        }

        /// <summary>
        /// The uncovered columns split into groups that share no open class, or null when they form one
        /// group.
        /// </summary>
        private List<(BitSet Columns, BitSet Open)>? Groups(BitSet uncovered, BitSet excluded)
        {
            var parent = new int[columnCount];
            for (var c = 0; c < columnCount; c++)
            {
                parent[c] = c;
            }

            int Find(int c)
            {
                while (parent[c] != c)
                {
                    c = parent[c] = parent[parent[c]];
                }

                return c;
            }

            for (var k = 0; k < classCount; k++)
            {
                if (excluded[k])
                {
                    continue;
                }

                var first = -1;
                foreach (var c in classColumns[k])
                {
                    if (!uncovered[c])
                    {
                        continue;
                    }

                    if (first < 0)
                    {
                        first = Find(c);
                    }
                    else
                    {
                        parent[Find(c)] = first;
                    }
                }
            }

            var roots = uncovered.Members().GroupBy(Find).ToList();
            if (roots.Count < 2)
            {
                return null;
            }

            return roots.Select(group =>
            {
                var columns = new BitSet(columnCount);
                var open = new BitSet(classCount);
                foreach (var c in group)
                {
                    columns.Set(c);
                    foreach (var k in candidateList[c])
                    {
                        if (!excluded[k])
                        {
                            open.Set(k);
                        }
                    }
                }

                return (columns, open);
            }).ToList();
        }

        /// <summary>The open candidates of the uncovered column with the fewest of them.</summary>
        private List<int> Branch(BitSet uncovered, BitSet excluded)
        {
            var bestColumn = -1;
            var fewest = int.MaxValue;
            foreach (var column in uncovered.Members())
            {
                var open = candidates[column].CountExcept(excluded);
                if (open < fewest)
                {
                    (bestColumn, fewest) = (column, open);
                    if (open <= 1)
                    {
                        break;
                    }
                }
            }

            return candidateList[bestColumn].Where(k => !excluded[k]).ToList();
        }

        /// <summary>
        /// Uncovered columns picked (fewest open candidates first) so that no two share an open candidate
        /// each need a class of their own, weighing at least their lightest open candidate. long.MaxValue
        /// when a column has no candidate left.
        /// </summary>
        private long CheapBound(BitSet uncovered, BitSet excluded)
        {
            var columns = uncovered.Members().ToArray();
            var open = columns.Select(c => candidates[c].CountExcept(excluded)).ToArray();
            Array.Sort(open, columns);
            var used = new BitSet(classCount);
            var bound = 0L;
            for (var i = 0; i < columns.Length; i++)
            {
                if (open[i] == 0)
                {
                    return long.MaxValue;
                }

                var column = candidates[columns[i]];
                if (!column.IntersectsExcept(used, excluded))
                {
                    used.UnionWithExcept(column, excluded);
                    bound += candidateList[columns[i]].Where(k => !excluded[k]).Min(k => weight[k]);
                }
            }

            return bound;
        }

        /// <summary>
        /// The Lagrangian bound of the covering LP (min Σ w·x, every uncovered column covered), improved by
        /// a few subgradient steps: any multipliers u ≥ 0 give Σu + Σ_k min(0, w_k − Σ_{columns of k} u).
        /// Much tighter than counting disjoint columns when candidates overlap heavily; the steps stop
        /// once the bound reaches <paramref name="target"/>.
        /// </summary>
        /// <summary>
        /// Bounds the weight of any completion of the uncovered columns by open classes and decides whether
        /// the node can still reach <paramref name="budget"/> (strictly below it when <paramref name="strict"/>).
        /// Every cover has at least as many classes as a Lagrangian count bound and at least as many
        /// literals as a Lagrangian cost bound, each computed on its own well-scaled problem. When the node
        /// survives, classes whose reduced cost alone would push a completion past the budget are returned
        /// in <paramref name="fixedOut"/>: they can be left out of the whole subtree (Lagrangian variable
        /// fixing).
        /// </summary>
        private bool CannotReach(BitSet uncovered, BitSet excluded, long budget, bool strict, List<int> fixedOut)
        {
            bool TooMuch(long bound) => strict ? bound >= budget : bound > budget;

            var countTarget = (budget / perClass) + 1;
            var count = LagrangianBound(uncovered, excluded, unit, warmCount, countTarget, reducedCount);
            var countBound = (long)Math.Ceiling(count - 1e-6);
            if (TooMuch(countBound * perClass))
            {
                return true;
            }

            var cost = 0.0;
            if (perClass > 1)
            {
                var costTarget = budget - (countBound * perClass) + 1;
                cost = LagrangianBound(uncovered, excluded, classCost, warmCost, costTarget, reducedCost);
                if (TooMuch((countBound * perClass) + (long)Math.Ceiling(cost - 1e-6)))
                {
                    return true;
                }
            }

            for (var k = 0; k < classCount; k++)
            {
                if (excluded[k] || !classCover[k].Intersects(uncovered))
                {
                    continue;
                }

                var withK = (long)Math.Ceiling(count + Math.Max(0, reducedCount[k]) - 1e-6) * perClass;
                if (perClass > 1)
                {
                    withK += (long)Math.Ceiling(cost + Math.Max(0, reducedCost[k]) - 1e-6);
                }

                if (TooMuch(withK))
                {
                    fixedOut.Add(k);
                }
            }

            return false;
        }

        /// <summary>
        /// The Lagrangian bound of the covering LP (min Σ w·x, every uncovered column covered), improved by
        /// subgradient steps: any multipliers u ≥ 0 give Σu + Σ_k min(0, w_k − Σ_{columns of k} u). The
        /// steps stop once the bound reaches <paramref name="target"/>. The reduced costs w_k − Σu of the
        /// best multipliers are written to <paramref name="reduced"/>.
        /// </summary>
        private double LagrangianBound(BitSet uncovered, BitSet excluded, int[] weight, double[] warm, long target, double[] reduced)
        {
            const int Iterations = 60;
            var position = new int[columnCount];
            var columns = 0;
            for (var c = 0; c < columnCount; c++)
            {
                position[c] = uncovered[c] ? columns++ : -1;
            }

            // The open classes restricted to the uncovered columns, as slices of one flat array.
            var flat = new List<int>();
            var starts = new List<int>();
            var classes = new List<int>();
            for (var k = 0; k < classCount; k++)
            {
                if (excluded[k])
                {
                    continue;
                }

                var start = flat.Count;
                foreach (var c in classColumns[k])
                {
                    if (position[c] >= 0)
                    {
                        flat.Add(position[c]);
                    }
                }

                if (flat.Count > start)
                {
                    starts.Add(start);
                    classes.Add(k);
                }
            }

            starts.Add(flat.Count);
            var open = classes.Count;

            // Start from the multipliers of the previous (usually the parent) problem where there are
            // some: nearby problems have nearby optimal multipliers, and any u ≥ 0 gives a valid bound.
            var multipliers = new double[columns];
            for (var i = 0; i < open; i++)
            {
                var share = (double)weight[classes[i]] / (starts[i + 1] - starts[i]);
                for (var j = starts[i]; j < starts[i + 1]; j++)
                {
                    var c = flat[j];
                    multipliers[c] = multipliers[c] == 0 ? share : Math.Min(multipliers[c], share);
                }
            }

            for (var c = 0; c < columnCount; c++)
            {
                if (position[c] >= 0 && warm[c] > 0)
                {
                    multipliers[position[c]] = warm[c];
                }
            }

            var bestMultipliers = (double[])multipliers.Clone();
            var best = double.NegativeInfinity;
            var covered = new int[columns];
            var lambda = 2.0;
            var stalled = 0;
            for (var iteration = 0; iteration < Iterations; iteration++)
            {
                Array.Clear(covered);
                var bound = 0.0;
                for (var c = 0; c < columns; c++)
                {
                    bound += multipliers[c];
                }

                for (var i = 0; i < open; i++)
                {
                    var r = (double)weight[classes[i]];
                    for (var j = starts[i]; j < starts[i + 1]; j++)
                    {
                        r -= multipliers[flat[j]];
                    }

                    if (r < 0)
                    {
                        bound += r;
                        for (var j = starts[i]; j < starts[i + 1]; j++)
                        {
                            covered[flat[j]]++;
                        }
                    }
                }

                if (bound > best + 1e-9)
                {
                    best = bound;
                    stalled = 0;
                    Array.Copy(multipliers, bestMultipliers, columns);
                }
                else if (++stalled == 4)
                {
                    lambda /= 2;
                    stalled = 0;
                }

                if (Math.Ceiling(best - 1e-6) >= target)
                {
                    break;
                }

                var norm = 0.0;
                for (var c = 0; c < columns; c++)
                {
                    norm += (1 - covered[c]) * (1 - covered[c]);
                }

                if (norm == 0)
                {
                    break;
                }

                var step = lambda * Math.Max(target - bound, 1.0) / norm;
                for (var c = 0; c < columns; c++)
                {
                    multipliers[c] = Math.Max(0, multipliers[c] + (step * (1 - covered[c])));
                }
            }

            for (var i = 0; i < open; i++)
            {
                var r = (double)weight[classes[i]];
                for (var j = starts[i]; j < starts[i + 1]; j++)
                {
                    r -= bestMultipliers[flat[j]];
                }

                reduced[classes[i]] = r;
            }

            for (var c = 0; c < columnCount; c++)
            {
                if (position[c] >= 0)
                {
                    warm[c] = bestMultipliers[position[c]];
                }
            }

            return best;
        }

        private readonly record struct SubProblem(BitSet Columns, BitSet Open);

        /// <summary>The optimal weight of a (sub)problem and its optimal covers, long.MaxValue when it has none.</summary>
        private sealed class SubResult(long best, List<int[]> covers, bool truncated)
        {
            public long Best { get; } = best;

            public List<int[]> Covers { get; } = covers;

            public bool Truncated { get; set; } = truncated;

            public bool Full(int cap) => Covers.Count >= cap;

            public void Add(IEnumerable<int> cover, int cap)
            {
                if (Covers.Count >= cap)
                {
                    Truncated = true;
                    return;
                }

                Covers.Add([.. cover]);
            }
        }
    }
}
