namespace LocalVision.Rules.Qca;

/// <summary>Counting and listing the rows of a union of cubes without materialising it.</summary>
internal static class RowUnion
{
    /// <summary>Exact number of rows in the union, by splitting on conditions (Shannon expansion).</summary>
    public static long Count(IReadOnlyList<Implicant> cubes, int k, CancellationToken cancellationToken) =>
        Count(cubes.Distinct().ToList(), Implicant.FullMask(k), k, cancellationToken);

    /// <summary>The rows of the union in increasing order, each once; lazy.</summary>
    public static IEnumerable<ulong> Ascending(IReadOnlyList<Implicant> cubes, int k)
    {
        var queue = new PriorityQueue<IEnumerator<ulong>, ulong>();
        foreach (var cube in cubes.Distinct())
        {
            var rows = cube.Rows(k).GetEnumerator();
            rows.MoveNext();
            queue.Enqueue(rows, rows.Current);
        }

        ulong? last = null;
        while (queue.TryDequeue(out var rows, out var row))
        {
            if (row != last)
            {
                yield return row;
                last = row;
            }

            if (rows.MoveNext())
            {
                queue.Enqueue(rows, rows.Current);
            }
            else
            {
                rows.Dispose();
            }
        }
    }

    private static long Count(List<Implicant> cubes, ulong free, int freeCount, CancellationToken cancellationToken)
    {
        if (cubes.Count == 0)
        {
            return 0;
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (cubes.Any(c => (c.Mask & free) == 0))
        {
            return 1L << freeCount;
        }

        var split = 0UL;
        var best = -1;
        for (var rest = free; rest != 0; rest &= rest - 1)
        {
            var bit = rest & (~rest + 1);
            var uses = 0;
            foreach (var cube in cubes)
            {
                if ((cube.Mask & bit) != 0)
                {
                    uses++;
                }
            }

            if (uses > best)
            {
                best = uses;
                split = bit;
            }
        }

        var zero = new List<Implicant>();
        var one = new List<Implicant>();
        foreach (var cube in cubes)
        {
            if ((cube.Mask & split) == 0 || (cube.Bits & split) == 0)
            {
                zero.Add(cube);
            }

            if ((cube.Mask & split) == 0 || (cube.Bits & split) != 0)
            {
                one.Add(cube);
            }
        }

        return Count(zero, free & ~split, freeCount - 1, cancellationToken) + Count(one, free & ~split, freeCount - 1, cancellationToken);
    }
}
