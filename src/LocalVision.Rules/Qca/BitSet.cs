using System.Numerics;

namespace LocalVision.Rules.Qca;

/// <summary>A fixed-length set of small integers (chart columns or classes) in 64-bit words.</summary>
internal sealed class BitSet : IEquatable<BitSet>
{
    private readonly ulong[] words;

    public BitSet(int length)
    {
        Length = length;
        words = new ulong[(length + 63) / 64];
    }

    private BitSet(int length, ulong[] words)
    {
        Length = length;
        this.words = words;
    }

    public int Length { get; }

    public bool IsEmpty => words.All(w => w == 0);

    public int Count => words.Sum(BitOperations.PopCount);

    public bool this[int index] => (words[index >> 6] & (1UL << (index & 63))) != 0;

    public void Set(int index) => words[index >> 6] |= 1UL << (index & 63);

    public void Clear(int index) => words[index >> 6] &= ~(1UL << (index & 63));

    public static BitSet Full(int length)
    {
        var set = new BitSet(length);
        for (var i = 0; i < length; i++)
        {
            set.Set(i);
        }

        return set;
    }

    public void UnionWith(BitSet other)
    {
        for (var i = 0; i < words.Length; i++)
        {
            words[i] |= other.words[i];
        }
    }

    public bool Intersects(BitSet other)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if ((words[i] & other.words[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public BitSet Except(BitSet other)
    {
        var result = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            result[i] = words[i] & ~other.words[i];
        }

        return new BitSet(Length, result);
    }

    public BitSet Intersect(BitSet other)
    {
        var result = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            result[i] = words[i] & other.words[i];
        }

        return new BitSet(Length, result);
    }

    public int CountIntersection(BitSet other)
    {
        var count = 0;
        for (var i = 0; i < words.Length; i++)
        {
            count += BitOperations.PopCount(words[i] & other.words[i]);
        }

        return count;
    }

    /// <summary>Number of members not in <paramref name="excluded"/>.</summary>
    public int CountExcept(BitSet excluded)
    {
        var count = 0;
        for (var i = 0; i < words.Length; i++)
        {
            count += BitOperations.PopCount(words[i] & ~excluded.words[i]);
        }

        return count;
    }

    /// <summary>Whether a member outside <paramref name="excluded"/> is also in <paramref name="other"/>.</summary>
    public bool IntersectsExcept(BitSet other, BitSet excluded)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if ((words[i] & ~excluded.words[i] & other.words[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the members of <paramref name="other"/> that are not in <paramref name="excluded"/>.</summary>
    public void UnionWithExcept(BitSet other, BitSet excluded)
    {
        for (var i = 0; i < words.Length; i++)
        {
            words[i] |= other.words[i] & ~excluded.words[i];
        }
    }

    public bool IsSubsetOf(BitSet other)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if ((words[i] & ~other.words[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public IEnumerable<int> Members()
    {
        for (var w = 0; w < words.Length; w++)
        {
            for (var rest = words[w]; rest != 0; rest &= rest - 1)
            {
                yield return (w << 6) + BitOperations.TrailingZeroCount(rest);
            }
        }
    }

    public bool Equals(BitSet? other) =>
        other is not null && Length == other.Length && words.AsSpan().SequenceEqual(other.words);

    public override bool Equals(object? obj) => Equals(obj as BitSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in words)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }
}
