namespace LocalVision.Graph.Schema;

/// <summary>
/// "Did you mean" for a misspelt name (a code, label, kind, relationship type or property): the known name nearest
/// to what was written, when one is near enough to be the likely intent.
/// </summary>
public static class Suggestion
{
    /// <summary>The nearest known name: one differing only in case, or within a few edits (a third of its length, at most 3).</summary>
    public static string? Closest(string given, IEnumerable<string> known)
    {
        if (given.Length == 0 || given.Length > 100)
        {
            return null;
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, given, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
            var distance = Distance(given.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best is not null && bestDistance <= Math.Clamp(Math.Max(given.Length, best.Length) / 3, 1, 3) ? best : null;
    }

    /// <summary>"; did you mean `X`?" to end a message with, or empty when nothing known is near.</summary>
    public static string DidYouMean(string given, IEnumerable<string> known) =>
        Closest(given, known) is { } near ? $"; did you mean `{near}`?" : "";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
