using System.Text;

namespace LocalVision.Graph.Store;

/// <summary>
/// Opaque page tokens: the position after the last item, bound to the query it came from so a token
/// cannot be replayed against another query.
/// </summary>
public static class PageToken
{
    public static string Encode(string query, string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1\n{Fingerprint(query)}\n{position}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position, or null for an empty token.</summary>
    /// <exception cref="GraphValidationException">The token is malformed or belongs to another query.</exception>
    public static string? Decode(string? token, string query)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n', 3);
            if (parts.Length == 3 && parts[0] == "v1" && parts[1] == Fingerprint(query))
            {
                return parts[2];
            }
        }
        catch (FormatException)
        {
        }
        throw GraphValidationException.Single("page_token", "is not a token this query returned; start again without it");
    }

    private static string Fingerprint(string query)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(query))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash.ToString("x16");
    }
}
