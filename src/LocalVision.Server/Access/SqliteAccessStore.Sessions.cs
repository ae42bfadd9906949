namespace LocalVision.Server.Access;

/// <summary>Dashboard sessions in the access file, beside the keys they were opened with.</summary>
public sealed partial class SqliteAccessStore
{
    /// <summary>Sessions are not audit: a signed-out or expired one is deleted, and its sign-in stays in the audit log.</summary>
    private const string SessionsTable = """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            key_id TEXT NOT NULL REFERENCES api_keys (id),
            create_time INTEGER NOT NULL,
            expire_time INTEGER NOT NULL
        );
        CREATE INDEX sessions_by_expire_time ON sessions (expire_time);
        """;

    public Task<(SessionRecord Session, string Secret)> CreateSessionAsync(string keyId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var secret = SessionSecret.Create();
        var now = Now();
        var session = new SessionRecord(SessionSecret.IdOf(secret), keyId, now, now + lifetime);
        Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var purge = connection.CreateCommand();
            purge.Transaction = transaction;
            purge.CommandText = "DELETE FROM sessions WHERE expire_time <= @now";
            purge.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            purge.ExecuteNonQuery();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO sessions (id, key_id, create_time, expire_time) VALUES (@id, @key, @create, @expire)";
            insert.Parameters.AddWithValue("@id", session.Id);
            insert.Parameters.AddWithValue("@key", keyId);
            insert.Parameters.AddWithValue("@create", session.CreateTime.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("@expire", session.ExpireTime.ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        });
        return Task.FromResult((session, secret));
    }

    public Task<LiveSession?> FindSessionAsync(string secret, CancellationToken cancellationToken)
    {
        if (!SessionSecret.IsWellFormed(secret))
        {
            return Task.FromResult<LiveSession?>(null);
        }
        var now = Now();
        return Task.FromResult(Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT k.id, k.display_name, k.roles, k.create_time, k.creator, k.revoke_time, s.id, s.create_time, s.expire_time
                FROM sessions s JOIN api_keys k ON k.id = s.key_id WHERE s.id = @id
                """;
            command.Parameters.AddWithValue("@id", SessionSecret.IdOf(secret));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            var key = ReadKey(reader);
            var session = new SessionRecord(reader.GetString(6), key.Id,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)));
            return key.IsActive && session.ExpireTime > now ? new LiveSession(session, key) : null;
        }));
    }

    public Task EndSessionAsync(string secret, CancellationToken cancellationToken) =>
        Task.FromResult(Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM sessions WHERE id = @id";
            command.Parameters.AddWithValue("@id", SessionSecret.IdOf(secret));
            return command.ExecuteNonQuery();
        }));
}
