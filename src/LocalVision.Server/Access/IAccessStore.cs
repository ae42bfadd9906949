using System.Globalization;
using LocalVision.Graph.Store;

namespace LocalVision.Server.Access;

/// <summary>An API key as stored: never its secret, only who it is for and what it may do.</summary>
public sealed record ApiKeyRecord(string Id, string DisplayName, Roles Roles, DateTimeOffset CreateTime, string Creator, DateTimeOffset? RevokeTime)
{
    public const string Collection = "apiKeys/";

    public string ResourceName => Collection + Id;

    public bool IsActive => RevokeTime is null;
}

/// <summary>One line of the audit log: who did what, when it began, and how it ended.</summary>
/// <param name="Principal">The key (<c>apiKeys/{id}</c>) or token subject (<c>subjects/{sub}</c>); empty without authentication.</param>
/// <param name="Outcome"><c>OK</c>, the status that refused or failed the call, or <see cref="IAccessStore.Unfinished"/>.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset Time, string Principal, string Caller, string Method, AuditSummary Summary, string Outcome)
{
    public IReadOnlyList<string> Resources => Summary.Resources;
}

/// <summary>How much the audit log took in one day (UTC): entries begun or appended that day, and their outcomes.</summary>
/// <param name="Bytes">What the records of the day hold, in bytes (the file adds its own overhead).</param>
/// <param name="Refused">Calls refused that day, counted one by one even where a window's refusals share one entry.</param>
public sealed record AuditUsageDay(DateOnly Day, long Entries, long Bytes, long Refused);

/// <summary>The store cannot keep keys or the audit log; the message says why.</summary>
public sealed class AccessStoreException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// API keys (salted hashes only) and the append-only audit log: in a SQLite file beside an embedded graph store
/// (<see cref="SqliteAccessStore"/>), in the graph's own database on Neo4j (<see cref="Neo4jAccessStore"/>), so
/// replicas sharing that database share keys and one audit trail.
/// </summary>
/// <remarks>
/// A write is recorded in two appends around it: <see cref="BeginAsync"/> commits the entry before the write starts,
/// and <see cref="FinishAsync"/> adds its outcome as a record of its own after the write ends. So every write that was
/// applied has its entry, even if the server died before the outcome; an entry that never got one reads
/// <see cref="Unfinished"/> (the call may or may not have been applied). Neither record is ever changed.
/// Every method throws <see cref="AccessStoreException"/> when the store cannot be read or written.
/// </remarks>
public interface IAccessStore : ISessionStore
{
    /// <summary>The outcome of an entry begun before its call and never finished: the call is running, or the server stopped during it.</summary>
    const string Unfinished = "UNFINISHED";

    /// <summary>Where keys and audit live, for messages (never a password).</summary>
    string Location { get; }

    /// <summary>Creates a key; the returned secret is the only copy there will ever be.</summary>
    Task<(ApiKeyRecord Key, string Secret)> CreateKeyAsync(string displayName, Roles roles, string creator, CancellationToken cancellationToken);

    /// <summary>The active key a presented secret belongs to, or null when it is malformed, unknown, wrong or revoked.</summary>
    Task<ApiKeyRecord?> AuthenticateAsync(string presented, CancellationToken cancellationToken);

    Task<bool> HasActiveKeysAsync(CancellationToken cancellationToken);

    /// <summary>The ids of the active keys that hold the admin role.</summary>
    Task<IReadOnlyList<string>> ListActiveAdminIdsAsync(CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindKeyAsync(string id, CancellationToken cancellationToken);

    /// <summary>Keys, newest first, a page at a time.</summary>
    Task<Page<ApiKeyRecord>> ListKeysAsync(int pageSize, string? pageToken, CancellationToken cancellationToken);

    /// <summary>Revokes a key (a second revoke keeps the first time); null when there is no such key.</summary>
    Task<ApiKeyRecord?> RevokeKeyAsync(string id, CancellationToken cancellationToken);

    /// <summary>Appends a finished entry, for what ended before it began (a refused call); there is no way to change or remove one.</summary>
    Task AppendAsync(string principal, string caller, string method, AuditSummary summary, string outcome, CancellationToken cancellationToken);

    /// <summary>Appends an entry before the call it records, reading <see cref="Unfinished"/> until <see cref="FinishAsync"/>.</summary>
    /// <returns>The entry's sequence, for <see cref="FinishAsync"/>.</returns>
    Task<long> BeginAsync(string principal, string caller, string method, AuditSummary summary, CancellationToken cancellationToken);

    /// <summary>Appends the outcome of an entry begun with <see cref="BeginAsync"/>, and what the call touched as known after it; once per entry.</summary>
    Task FinishAsync(long sequence, AuditSummary summary, string outcome, CancellationToken cancellationToken);

    /// <summary>The audit log, newest first, a page at a time; an entry shows its appended outcome when it has one.</summary>
    Task<Page<AuditRecord>> ListAuditAsync(int pageSize, string? pageToken, CancellationToken cancellationToken);

    /// <summary>The log's use per day, newest first, for the days since <paramref name="since"/> that have any.</summary>
    Task<IReadOnlyList<AuditUsageDay>> AuditUsageAsync(DateOnly since, CancellationToken cancellationToken);
}

/// <summary>Pages of keys and audit entries, newest first, continued below the last position shown.</summary>
internal static class AccessPages
{
    public const string Keys = "apiKeys";
    public const string Audit = "audit";

    /// <summary>The position a page continues below: every position when there is no token.</summary>
    public static long Before(string? pageToken, string query)
    {
        if (PageToken.Decode(pageToken, query) is not { } position)
        {
            return long.MaxValue;
        }
        return long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw GraphValidationException.Single("page_token", "is not a token this query returned; start again without it");
    }

    /// <summary>The token of a page that continues below a position (an audit page cut short by its byte budget).</summary>
    public static string TokenBefore(long position, string query) => PageToken.Encode(query, position.ToString(CultureInfo.InvariantCulture));

    /// <summary>The page of rows read with one more than <paramref name="pageSize"/>, whose presence says there is a next page.</summary>
    public static Page<T> ToPage<T>(List<(T Item, long Position)> rows, int pageSize, string query)
    {
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = PageToken.Encode(query, rows[^1].Position.ToString(CultureInfo.InvariantCulture));
        }
        return new Page<T>(rows.Select(r => r.Item).ToList(), next, rows.Count);
    }
}
