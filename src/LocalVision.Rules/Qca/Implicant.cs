using System.Numerics;

namespace LocalVision.Rules.Qca;

/// <summary>
/// A conjunction of literals as a cube of truth table rows: <see cref="Mask"/> marks the conditions
/// that appear, <see cref="Bits"/> their values (1 present, 0 negated). Condition i of k is bit k − 1 − i,
/// so that a row's bits read like its configuration.
/// </summary>
internal readonly record struct Implicant
{
    public Implicant(ulong mask, ulong bits)
    {
        Mask = mask;
        Bits = bits & mask;
    }

    public ulong Mask { get; }

    public ulong Bits { get; }

    public int LiteralCount => BitOperations.PopCount(Mask);

    public static Implicant Row(ulong row, int k) => new(FullMask(k), row);

    public static ulong FullMask(int k) => k == 64 ? ulong.MaxValue : (1UL << k) - 1;

    public bool Covers(ulong row) => ((row ^ Bits) & Mask) == 0;

    /// <summary>Whether every row of <paramref name="other"/> is a row of this cube.</summary>
    public bool Contains(Implicant other) => (Mask & ~other.Mask) == 0 && ((Bits ^ other.Bits) & Mask) == 0;

    /// <summary>
    /// The consensus of two cubes that clash in exactly one condition: the largest cube made of rows from
    /// both, with the clashing literal dropped; null when they clash in none or several conditions.
    /// </summary>
    public Implicant? Consensus(Implicant other)
    {
        var clash = Mask & other.Mask & (Bits ^ other.Bits);
        if (BitOperations.PopCount(clash) != 1)
        {
            return null;
        }

        var mask = (Mask | other.Mask) & ~clash;
        return new Implicant(mask, (Bits | other.Bits) & mask);
    }

    /// <summary>The rows of the cube in increasing order.</summary>
    public IEnumerable<ulong> Rows(int k)
    {
        var free = FullMask(k) & ~Mask;
        var subset = 0UL;
        while (true)
        {
            yield return Bits | subset;
            if (subset == free)
            {
                yield break;
            }

            // Next subset of the free bits in increasing numeric order.
            subset = ((subset | ~free) + 1) & free;
        }
    }

    /// <summary>
    /// Orders terms as R's QCA writes them: fewer literals first, then by the conditions used (in the
    /// given order), then negated before present.
    /// </summary>
    public static int CompareForDisplay(Implicant a, Implicant b, int k)
    {
        var byCount = a.LiteralCount.CompareTo(b.LiteralCount);
        if (byCount != 0)
        {
            return byCount;
        }

        for (var i = k - 1; i >= 0; i--)
        {
            var bit = 1UL << i;
            var inA = (a.Mask & bit) != 0;
            var inB = (b.Mask & bit) != 0;
            if (inA != inB)
            {
                return inA ? -1 : 1;
            }
        }

        for (var i = k - 1; i >= 0; i--)
        {
            var bit = 1UL << i;
            if ((a.Mask & bit) != 0 && (a.Bits & bit) != (b.Bits & bit))
            {
                return (a.Bits & bit) == 0 ? -1 : 1;
            }
        }

        return 0;
    }
}
