namespace LocalVision.Graph.Neo4j;

/// <summary>
/// Where the Neo4j store lives and how it talks to it. The password is held only to build the Authorization
/// header: <see cref="ToString"/> and <see cref="Location"/> never show it.
/// </summary>
public sealed class Neo4jStoreOptions
{
    public const string DefaultDatabase = "neo4j";

    /// <summary>The server's HTTP(S) address, e.g. <c>http://graph.internal:7474</c>; see <see cref="Neo4jAddress.Parse"/>.</summary>
    public required Uri Uri { get; init; }

    public string Database { get; init; } = DefaultDatabase;

    /// <summary>Null when the server runs without authentication.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>How many nodes or relationships go into one <c>UNWIND … MERGE</c> statement.</summary>
    public int BatchSize { get; init; } = 1000;

    public Neo4jRetryPolicy Retry { get; init; } = Neo4jRetryPolicy.Default;

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Stamps create and update times, and paces retries.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The server, database and user, without the password.</summary>
    public string Location =>
        $"{Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')} database {Database}" + (User is null ? "" : $" as {User}");

    public override string ToString() => Location;
}

/// <summary>
/// Retries of transient failures (<c>Neo.TransientError.*</c>: deadlocks, leader switches, a busy server): the whole
/// transaction again, after a delay that doubles from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
public sealed record Neo4jRetryPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    public static Neo4jRetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first), with ±20 % jitter so replicas do not retry in step.</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var doubled = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(doubled, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }
}

/// <summary>A Neo4j address as a person writes it, turned into the HTTP address the Query API listens on.</summary>
/// <param name="Note">What was changed to get there (e.g. a Bolt address mapped to HTTP), to log once; null when nothing was.</param>
public sealed record Neo4jAddress(Uri Uri, string? User, string? Note)
{
    private const int HttpPort = 7474;
    private const int HttpsPort = 7473;
    private const int BoltPort = 7687;

    /// <summary>Whether text names a Neo4j server rather than a file path.</summary>
    public static bool IsNeo4jAddress(string? text) =>
        text is not null && (text.StartsWith("neo4j://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("neo4j+s://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("bolt://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("bolt+s://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Accepts <c>http(s)://[user@]host[:port][/prefix]</c> as it is, and the driver forms <c>neo4j://</c>,
    /// <c>neo4j+s://</c>, <c>bolt://</c> and <c>bolt+s://</c>, which name the Bolt port: those become
    /// <c>http://host:7474</c> (<c>https://host:7473</c> for <c>+s</c>), keeping an explicit port other than 7687.
    /// </summary>
    /// <exception cref="FormatException">Not such an address, or it carries a password.</exception>
    public static Neo4jAddress Parse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var given) || !IsNeo4jAddress(text))
        {
            throw new FormatException($"`{WithoutUserInfo(text)}` is not a Neo4j address; expected neo4j://[user@]host[:port] or http(s)://[user@]host:port");
        }
        string? user = null;
        if (given.UserInfo.Length > 0)
        {
            if (given.UserInfo.Contains(':'))
            {
                throw new FormatException(
                    "the Neo4j address carries a password; give only the user in it and the password in LocalVision:Store:Neo4j:Password "
                    + "(environment variable LocalVision__Store__Neo4j__Password), so it stays out of command lines and logs");
            }
            user = Uri.UnescapeDataString(given.UserInfo);
        }
        var scheme = given.Scheme.ToLowerInvariant();
        if (scheme is "http" or "https")
        {
            var builder = new UriBuilder(given) { UserName = "", Password = "", Query = "", Fragment = "" };
            builder.Path = builder.Path.EndsWith('/') ? builder.Path : builder.Path + "/";
            return new Neo4jAddress(builder.Uri, user, null);
        }
        if (given.AbsolutePath is not ("" or "/"))
        {
            throw new FormatException($"`{text}` has a path; name the database in LocalVision:Store:Neo4j:Database instead");
        }
        var secure = scheme.EndsWith("+s", StringComparison.Ordinal);
        var defaultPort = secure ? HttpsPort : HttpPort;
        // Unregistered schemes report -1 when no port is written.
        var keepsPort = given.Port > 0 && given.Port != BoltPort;
        var port = keepsPort ? given.Port : defaultPort;
        var uri = new UriBuilder(secure ? "https" : "http", given.Host, port, "/").Uri;
        var note = $"{scheme}:// names Neo4j's Bolt port; the store speaks the HTTP Query API, so it uses {uri.GetLeftPart(UriPartial.Authority)}"
            + (keepsPort ? $" (taking port {port} as the HTTP port)" : "")
            + "; give an http(s):// address to choose another";
        return new Neo4jAddress(uri, user, note);
    }

    /// <summary>The text with what stands between the scheme and an @ left out: it may be a password, and the text goes into messages.</summary>
    private static string WithoutUserInfo(string text)
    {
        var start = text.IndexOf("://", StringComparison.Ordinal);
        var at = text.LastIndexOf('@');
        return start >= 0 && at > start ? text[..(start + 3)] + "…" + text[at..] : text;
    }
}
