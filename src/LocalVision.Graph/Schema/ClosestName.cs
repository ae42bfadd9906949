namespace LocalVision.Graph.Schema;

/// <summary>"Did you mean": the known name nearest a mistyped one, when it is near enough to be the one meant.</summary>
public static class ClosestName
{
    /// <summary>
    /// The candidate with the fewest single-character edits from <paramref name="name"/> (case ignored), if that is at most
    /// a third of the name's length (at least 1); null when none is that close.
    /// </summary>
    public static string? To(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"; did you mean X?" when a candidate is close, else empty: the tail of an error message.</summary>
    public static string Suggestion(string name, IEnumerable<string> candidates) =>
        To(name, candidates) is { } close ? $"; did you mean {close}?" : "";

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
