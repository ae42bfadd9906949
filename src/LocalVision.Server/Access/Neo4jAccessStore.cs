using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;

namespace LocalVision.Server.Access;

/// <summary>
/// API keys and the audit log in the graph's own Neo4j database (layout in <see cref="AccessCypher"/>), so every
/// replica serving that database sees the same keys and writes one audit trail. Each append is one statement in a
/// transaction of its own, committed before the method returns: an entry begun is in Neo4j before its write starts.
/// </summary>
/// <remarks>
/// Every call is authenticated, so a key read from Neo4j is kept for <see cref="KeyCacheWindow"/> rather than read
/// again per call; whether any key is active is kept as long. A key revoked through another replica is therefore
/// still accepted here for up to that window; revoked through this one, it is refused at once. A zero window reads
/// Neo4j every time.
/// </remarks>
public sealed class Neo4jAccessStore : IAccessStore, IAsyncDisposable
{
    private readonly Neo4jConnection _connection;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (StoredKey Key, DateTimeOffset Read)> _keys = new(StringComparer.Ordinal);
    private ActiveKeys? _hasActiveKeys;

    private Neo4jAccessStore(Neo4jConnection connection, TimeSpan keyCacheWindow, TimeProvider clock)
    {
        _connection = connection;
        KeyCacheWindow = keyCacheWindow;
        _clock = clock;
    }

    public string Location => "neo4j " + _connection.Options.Location;

    /// <summary>How long a key read from Neo4j is trusted before it is read again.</summary>
    public TimeSpan KeyCacheWindow { get; }

