namespace LocalVision.Rules.Qca;

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
/// <remarks>
/// The search itself is here; the lower bounds that prune it are in <c>CoverSearch.Bounds.cs</c>.
/// </remarks>
internal sealed partial class CoverSearch
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
            foreach (var combination in PrimeImplicantChart.CartesianProduct(parts.Select(p => p.Covers).ToList()))
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
}
