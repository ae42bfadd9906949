using System.Globalization;
using System.Text.Json;
using LocalVision.Graph.Store;
using Microsoft.Data.Sqlite;

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
/// <param name="Outcome"><c>OK</c>, the status that refused or failed the call, or <see cref="AccessStore.Unfinished"/>.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset Time, string Principal, string Caller, string Method, IReadOnlyList<string> Resources, string Outcome);

/// <summary>The store cannot keep keys or the audit log; the message says why.</summary>
public sealed class AccessStoreException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// API keys (salted hashes only) and the append-only audit log, in their own SQLite file beside the graph store
/// (<c>graph.db</c> → <c>graph.access.db</c>), so they work whatever graph store is configured and the
/// <c>keys</c> command can add a key while the service runs. Triggers refuse any update or delete of the audit log.
/// </summary>
/// <remarks>
/// A write is recorded in two appends around it: <see cref="Begin"/> commits the entry before the write starts, and
/// <see cref="Finish"/> adds its outcome in a table of its own after the write ends. So every write that was applied
/// has its entry, even if the server died before the outcome; an entry that never got one reads
/// <see cref="Unfinished"/> (the call may or may not have been applied). Neither table is ever updated.
/// </remarks>
public sealed class AccessStore
{
    private static readonly string[] Migrations =
    [
        // 1: keys and the audit log.
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            roles TEXT NOT NULL,
            salt BLOB NOT NULL,
            hash BLOB NOT NULL,
            create_time INTEGER NOT NULL,
            creator TEXT NOT NULL,
            revoke_time INTEGER
        );
        CREATE TABLE audit_log (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            time INTEGER NOT NULL,
            key_id TEXT NOT NULL,
            caller TEXT NOT NULL,
            method TEXT NOT NULL,
            resources TEXT NOT NULL,
            outcome TEXT NOT NULL
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER api_keys_no_delete BEFORE DELETE ON api_keys BEGIN SELECT RAISE(ABORT, 'keys are revoked, never deleted'); END;
        """,
        // 2: outcomes appended after the call, for entries begun before it (their own outcome reads UNFINISHED).
        """
        CREATE TABLE audit_outcome (
            sequence INTEGER PRIMARY KEY REFERENCES audit_log (sequence),
            time INTEGER NOT NULL,
            resources TEXT NOT NULL,
            outcome TEXT NOT NULL
        );
        CREATE TRIGGER audit_outcome_no_update BEFORE UPDATE ON audit_outcome BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_outcome_no_delete BEFORE DELETE ON audit_outcome BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """,
    ];

    /// <summary>The outcome of an entry begun before its call and never finished: the call is running, or the server stopped during it.</summary>
    public const string Unfinished = "UNFINISHED";

    private readonly string _connectionString;
    private readonly TimeProvider _clock;

    private AccessStore(string path, string connectionString, TimeProvider clock)
    {
        Path = path;
        _connectionString = connectionString;
        _clock = clock;
    }

    public string Path { get; }

    /// <summary>Where the access file of a graph store lives by default: beside it, <c>graph.db</c> → <c>graph.access.db</c>.</summary>
    public static string PathBeside(string storePath) =>
        System.IO.Path.ChangeExtension(System.IO.Path.GetFullPath(storePath), null) + ".access.db";

    /// <summary>Opens (creating if needed) the access file and brings its schema up to date.</summary>
    /// <exception cref="AccessStoreException">The file cannot be created, read or written.</exception>
    public static AccessStore Open(string path, TimeProvider? clock = null)
    {
        path = System.IO.Path.GetFullPath(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var store = new AccessStore(path, connectionString, clock ?? TimeProvider.System);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            using var connection = store.Connect();
            // With SQLite's default synchronous = FULL, each commit is synced: an entry begun is on disk before its write starts.
            Execute(connection, "PRAGMA journal_mode = WAL");
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > Migrations.Length)
            {
                throw new InvalidOperationException($"its schema version {version} is newer than this server understands; upgrade the server");
            }
            for (; version < Migrations.Length; version++)
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Migrations[version] + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
                transaction.Commit();
            }
            return store;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            throw new AccessStoreException($"the key and audit file {path} cannot be used: {e.Message}", e);
        }
    }

    /// <summary>Creates a key; the returned secret is the only copy there will ever be.</summary>
    public (ApiKeyRecord Key, string Secret) CreateKey(string displayName, Roles roles, string creator)
    {
        var (id, secret, salt, hash) = ApiKeySecret.Create();
        var now = Now();
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO api_keys (id, display_name, roles, salt, hash, create_time, creator) VALUES (@id, @name, @roles, @salt, @hash, @now, @creator)";
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@name", displayName);
            command.Parameters.AddWithValue("@roles", RoleSet.Format(roles));
            command.Parameters.AddWithValue("@salt", salt);
            command.Parameters.AddWithValue("@hash", hash);
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@creator", creator);
            return command.ExecuteNonQuery();
        });
        return (new ApiKeyRecord(id, displayName, roles, now, creator, null), secret);
    }

    /// <summary>The active key a presented secret belongs to, or null when it is malformed, unknown, wrong or revoked.</summary>
    public ApiKeyRecord? Authenticate(string presented)
    {
        if (ApiKeySecret.IdOf(presented) is not { } id)
        {
            return null;
        }
        return Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, display_name, roles, create_time, creator, revoke_time, salt, hash FROM api_keys WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            var key = ReadKey(reader);
            var matches = ApiKeySecret.Matches(presented, (byte[])reader.GetValue(6), (byte[])reader.GetValue(7));
            return matches && key.IsActive ? key : null;
        });
    }

    public bool HasActiveKeys() =>
        Run(connection => Convert.ToInt64(Scalar(connection, "SELECT EXISTS (SELECT 1 FROM api_keys WHERE revoke_time IS NULL)"), CultureInfo.InvariantCulture) == 1);

    /// <summary>The ids of the active keys that hold the admin role.</summary>
    public IReadOnlyList<string> ListActiveAdminIds() =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM api_keys WHERE revoke_time IS NULL AND instr(',' || roles || ',', ',admin,') > 0";
            using var reader = command.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
            return ids;
        });

    public ApiKeyRecord? FindKey(string id) =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, display_name, roles, create_time, creator, revoke_time FROM api_keys WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadKey(reader) : null;
        });

    /// <summary>Keys, newest first, a page at a time.</summary>
    public Page<ApiKeyRecord> ListKeys(int pageSize, string? pageToken) =>
        Run(connection =>
        {
            var before = PageToken.Decode(pageToken, "apiKeys");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, display_name, roles, create_time, creator, revoke_time, rowid FROM api_keys WHERE rowid < @before ORDER BY rowid DESC LIMIT @limit";
            command.Parameters.AddWithValue("@before", before is null ? long.MaxValue : ParsePosition(before));
            command.Parameters.AddWithValue("@limit", pageSize + 1);
            var rows = new List<(ApiKeyRecord Key, long RowId)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((ReadKey(reader), reader.GetInt64(6)));
                }
            }
            return ToPage(rows, pageSize, "apiKeys");
        });

    /// <summary>Revokes a key (a second revoke keeps the first time); null when there is no such key.</summary>
    public ApiKeyRecord? RevokeKey(string id)
    {
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoke_time = @now WHERE id = @id AND revoke_time IS NULL";
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@now", Now().ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        });
        return FindKey(id);
    }

    /// <summary>Appends a finished entry, for what ended before it began (a refused call); there is no way to change or remove one.</summary>
    public void Append(string principal, string caller, string method, IReadOnlyList<string> resources, string outcome) =>
        Insert(principal, caller, method, resources, outcome);

    /// <summary>Appends an entry before the call it records, reading <see cref="Unfinished"/> until <see cref="Finish"/>.</summary>
    /// <returns>The entry's sequence, for <see cref="Finish"/>.</returns>
    public long Begin(string principal, string caller, string method, IReadOnlyList<string> resources) =>
        Insert(principal, caller, method, resources, Unfinished);

    /// <summary>Appends the outcome of an entry begun with <see cref="Begin"/>, and what the call touched as known after it; once per entry.</summary>
    public void Finish(long sequence, IReadOnlyList<string> resources, string outcome) =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO audit_outcome (sequence, time, resources, outcome) VALUES (@sequence, @time, @resources, @outcome)";
            command.Parameters.AddWithValue("@sequence", sequence);
            command.Parameters.AddWithValue("@time", Now().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@resources", JsonSerializer.Serialize(resources));
            command.Parameters.AddWithValue("@outcome", outcome);
            return command.ExecuteNonQuery();
        });

    private long Insert(string principal, string caller, string method, IReadOnlyList<string> resources, string outcome) =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO audit_log (time, key_id, caller, method, resources, outcome) VALUES (@time, @key, @caller, @method, @resources, @outcome) RETURNING sequence";
            command.Parameters.AddWithValue("@time", Now().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@key", principal);
            command.Parameters.AddWithValue("@caller", caller);
            command.Parameters.AddWithValue("@method", method);
            command.Parameters.AddWithValue("@resources", JsonSerializer.Serialize(resources));
            command.Parameters.AddWithValue("@outcome", outcome);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });

    /// <summary>The audit log, newest first, a page at a time; an entry shows its appended outcome when it has one.</summary>
    public Page<AuditRecord> ListAudit(int pageSize, string? pageToken) =>
        Run(connection =>
        {
            var before = PageToken.Decode(pageToken, "audit");
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT a.sequence, a.time, a.key_id, a.caller, a.method, COALESCE(o.resources, a.resources), COALESCE(o.outcome, a.outcome)
                FROM audit_log a LEFT JOIN audit_outcome o ON o.sequence = a.sequence
                WHERE a.sequence < @before ORDER BY a.sequence DESC LIMIT @limit
                """;
            command.Parameters.AddWithValue("@before", before is null ? long.MaxValue : ParsePosition(before));
            command.Parameters.AddWithValue("@limit", pageSize + 1);
            var rows = new List<(AuditRecord Entry, long Sequence)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var entry = new AuditRecord(
                        reader.GetInt64(0),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.GetString(4),
                        JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [],
                        reader.GetString(6));
                    rows.Add((entry, entry.Sequence));
                }
            }
            return ToPage(rows, pageSize, "audit");
        });

    private static Page<T> ToPage<T>(List<(T Item, long Position)> rows, int pageSize, string query)
    {
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = PageToken.Encode(query, rows[^1].Position.ToString(CultureInfo.InvariantCulture));
        }
        return new Page<T>(rows.Select(r => r.Item).ToList(), next, rows.Count);
    }

    private static long ParsePosition(string position) =>
        long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw GraphValidationException.Single("page_token", "is not a token this query returned; start again without it");

    private static ApiKeyRecord ReadKey(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        RoleSet.Parse(reader.GetString(2)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_clock.GetUtcNow().ToUnixTimeMilliseconds());

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private T Run<T>(Func<SqliteConnection, T> action)
    {
        try
        {
            using var connection = Connect();
            return action(connection);
        }
        catch (SqliteException e)
        {
            throw new AccessStoreException($"the key and audit file {Path} failed: {e.Message}", e);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
