using System.Numerics;

namespace LocalVision.Rules.Qca;

/// <summary>The two exact ways this engine finds prime implicants.</summary>
internal static class PrimeImplicants
{
    /// <summary>
    /// Prime implicants of "anything but the negative rows" that cover at least one positive row — the
    /// parsimonious case, remainders being don't-cares — without listing any remainder. A cube through
    /// positive row r avoids negative row n exactly when it fixes some condition on which r and n differ,
    /// so the prime implicants through r are the minimal hitting sets of the sets {r XOR n}.
    /// </summary>
    public static IReadOnlyList<Implicant> AvoidingNegatives(IReadOnlyList<ulong> positives, IReadOnlyList<ulong> negatives, CancellationToken cancellationToken)
    {
        if (negatives.Count == 0)
        {
            return [new Implicant(0, 0)];
        }

        var primes = new HashSet<Implicant>();
        foreach (var row in positives)
        {
            var differences = MinimalSets(negatives.Select(n => n ^ row));
            foreach (var fixedConditions in MinimalHittingSets(differences, cancellationToken))
            {
                primes.Add(new Implicant(fixedConditions, row));
            }
        }

        return primes.ToList();
    }

    /// <summary>
    /// All prime implicants of the union of <paramref name="cubes"/> (the Blake canonical form), by
    /// iterated consensus with absorption. Used where the function is small: the positive rows
    /// (conservative) or the positive rows with the easy counterfactuals (intermediate).
    /// </summary>
    public static IReadOnlyList<Implicant> OfUnion(IEnumerable<Implicant> cubes, CancellationToken cancellationToken)
    {
        var current = new List<Implicant>();
        var alive = new List<bool>();
        var queue = new Queue<int>();

        void Add(Implicant cube)
        {
            for (var i = 0; i < current.Count; i++)
            {
                if (alive[i] && current[i].Contains(cube))
                {
                    return;
                }
            }

            for (var i = 0; i < current.Count; i++)
            {
                if (alive[i] && cube.Contains(current[i]))
                {
                    alive[i] = false;
                }
            }

            current.Add(cube);
            alive.Add(true);
            queue.Enqueue(current.Count - 1);
        }

        foreach (var cube in cubes)
        {
            Add(cube);
        }

        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = queue.Dequeue();
            if (!alive[index])
            {
                continue;
            }

            var cube = current[index];
            for (var j = 0; j < current.Count && alive[index]; j++)
            {
                if (j != index && alive[j] && cube.Consensus(current[j]) is { } consensus)
                {
                    Add(consensus);
                }
            }
        }

        return current.Where((_, i) => alive[i]).ToList();
    }

    /// <summary>The sets of the family that contain no other set of it (duplicates once).</summary>
    private static List<ulong> MinimalSets(IEnumerable<ulong> family)
    {
        var sorted = family.Distinct().OrderBy(BitOperations.PopCount).ToList();
        var minimal = new List<ulong>();
        foreach (var set in sorted)
        {
            if (!minimal.Any(m => (m & set) == m))
            {
                minimal.Add(set);
            }
        }

        return minimal;
    }

    /// <summary>Berge's algorithm: the minimal transversals of a family of non-empty sets.</summary>
    private static List<ulong> MinimalHittingSets(List<ulong> edges, CancellationToken cancellationToken)
    {
        var transversals = new List<ulong> { 0UL };
        foreach (var edge in edges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hitting = new List<ulong>();
            var extended = new HashSet<ulong>();
            foreach (var t in transversals)
            {
                if ((t & edge) != 0)
                {
                    hitting.Add(t);
                    continue;
                }

                for (var rest = edge; rest != 0; rest &= rest - 1)
                {
                    extended.Add(t | (rest & (~rest + 1)));
                }
            }

            // Old transversals that hit the edge stay minimal; an extension is kept only if no other
            // member of the new family is strictly inside it.
            var candidates = extended
                .Where(e => !hitting.Any(h => (h & e) == h))
                .OrderBy(BitOperations.PopCount)
                .ToList();
            var kept = new List<ulong>();
            foreach (var candidate in candidates)
            {
                if (!kept.Any(k => (k & candidate) == k))
                {
                    kept.Add(candidate);
                }
            }

            hitting.AddRange(kept);
            transversals = hitting;
        }

        return transversals;
    }
}
