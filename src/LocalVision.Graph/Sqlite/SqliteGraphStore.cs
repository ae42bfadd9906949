using System.Text;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;
using LocalVision.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// The embedded graph store: one SQLite file in WAL mode, owned by one process (a lock on the file itself),
/// with an in-memory adjacency index for traversals. Writes are serialised and atomic; reads run concurrently.
/// </summary>
/// <remarks>
/// One class in partial files, one job each: this file is the core (opening, the state every part shares, the index
/// loaded at open, the command helpers); <c>.Reads</c>, <c>.Writes</c>, <c>.Backup</c> and <c>.Theory</c> are the
/// store's operations. They are partial files rather than collaborators because each of them works on the same
/// private state — the one writer connection and its gate, the adjacency index, the caches, the version — and
/// handing that state around would only widen it. What needs none of it stands apart: <see cref="SqliteRows"/>
/// (reading a row), <see cref="SqliteFaults"/> (SQLite's result codes in the store's words),
/// <see cref="SqliteSchemaSteps"/> (the file's schema steps), <see cref="StoreIntegrity"/> and <see cref="StoreOwnership"/>.
/// </remarks>
public sealed partial class SqliteGraphStore : IGraphStore, IStoreBackup, ITheoryHistory
{
    /// <summary>How many names or ids one <c>IN (…)</c> lookup binds (SQLite's limit on parameters is far above it).</summary>
    private const int ChunkSize = 500;

    /// <summary>How many records one page of a streamed read (<see cref="ReadNodesAsync"/>, <see cref="ReadRelationshipsAsync"/>) holds.</summary>
    internal const int StreamPageSize = 1000;

    /// <summary>The graph's version stamp, one row of <c>meta</c>: read at open, by the integrity check and by a ping.</summary>
    internal const string ReadVersionStamp = "SELECT value FROM meta WHERE key = 'graph_version'";

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly FileStream _ownership;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly AdjacencyIndex _index = new();
    private readonly ChangeLog _changes = new();
    private readonly TimeProvider _clock;
    private readonly RecordCache<string, GraphNode> _nodeCache;
    private readonly RecordCache<long, GraphRelationship> _relationshipCache;
    private int _nextNodeId;
    private long _nextRelationshipId;
    private long _version;
    private bool _disposed;

    private SqliteGraphStore(string path, string connectionString, SqliteConnection writer, FileStream ownership, SqliteStoreOptions options)
    {
        _nodeCache = new RecordCache<string, GraphNode>(options.CachedNodes, StringComparer.Ordinal);
        _relationshipCache = new RecordCache<long, GraphRelationship>(options.CachedRelationships);
        Location = path;
        _connectionString = connectionString;
        _writer = writer;
        _ownership = ownership;
        _clock = options.Clock ?? TimeProvider.System;
    }

    public string Location { get; }

    /// <summary>The in-memory index the store keeps; exposed for traversals and projections.</summary>
    public AdjacencyIndex Index => _index;

    /// <summary>Opens (creating if needed) the store at a path.</summary>
    /// <exception cref="GraphStoreUnavailableException">Another process holds it, or the file is not a usable store.</exception>
    public static SqliteGraphStore Open(string path, SqliteStoreOptions? options = null)
    {
        options ??= new SqliteStoreOptions();
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existed = File.Exists(path);
        var ownership = StoreOwnership.Take(path);
        if (existed && ownership.Length == 0 && !options.Init)
        {
            ownership.Dispose();
            throw SqliteFaults.EmptyFile(path);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var writer = new SqliteConnection(connectionString);
        var store = new SqliteGraphStore(path, connectionString, writer, ownership, options);
        try
        {
            writer.Open();
            store.Execute("PRAGMA journal_mode = WAL");
            store.Execute($"PRAGMA synchronous = {(options.Durable ? "FULL" : "NORMAL")}");
            store.Execute("PRAGMA foreign_keys = ON");
            SqliteSchemaSteps.Apply(writer);
            StoreIntegrity.Check(writer, path, options.FullCheck);
            store.LoadIndex();
            return store;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or GraphStoreUnavailableException)
        {
            writer.Dispose();
            ownership.Dispose();
            throw SqliteFaults.AtOpen(e, path);
        }
    }

    public ValueTask<long> GetVersionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Interlocked.Read(ref _version));

    /// <summary>From the log of this process's writes: the store owns its file, so no other process writes it.</summary>
    public Task<GraphChanges?> GetChangesSinceAsync(long version, CancellationToken cancellationToken) => Task.FromResult(_changes.Since(version));

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            await _writer.DisposeAsync();
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
            await _ownership.DisposeAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void LoadIndex()
    {
        var maxNode = -1;
        var maxRelationship = -1L;
        _index.Apply(index =>
        {
            index.Clear();
            using (var command = _writer.CreateCommand())
            {
                command.CommandText = "SELECT id, name, label FROM nodes ORDER BY id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetInt32(0);
                    index.AddNode(id, reader.GetString(1), reader.GetString(2));
                    maxNode = id;
                }
            }
            using (var command = _writer.CreateCommand())
            {
                command.CommandText = "SELECT id, type, start_id, end_id FROM relationships";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    index.AddRelationship(id, reader.GetInt32(2), AdjacencyIndex.TypeCode(reader.GetString(1)), reader.GetInt32(3));
                    maxRelationship = Math.Max(maxRelationship, id);
                }
            }
        });
        _nextNodeId = maxNode + 1;
        _nextRelationshipId = maxRelationship + 1;
        using var version = _writer.CreateCommand();
        version.CommandText = ReadVersionStamp;
        _version = long.Parse((string)version.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
        _changes.Reset(_version);
    }

    /// <summary>Runs a read on a connection of its own (reads run beside each other and beside the writer).</summary>
    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            return read(connection);
        }
        catch (SqliteException e)
        {
            throw SqliteFaults.Translate(e, Location);
        }
    }

    /// <summary>
    /// Writes the graph's next version in the write's own transaction (or straight to the writer, with none) and
    /// returns it; the caller publishes it once the write has committed, so no reader sees a version whose write failed.
    /// </summary>
    private long StoreNextVersion(SqliteTransaction? transaction, long? atLeast = null)
    {
        var version = Math.Max(Interlocked.Read(ref _version), atLeast ?? 0) + 1;
        using var bump = _writer.CreateCommand();
        bump.Transaction = transaction;
        bump.CommandText = "UPDATE meta SET value = @v WHERE key = 'graph_version'";
        bump.Parameters.AddWithValue("@v", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        bump.ExecuteNonQuery();
        return version;
    }

    private static string Parameters(SqliteCommand command, string prefix, IEnumerable<object> values)
    {
        var names = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            var name = $"@{prefix}{i++}";
            command.Parameters.AddWithValue(name, value);
            names.Append(names.Length == 0 ? "" : ", ").Append(name);
        }
        return i == 0 ? "NULL" : names.ToString();
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
    }

    private void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
