using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace LocalVision.Server.Access;

/// <summary>
/// Dashboard sessions in the graph's Neo4j database (<see cref="SessionCypher"/>), so a browser signed in through one
/// replica is signed in on every replica. A session read is trusted for <see cref="KeyCacheWindow"/>, as keys are, and
/// its key is checked through the key cache: a session signed out, or a key revoked, through another replica still
/// opens the door here for up to that window; through this one, not at all.
/// </summary>
public sealed partial class Neo4jAccessStore
{
    private readonly ConcurrentDictionary<string, (SessionRecord Session, DateTimeOffset Read)> _sessions = new(StringComparer.Ordinal);

    public async Task<(SessionRecord Session, string Secret)> CreateSessionAsync(string keyId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var secret = SessionSecret.Create();
        var now = Now();
        var session = new SessionRecord(SessionSecret.IdOf(secret), keyId, now, now + lifetime);
        await WriteAsync(SessionCypher.CreateSession, new JsonObject
        {
            ["id"] = session.Id,
            ["keyId"] = keyId,
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["expireTime"] = session.ExpireTime.ToUnixTimeMilliseconds(),
        }, cancellationToken);
        return (session, secret);
    }

    public async Task<LiveSession?> FindSessionAsync(string secret, CancellationToken cancellationToken)
    {
        if (!SessionSecret.IsWellFormed(secret))
        {
            return null;
        }
        var id = SessionSecret.IdOf(secret);
        SessionRecord? session;
        if (_sessions.TryGetValue(id, out var cached) && IsFresh(cached.Read))
        {
            session = cached.Session;
        }
        else
        {
            var result = await ReadAsync(SessionCypher.FindSession, new JsonObject { ["id"] = id }, cancellationToken);
            session = result.Rows.Count == 0 ? null : ReadSession(result.Rows[0][0]);
            // Only sessions that exist, as with keys: made-up cookies must not grow the cache.
            if (session is not null && KeyCacheWindow > TimeSpan.Zero)
            {
                _sessions[id] = (session, _clock.GetUtcNow());
            }
        }
        if (session is null || session.ExpireTime <= Now())
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        var key = await CachedKeyAsync(session.KeyId, cancellationToken);
        return key is { Record.IsActive: true } ? new LiveSession(session, key.Record) : null;
    }

    public async Task EndSessionAsync(string secret, CancellationToken cancellationToken)
    {
        var id = SessionSecret.IdOf(secret);
        await WriteAsync(SessionCypher.EndSession, new JsonObject { ["id"] = id }, cancellationToken);
        _sessions.TryRemove(id, out _);
    }

    private static SessionRecord ReadSession(object? map)
    {
        var session = (IReadOnlyDictionary<string, object?>)map!;
        return new SessionRecord(
            (string)session["id"]!,
            (string)session["keyId"]!,
            DateTimeOffset.FromUnixTimeMilliseconds((long)session["createTime"]!),
            DateTimeOffset.FromUnixTimeMilliseconds((long)session["expireTime"]!));
    }
}
