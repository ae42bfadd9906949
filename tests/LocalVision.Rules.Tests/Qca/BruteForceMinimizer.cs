namespace LocalVision.Rules.Tests.Qca;

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

    /// <summary>
    /// All covers of the positive rows with the fewest cubes, optionally then the fewest literals: every
    /// set of 1, 2, ... prime implicants is tried until some cover (only hopeless prefixes are skipped, when
    /// even all the remaining cubes together would leave a positive row uncovered).
    /// </summary>
    public static List<HashSet<Cube>> MinimalModels(List<Cube> primes, IReadOnlyCollection<int> positives, bool thenFewestLiterals)
    {
        var rows = positives.ToList();
        var masks = primes.Select(c => rows.Select((r, i) => c.Covers(r) ? 1UL << i : 0).Aggregate(0UL, (a, b) => a | b)).ToArray();
        var all = rows.Count == 64 ? ulong.MaxValue : (1UL << rows.Count) - 1;
        var suffix = new ulong[primes.Count + 1];
        for (var i = primes.Count - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] | masks[i];
        }

        for (var size = 1; size <= primes.Count; size++)
        {
            var covers = new List<HashSet<Cube>>();
            var chosen = new List<int>();

            void Visit(int start, ulong covered)
            {
                if (chosen.Count == size)
                {
                    if (covered == all)
                    {
                        covers.Add(chosen.Select(i => primes[i]).ToHashSet());
                    }

                    return;
                }

                for (var i = start; i <= primes.Count - (size - chosen.Count); i++)
                {
                    if ((covered | suffix[i]) != all)
                    {
                        return;
                    }

                    chosen.Add(i);
                    Visit(i + 1, covered | masks[i]);
                    chosen.RemoveAt(chosen.Count - 1);
                }
            }

            Visit(0, 0);
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
}
