using System.Globalization;
using LocalVision.Graph.Store;
using Microsoft.Data.Sqlite;

namespace LocalVision.Server.Access;

/// <summary>
/// API keys and the audit log of an embedded graph store, in their own SQLite file beside it (<c>graph.db</c> →
/// <c>graph.access.db</c>), or wherever <c>LocalVision:Access:Path</c> says; the <c>keys</c> command can add a key
/// while the service runs. Triggers refuse any update or delete of the audit log, and the outcomes of entries begun
/// before their calls live in a table of their own (<c>audit_outcome</c>), so neither table is ever updated.
/// </summary>
public sealed class SqliteAccessStore : IAccessStore
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

    private readonly string _connectionString;
    private readonly TimeProvider _clock;

    private SqliteAccessStore(string path, string connectionString, TimeProvider clock)
    {
        Path = path;
        _connectionString = connectionString;
        _clock = clock;
    }

    public string Path { get; }

    public string Location => Path;

    /// <summary>Where the access file of a graph store lives by default: beside it, <c>graph.db</c> → <c>graph.access.db</c>.</summary>
    public static string PathBeside(string storePath) =>
        System.IO.Path.ChangeExtension(System.IO.Path.GetFullPath(storePath), null) + ".access.db";

    /// <summary>Opens (creating if needed) the access file and brings its schema up to date.</summary>
    /// <exception cref="AccessStoreException">The file cannot be created, read or written.</exception>
    public static SqliteAccessStore Open(string path, TimeProvider? clock = null)
    {
        path = System.IO.Path.GetFullPath(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var store = new SqliteAccessStore(path, connectionString, clock ?? TimeProvider.System);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            RefuseReadOnlyFileSystem(path);
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

    /// <summary>SQLite says only "unable to open database file" (error 14) there; the file system says why.</summary>
    private static void RefuseReadOnlyFileSystem(string path)
    {
        const int readOnlyFileSystemErrno = 30;
        try
        {
            using var probe = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException e) when (e.HResult == readOnlyFileSystemErrno)
        {
            throw new AccessStoreException($"the key and audit file {path} is on a read-only file system; remount it read-write or choose another --store path", e);
        }
    }

    public Task<(ApiKeyRecord Key, string Secret)> CreateKeyAsync(string displayName, Roles roles, string creator, CancellationToken cancellationToken)
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
        return Task.FromResult((new ApiKeyRecord(id, displayName, roles, now, creator, null), secret));
    }

    public Task<ApiKeyRecord?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.IdOf(presented) is not { } id)
        {
            return Task.FromResult<ApiKeyRecord?>(null);
        }
        return Task.FromResult(Run(connection =>
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
        }));
    }

    public Task<bool> HasActiveKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Run(connection => Convert.ToInt64(Scalar(connection, "SELECT EXISTS (SELECT 1 FROM api_keys WHERE revoke_time IS NULL)"), CultureInfo.InvariantCulture) == 1));

    public Task<IReadOnlyList<string>> ListActiveAdminIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Run<IReadOnlyList<string>>(connection =>
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
        }));

    public Task<ApiKeyRecord?> FindKeyAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(FindKey(id));

    private ApiKeyRecord? FindKey(string id) =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, display_name, roles, create_time, creator, revoke_time FROM api_keys WHERE id = @id";
            command.Parameters.AddWithValue("@id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadKey(reader) : null;
        });

    public Task<Page<ApiKeyRecord>> ListKeysAsync(int pageSize, string? pageToken, CancellationToken cancellationToken) =>
        Task.FromResult(Run(connection =>
        {
            var before = AccessPages.Before(pageToken, AccessPages.Keys);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, display_name, roles, create_time, creator, revoke_time, rowid FROM api_keys WHERE rowid < @before ORDER BY rowid DESC LIMIT @limit";
            command.Parameters.AddWithValue("@before", before);
            command.Parameters.AddWithValue("@limit", pageSize + 1);
            var rows = new List<(ApiKeyRecord Key, long RowId)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((ReadKey(reader), reader.GetInt64(6)));
                }
            }
            return AccessPages.ToPage(rows, pageSize, AccessPages.Keys);
        }));

    public Task<ApiKeyRecord?> RevokeKeyAsync(string id, CancellationToken cancellationToken)
    {
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE api_keys SET revoke_time = @now WHERE id = @id AND revoke_time IS NULL";
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@now", Now().ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        });
        return Task.FromResult(FindKey(id));
    }

    public Task AppendAsync(string principal, string caller, string method, AuditSummary summary, string outcome, CancellationToken cancellationToken) =>
        Task.FromResult(Insert(principal, caller, method, summary, outcome));

    public Task<long> BeginAsync(string principal, string caller, string method, AuditSummary summary, CancellationToken cancellationToken) =>
        Task.FromResult(Insert(principal, caller, method, summary, IAccessStore.Unfinished));

    public Task FinishAsync(long sequence, AuditSummary summary, string outcome, CancellationToken cancellationToken) =>
        Task.FromResult(Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO audit_outcome (sequence, time, resources, outcome) VALUES (@sequence, @time, @resources, @outcome)";
            command.Parameters.AddWithValue("@sequence", sequence);
            command.Parameters.AddWithValue("@time", Now().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@resources", summary.ToJson());
            command.Parameters.AddWithValue("@outcome", outcome);
            return command.ExecuteNonQuery();
        }));

    private long Insert(string principal, string caller, string method, AuditSummary summary, string outcome) =>
        Run(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO audit_log (time, key_id, caller, method, resources, outcome) VALUES (@time, @key, @caller, @method, @resources, @outcome) RETURNING sequence";
            command.Parameters.AddWithValue("@time", Now().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@key", principal);
            command.Parameters.AddWithValue("@caller", caller);
            command.Parameters.AddWithValue("@method", method);
            command.Parameters.AddWithValue("@resources", summary.ToJson());
            command.Parameters.AddWithValue("@outcome", outcome);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });

    public Task<Page<AuditRecord>> ListAuditAsync(int pageSize, string? pageToken, CancellationToken cancellationToken) =>
        Task.FromResult(Run(connection =>
        {
            var before = AccessPages.Before(pageToken, AccessPages.Audit);
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT a.sequence, a.time, a.key_id, a.caller, a.method, substr(COALESCE(o.resources, a.resources), 1, @cut), COALESCE(o.outcome, a.outcome),
                    length(COALESCE(o.resources, a.resources))
                FROM audit_log a LEFT JOIN audit_outcome o ON o.sequence = a.sequence
                WHERE a.sequence < @before ORDER BY a.sequence DESC LIMIT @limit
                """;
            command.Parameters.AddWithValue("@before", before);
            command.Parameters.AddWithValue("@limit", pageSize + 1);
            // Entries written whole before they were bounded may be megabytes: only so much of one is read.
            command.Parameters.AddWithValue("@cut", MaxRecordRead);
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
                        AuditSummary.FromJson(reader.GetString(5), reader.GetInt64(7)),
                        reader.GetString(6));
                    rows.Add((entry, entry.Sequence));
                }
            }
            return AccessPages.ToPage(rows, pageSize, AccessPages.Audit);
        }));

    public Task<IReadOnlyList<AuditUsageDay>> AuditUsageAsync(DateOnly since, CancellationToken cancellationToken) =>
        Task.FromResult(Run<IReadOnlyList<AuditUsageDay>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT day, SUM(entries), SUM(bytes), SUM(refused) FROM (
                    SELECT time / 86400000 AS day, 1 AS entries,
                        length(CAST(key_id AS BLOB)) + length(CAST(caller AS BLOB)) + length(CAST(method AS BLOB)) + length(CAST(resources AS BLOB)) + length(CAST(outcome AS BLOB)) + {RowOverhead} AS bytes,
                        CASE WHEN outcome = 'PERMISSION_DENIED' THEN COALESCE(json_extract(CASE WHEN json_valid(resources) AND json_type(resources) = 'object' THEN resources END, '$.counts.refused'), 1) ELSE 0 END AS refused
                    FROM audit_log WHERE time >= @since
                    UNION ALL
                    SELECT time / 86400000, 0, length(CAST(resources AS BLOB)) + length(CAST(outcome AS BLOB)) + {RowOverhead}, 0
                    FROM audit_outcome WHERE time >= @since)
                GROUP BY day ORDER BY day DESC
                """;
            command.Parameters.AddWithValue("@since", new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
            using var reader = command.ExecuteReader();
            var days = new List<AuditUsageDay>();
            while (reader.Read())
            {
                days.Add(new AuditUsageDay(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * 86_400_000).UtcDateTime),
                    reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
            return days;
        }));

    /// <summary>A row's sequence, time and record header, beside its text.</summary>
    private const int RowOverhead = 24;

    /// <summary>How much of one entry's record a listing reads: far more than a bounded entry holds.</summary>
    private const int MaxRecordRead = 64 * 1024;

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
