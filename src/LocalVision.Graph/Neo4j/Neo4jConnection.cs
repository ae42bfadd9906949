using System.Globalization;
using System.Net;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Neo4j;

/// <summary>
/// One Neo4j database over the Query API: the HTTP client and its credentials, retries of transient failures, and
/// the bookmarks that let reads see this connection's own writes on a cluster. The graph store runs on one; other
/// state kept in the same database (the server's API keys and audit log) runs its own Cypher on another through
/// <see cref="ReadAsync"/> and <see cref="WriteAsync"/>, so it shares the graph's server without touching its layout.
/// </summary>
public sealed class Neo4jConnection : IAsyncDisposable
{
    private readonly HttpClient _http;
    private IReadOnlyList<string> _bookmarks = [];

    private Neo4jConnection(HttpClient http, Neo4jStoreOptions options)
    {
        _http = http;
        Options = options;
        Api = new QueryApiClient(http, options);
    }

    public Neo4jStoreOptions Options { get; }

    /// <summary>The server's version as its discovery endpoint gave it, or null where there is none (Aura).</summary>
    public string? ServerVersion { get; private set; }

    internal QueryApiClient Api { get; }

    /// <summary>Connects and checks the server is new enough; nothing is written.</summary>
    /// <param name="handler">The HTTP handler to send through (tests, proxies, custom certificates); a pooled one when null.</param>
    /// <exception cref="GraphStoreUnavailableException">The server cannot be reached or is too old; the message says what to fix.</exception>
    public static async Task<Neo4jConnection> OpenAsync(Neo4jStoreOptions options, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        var http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            BaseAddress = options.Uri,
            Timeout = options.RequestTimeout,
        };
        var connection = new Neo4jConnection(http, options);
        try
        {
            await connection.DiscoverAsync(cancellationToken);
            return connection;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var discovery = await Api.DiscoverAsync(cancellationToken);
        if (discovery is null)
        {
            return;
        }
        ServerVersion = discovery.Version;
        if (TooOld(discovery.Version))
        {
            throw new GraphStoreUnavailableException(StoreFault.Rejected,
                $"Neo4j {discovery.Version} at {Options.Location} is too old: the store needs the Query API's explicit transactions, "
                + "which came in Neo4j 5.26; upgrade to 5.26 LTS or a 2025.x release");
        }
        if (discovery.QueryTemplate is { } template)
        {
            Api.UseQueryTemplate(template);
        }
    }

    private static bool TooOld(string? version)
    {
        var parts = version?.Split('.', '-');
        if (parts is not { Length: >= 2 } || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }
        return major < 5 || (major == 5 && minor < 26);
    }

    /// <summary>
    /// Runs idempotent schema statements (<c>CREATE CONSTRAINT|INDEX name IF NOT EXISTS …</c>) one by one. A user
    /// without schema privileges may still go on once an administrator has made them all; otherwise the message lists them.
    /// </summary>
    /// <exception cref="GraphStoreUnavailableException">The schema cannot be made and is not all there.</exception>
    public async Task EnsureSchemaAsync(IReadOnlyList<string> schema, CancellationToken cancellationToken)
    {
        foreach (var statement in schema)
        {
            try
            {
                await WithRetryAsync(() => Api.RunAsync(new Statement(statement), readOnly: false, [], cancellationToken), cancellationToken);
            }
            catch (GraphStoreUnavailableException e) when (e.InnerException is QueryApiException { Code: "Neo.ClientError.Security.Forbidden" })
            {
                await RequireSchemaAsync(schema, cancellationToken);
                return;
            }
        }
    }