    /// <summary>Connects and makes the constraints the store needs (idempotently).</summary>
    /// <param name="handler">The HTTP handler to send through (tests); a pooled one when null.</param>
    /// <exception cref="AccessStoreException">Neo4j cannot be reached or refuses the user; the message says what to fix.</exception>
    public static async Task<Neo4jAccessStore> OpenAsync(
        Neo4jStoreOptions options, TimeSpan keyCacheWindow, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        Neo4jConnection? connection = null;
        try
        {
            connection = await Neo4jConnection.OpenAsync(options, handler, cancellationToken);
            await connection.EnsureSchemaAsync(AccessCypher.Schema, cancellationToken);
            return new Neo4jAccessStore(connection, keyCacheWindow, options.Clock);
        }
        catch (GraphStoreUnavailableException e)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            throw new AccessStoreException($"the keys and audit log in neo4j {options.Location} cannot be used: {e.Message}", e);
        }
    }

    public async Task<(ApiKeyRecord Key, string Secret)> CreateKeyAsync(string displayName, Roles roles, string creator, CancellationToken cancellationToken)
    {
        var (id, secret, salt, hash) = ApiKeySecret.Create();
        var now = Now();
        await WriteAsync(AccessCypher.CreateKey, new JsonObject
        {
            ["id"] = id,
            ["displayName"] = displayName,
            ["roles"] = RoleSet.Format(roles),
            ["salt"] = Convert.ToBase64String(salt),
            ["hash"] = Convert.ToBase64String(hash),
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["creator"] = creator,
        }, cancellationToken);
        Volatile.Write(ref _hasActiveKeys, null);
        return (new ApiKeyRecord(id, displayName, roles, now, creator, null), secret);
    }

    public async Task<ApiKeyRecord?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.IdOf(presented) is not { } id)
        {
            return null;
        }
        StoredKey? stored;
        if (_keys.TryGetValue(id, out var cached) && IsFresh(cached.Read))
        {
            stored = cached.Key;
        }
        else
        {
            stored = await ReadKeyAsync(id, cancellationToken);
            // Only keys that exist: unknown ids, which anyone can make up, would grow the cache without bound.
            if (stored is not null && KeyCacheWindow > TimeSpan.Zero)
            {
                _keys[id] = (stored, _clock.GetUtcNow());
            }
        }
        return stored is not null && ApiKeySecret.Matches(presented, stored.Salt, stored.Hash) && stored.Record.IsActive ? stored.Record : null;
    }

    public async Task<bool> HasActiveKeysAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _hasActiveKeys) is { } cached && IsFresh(cached.Read))
        {
            return cached.Active;
        }
        var result = await ReadAsync(AccessCypher.HasActiveKeys, [], cancellationToken);
        var active = result.Single<bool>("active");
        Volatile.Write(ref _hasActiveKeys, new ActiveKeys(active, _clock.GetUtcNow()));
        return active;
    }

    public async Task<IReadOnlyList<string>> ListActiveAdminIdsAsync(CancellationToken cancellationToken)
    {
        var result = await ReadAsync(AccessCypher.ListActiveAdminIds, [], cancellationToken);
        return result.Rows.Select(row => (string)row[0]!).ToList();
    }

    public async Task<ApiKeyRecord?> FindKeyAsync(string id, CancellationToken cancellationToken) =>
        (await ReadKeyAsync(id, cancellationToken))?.Record;

    public async Task<Page<ApiKeyRecord>> ListKeysAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(AccessCypher.ListKeys, new JsonObject
        {
            ["before"] = AccessPages.Before(pageToken, AccessPages.Keys),
            ["limit"] = pageSize + 1,
        }, cancellationToken);
        var rows = result.Rows.Select(row => (StoredKey.From(row[0]).Record, (long)row[1]!)).ToList();
        return AccessPages.ToPage(rows, pageSize, AccessPages.Keys);
    }

    public async Task<ApiKeyRecord?> RevokeKeyAsync(string id, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(AccessCypher.RevokeKey, new JsonObject { ["id"] = id, ["now"] = Now().ToUnixTimeMilliseconds() }, cancellationToken);
        // Refused here at once; other replicas notice within their window.
        _keys.TryRemove(id, out _);
        Volatile.Write(ref _hasActiveKeys, null);
        return result.Rows.Count == 0 ? null : StoredKey.From(result.Rows[0][0]).Record;
    }

    public Task AppendAsync(string principal, string caller, string method, AuditSummary summary, string outcome, CancellationToken cancellationToken) =>
        AppendEntryAsync(principal, caller, method, summary, outcome, cancellationToken);

    public Task<long> BeginAsync(string principal, string caller, string method, AuditSummary summary, CancellationToken cancellationToken) =>
        AppendEntryAsync(principal, caller, method, summary, IAccessStore.Unfinished, cancellationToken);

    public Task FinishAsync(long sequence, AuditSummary summary, string outcome, CancellationToken cancellationToken) =>
        WriteAsync(AccessCypher.AppendOutcome, new JsonObject
        {
            ["sequence"] = sequence,
            ["time"] = Now().ToUnixTimeMilliseconds(),
            ["resources"] = Strings(summary.Resources),
            ["summary"] = summary.ToJson(),
            ["outcome"] = outcome,
        }, cancellationToken);

    public async Task<Page<AuditRecord>> ListAuditAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(AccessCypher.ListAudit, new JsonObject
        {
            ["before"] = AccessPages.Before(pageToken, AccessPages.Audit),
            ["limit"] = pageSize + 1,
        }, cancellationToken);
        var rows = new List<(AuditRecord Entry, long Sequence)>();
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var entry = new AuditRecord(
                (long)result.Value(i, "sequence")!,
                DateTimeOffset.FromUnixTimeMilliseconds((long)result.Value(i, "time")!),
                (string)result.Value(i, "keyId")!,
                (string)result.Value(i, "caller")!,
                (string)result.Value(i, "method")!,
                result.Value(i, "summary") is string summary
                    ? AuditSummary.FromJson(summary, summary.Length)
                    : AuditSummary.Of(((IEnumerable<object?>)result.Value(i, "resources")!).Cast<string>()),
                (string)result.Value(i, "outcome")!);
            rows.Add((entry, entry.Sequence));
        }
        return AccessPages.ToPage(rows, pageSize, AccessPages.Audit);
    }

    public async Task<IReadOnlyList<AuditUsageDay>> AuditUsageAsync(DateOnly since, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(AccessCypher.AuditUsage, new JsonObject
        {
            ["since"] = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(),
        }, cancellationToken);
        return Enumerable.Range(0, result.Rows.Count).Select(i => new AuditUsageDay(
            DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds((long)result.Value(i, "day")! * 86_400_000).UtcDateTime),
            (long)result.Value(i, "entries")!, (long)result.Value(i, "bytes")!, (long)result.Value(i, "refused")!)).ToList();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<long> AppendEntryAsync(string principal, string caller, string method, AuditSummary summary, string outcome, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(AccessCypher.AppendEntry, new JsonObject
        {
            ["time"] = Now().ToUnixTimeMilliseconds(),
            ["keyId"] = principal,
            ["caller"] = caller,
            ["method"] = method,
            ["resources"] = Strings(summary.Resources),
            ["summary"] = summary.ToJson(),
            ["refused"] = outcome == "PERMISSION_DENIED" ? Math.Max(1, summary.Counts.GetValueOrDefault("refused")) : 0,
            ["outcome"] = outcome,
        }, cancellationToken);
        return result.Single<long>("sequence");
    }

    private async Task<StoredKey?> ReadKeyAsync(string id, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(AccessCypher.FindKey, new JsonObject { ["id"] = id }, cancellationToken);
        return result.Rows.Count == 0 ? null : StoredKey.From(result.Rows[0][0]);
    }

    private bool IsFresh(DateTimeOffset read) => _clock.GetUtcNow() - read < KeyCacheWindow;

    private Task<QueryResult> ReadAsync(string statement, JsonObject parameters, CancellationToken cancellationToken) =>
        Translated(() => _connection.ReadAsync(new Statement(statement, parameters), cancellationToken));

    private Task<QueryResult> WriteAsync(string statement, JsonObject parameters, CancellationToken cancellationToken) =>
        Translated(() => _connection.WriteAsync(new Statement(statement, parameters), cancellationToken));

    private async Task<QueryResult> Translated(Func<Task<QueryResult>> run)
    {
        try
        {
            return await run();
        }
        catch (GraphStoreUnavailableException e)
        {
            throw new AccessStoreException($"the keys and audit log in {Location} failed: {e.Message}", e);
        }
    }

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_clock.GetUtcNow().ToUnixTimeMilliseconds());

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Whether any key was active when last read.</summary>
    private sealed record ActiveKeys(bool Active, DateTimeOffset Read);

    /// <summary>A key as read back, with what checks a presented secret against it.</summary>
    private sealed record StoredKey(ApiKeyRecord Record, byte[] Salt, byte[] Hash)
    {
        public static StoredKey From(object? map)
        {
            var key = (IReadOnlyDictionary<string, object?>)map!;
            return new StoredKey(
                new ApiKeyRecord(
                    (string)key["id"]!,
                    (string)key["displayName"]!,
                    RoleSet.Parse((string)key["roles"]!),
                    DateTimeOffset.FromUnixTimeMilliseconds((long)key["createTime"]!),
                    (string)key["creator"]!,
                    key["revokeTime"] is long revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null),
                Convert.FromBase64String((string)key["salt"]!),
                Convert.FromBase64String((string)key["hash"]!));
        }
    }
}
