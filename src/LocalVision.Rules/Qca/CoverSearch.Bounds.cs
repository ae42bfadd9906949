namespace LocalVision.Rules.Qca;

/// <summary>
/// The lower bounds that prune the cover search: a cheap count of columns needing classes of their own, and
/// Lagrangian bounds of the covering LP with variable fixing.
/// </summary>
internal sealed partial class CoverSearch
{
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
}