    private async Task RequireSchemaAsync(IReadOnlyList<string> schema, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var show in new[] { Cypher.ShowConstraints, Cypher.ShowIndexes })
        {
            var result = await ReadAsync(new Statement(show), cancellationToken);
            names.UnionWith(((IEnumerable<object?>)result.Value(0, "names")!).Cast<string>());
        }
        var missing = schema.Where(s => !names.Contains(Cypher.SchemaName(s))).ToList();
        if (missing.Count > 0)
        {
            throw new GraphStoreUnavailableException(StoreFault.Rejected,
                $"user `{Options.User}` may not create constraints or indexes in database `{Options.Database}` at {Options.Location}, "
                + $"and {missing.Count} that the store needs are missing; start the service once as a user who may, or have an administrator run: "
                + string.Join("; ", missing));
        }
    }

    /// <summary>One statement in a read transaction of its own, after this connection's last write.</summary>
    /// <exception cref="GraphStoreUnavailableException">Neo4j cannot be reached, or refused the statement.</exception>
    public Task<QueryResult> ReadAsync(Statement statement, CancellationToken cancellationToken) =>
        WithRetryAsync(() => Api.RunAsync(statement, readOnly: true, Volatile.Read(ref _bookmarks), cancellationToken), cancellationToken);

    /// <summary>One statement in a write transaction of its own (all of it or nothing), retried while Neo4j reports a transient failure.</summary>
    /// <exception cref="GraphStoreUnavailableException">Neo4j cannot be reached, or refused the statement (a constraint, say).</exception>
    public Task<QueryResult> WriteAsync(Statement statement, CancellationToken cancellationToken) =>
        WithRetryAsync(async () =>
        {
            var result = await Api.RunAsync(statement, readOnly: false, Volatile.Read(ref _bookmarks), cancellationToken);
            RememberBookmarks(result.Bookmarks);
            return result;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction opened by <paramref name="first"/>, and commits it with
    /// <paramref name="last"/> when the work says so (rolls it back otherwise, or when the work throws). Transient
    /// failures retry the whole transaction.
    /// </summary>
    internal Task<T> InTransactionAsync<T>(Statement first, Statement last, Func<QueryApiTransaction, CancellationToken, Task<(T Value, bool Commit)>> work, CancellationToken cancellationToken) =>
        WithRetryAsync(async () =>
        {
            await using var tx = await Api.BeginAsync(first, Volatile.Read(ref _bookmarks), cancellationToken);
            var (value, commit) = await work(tx, cancellationToken);
            if (!commit)
            {
                await tx.RollbackAsync(cancellationToken);
                return value;
            }
            var committed = await tx.CommitAsync(last, cancellationToken);
            RememberBookmarks(committed.Bookmarks);
            return value;
        }, cancellationToken);

    private async Task<T> WithRetryAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt();
            }
            catch (QueryApiException e) when (e.IsTransient && attempts < Options.Retry.MaxAttempts)
            {
                await Task.Delay(Options.Retry.DelayBefore(attempts), Options.Clock, cancellationToken);
            }
            catch (QueryApiException e)
            {
                throw Translate(e, attempts);
            }
        }
    }

    private void RememberBookmarks(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count > 0)
        {
            Volatile.Write(ref _bookmarks, bookmarks);
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private GraphStoreUnavailableException Translate(QueryApiException e, int attempts)
    {
        var where = Options.Location;
        return e switch
        {
            { Code: "Neo.ClientError.Security.Unauthorized" } or { Status: HttpStatusCode.Unauthorized } => new(StoreFault.Rejected,
                $"Neo4j at {where} refused the credentials"
                + (Options.User is null ? " (no user is configured)" : $" of user `{Options.User}`")
                + ": set LocalVision:Store:Neo4j:User and LocalVision:Store:Neo4j:Password", e),
            { Code: "Neo.ClientError.Security.Forbidden" } or { Status: HttpStatusCode.Forbidden } => new(StoreFault.Rejected,
                $"Neo4j at {where} does not let user `{Options.User}` do this ({e.ServerMessage}); grant the user read, write and schema privileges on the database", e),
            { Code: "Neo.ClientError.Database.DatabaseNotFound" } => new(StoreFault.Rejected,
                $"Neo4j at {where} has no database `{Options.Database}`: create it or set LocalVision:Store:Neo4j:Database", e),
            { Code: "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase" } => new(StoreFault.ReadOnly,
                $"the Neo4j database at {where} is read-only; nothing was written", e),
            { Code: null, Status: HttpStatusCode.NotFound } => new(StoreFault.Rejected,
                $"Neo4j at {where} has no Query API at /{Api.QueryPath}: if neo4j.conf sets server.http_enabled_modules, add QUERY_API_ENDPOINTS to it "
                + "(the API is on by default from 5.25), keep server.http.enabled=true, and check the address names the HTTP port (7474), not Bolt (7687)", e),
            { IsTransient: true } => new(StoreFault.Unreachable,
                $"Neo4j at {where} stayed unavailable after {attempts} attempts ({e.Code}: {e.ServerMessage}); nothing of this request was written", e),
            _ => new(StoreFault.Rejected, $"Neo4j at {where} refused a statement: {e.Message}", e),
        };
    }
}
