namespace LocalVision.Server.Access;

/// <summary>A dashboard session: opened by signing in with an API key, live until it expires or is signed out.</summary>
/// <param name="Id">The SHA-256 of the session's secret (hex): what is stored, never the secret itself.</param>
public sealed record SessionRecord(string Id, string KeyId, DateTimeOffset CreateTime, DateTimeOffset ExpireTime);

/// <summary>A session that still opens the door, with the key it was opened with.</summary>
public sealed record LiveSession(SessionRecord Session, ApiKeyRecord Key);

/// <summary>
/// Dashboard sessions, kept where the keys are (the SQLite access file, or the graph's Neo4j database), so every
/// replica that shares the keys shares the sessions: a browser signed in through one replica is signed in on all.
/// </summary>
/// <remarks>
/// A session is only as good as its key: <see cref="FindSessionAsync"/> answers null once the key is revoked, so
/// revoking a key ends its sessions with it. Every method throws <see cref="AccessStoreException"/> when the store
/// cannot be read or written.
/// </remarks>
public interface ISessionStore
{
    /// <summary>Opens a session for a key, expiring <paramref name="lifetime"/> from now by the store's clock.</summary>
    /// <returns>The session and its secret, the cookie's value: the only copy there will ever be.</returns>
    Task<(SessionRecord Session, string Secret)> CreateSessionAsync(string keyId, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The session a presented secret opens; null when it is malformed, unknown, signed out, expired, or its key revoked.</summary>
    Task<LiveSession?> FindSessionAsync(string secret, CancellationToken cancellationToken);

    /// <summary>Signs a session out; a secret that opens nothing is ignored.</summary>
    Task EndSessionAsync(string secret, CancellationToken cancellationToken);
}
