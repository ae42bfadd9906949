namespace LocalVision.Rules.Tests.Configurations;

/// <summary>
/// An independent, deliberately naive minimiser for small truth tables: it lists every cube of the 3^k,
/// keeps the maximal ones that are allowed and cover a positive row, and tries every set of them by
/// increasing size. Rows are numbered like the engine's (first condition = highest bit).
/// </summary>
internal static class BruteForceMinimizer
{
    public readonly record struct Cube(int Mask, int Bits)
    {
        public bool Covers(int row) => ((row ^ Bits) & Mask) == 0;

        public int Literals => System.Numerics.BitOperations.PopCount((uint)Mask);

        public bool Contains(Cube other) => (Mask & ~other.Mask) == 0 && ((Bits ^ other.Bits) & Mask) == 0;
    }

    public static IEnumerable<Cube> AllCubes(int k)
    {
        var count = (int)Math.Pow(3, k);
        for (var code = 0; code < count; code++)
        {
            int mask = 0, bits = 0, rest = code;
            for (var i = 0; i < k; i++, rest /= 3)
            {
                if (rest % 3 != 2)
                {
                    mask |= 1 << i;
                    bits |= (rest % 3) << i;
                }
            }

            yield return new Cube(mask, bits);
        }
    }

    /// <summary>Maximal cubes all of whose rows satisfy <paramref name="allowed"/>, covering some positive row.</summary>
    public static List<Cube> PrimeImplicants(int k, Func<int, bool> allowed, IReadOnlyCollection<int> positives)
    {
        var rows = Enumerable.Range(0, 1 << k).ToList();
        var implicants = AllCubes(k).Where(c => rows.Where(c.Covers).All(allowed)).ToList();
        return implicants
            .Where(c => !implicants.Any(o => o != c && o.Contains(c)))
            .Where(c => positives.Any(c.Covers))
            .ToList();
    }

    /// <summary>All covers of the positive rows with the fewest cubes, optionally then the fewest literals.</summary>
    public static List<HashSet<Cube>> MinimalModels(List<Cube> primes, IReadOnlyCollection<int> positives, bool thenFewestLiterals)
    {
        for (var size = 1; size <= primes.Count; size++)
        {
            var covers = Combinations(primes, size)
                .Where(set => positives.All(r => set.Any(c => c.Covers(r))))
                .Select(set => set.ToHashSet())
                .ToList();
            if (covers.Count > 0)
            {
                if (!thenFewestLiterals)
                {
                    return covers;
                }

                var fewest = covers.Min(set => set.Sum(c => c.Literals));
                return covers.Where(set => set.Sum(c => c.Literals) == fewest).ToList();
            }
        }

        return [];
    }

    private static IEnumerable<List<Cube>> Combinations(List<Cube> items, int size, int start = 0)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = start; i <= items.Count - size; i++)
        {
            foreach (var rest in Combinations(items, size - 1, i + 1))
            {
                rest.Insert(0, items[i]);
                yield return rest;
            }
        }
    }
}
