using System.Text;
using System.Text.Json.Nodes;
using LocalVision.Graph.Import;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>Backup (a consistent copy while writers carry on) and restore (one write transaction over the live file).</summary>
public sealed partial class SqliteGraphStore
{
    public async Task<BackupInfo> BackupAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path) || string.Equals(path, Location, StringComparison.Ordinal))
        {
            throw new GraphStoreUnavailableException(StoreFault.Rejected, $"the backup file {path} already exists; choose another name");
        }
        try
        {
            // VACUUM INTO copies one read snapshot, so writers carry on and the copy holds whole transactions only.
            await using (var connection = new SqliteConnection(_connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO @path";
                command.Parameters.AddWithValue("@path", path);
                command.ExecuteNonQuery();
            }
            var counts = CheckBackup(path);
            return new BackupInfo(path, new FileInfo(path).Length, counts);
        }
        catch (Exception e) when (e is SqliteException or GraphStoreUnavailableException or IOException)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            throw e switch
            {
                SqliteException sqlite => SqliteFaults.Translate(sqlite, path),
                GraphStoreUnavailableException unavailable => unavailable,
                _ => new GraphStoreUnavailableException(StoreFault.Unreachable, $"the backup {path} could not be written: {e.Message}", e),
            };
        }
    }

    public async Task<GraphCounts> RestoreAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new GraphStoreUnavailableException(StoreFault.Unreachable, $"there is no backup {path}");
        }
        var counts = CheckBackup(path);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var previous = Interlocked.Read(ref _version);
            using (var source = new SqliteConnection(ReadOnlyConnectionString(path)))
            {
                source.Open();
                // One write transaction on the live file: readers see the old contents or the new, never a mixture.
                source.BackupDatabase(_writer);
            }
            Execute("PRAGMA journal_mode = WAL");
            SqliteSchemaSteps.Apply(_writer);
            LoadIndex();
            // Above both the restored file's version and the one it replaced, so no cache keyed by either survives.
            var version = StoreNextVersion(transaction: null, atLeast: previous);
            _changes.Reset(version);
            Interlocked.Exchange(ref _version, version);
            return counts;
        }
        catch (SqliteException e)
        {
            throw SqliteFaults.Translate(e, Location);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Checks that a file is a whole, consistent store this version can read, and counts what it holds.</summary>
    /// <exception cref="GraphStoreUnavailableException">It is not.</exception>
    public static GraphCounts CheckBackup(string path)
    {
        try
        {
            using var connection = new SqliteConnection(ReadOnlyConnectionString(path));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var integrity = command.ExecuteScalar() as string;
            if (integrity != "ok")
            {
                throw new GraphStoreUnavailableException(StoreFault.Corrupt, $"the backup {path} failed its integrity check: {integrity}");
            }
            command.CommandText = "PRAGMA user_version";
            var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (version < 1 || version > SqliteSchemaSteps.Latest)
            {
                throw new GraphStoreUnavailableException(StoreFault.Rejected, version < 1
                    ? $"{path} is not a LocalVision store"
                    : $"the backup {path} has schema version {version}, newer than this server understands ({SqliteSchemaSteps.Latest})");
            }
            command.CommandText = "SELECT COUNT(*) FROM pragma_foreign_key_check";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new GraphStoreUnavailableException(StoreFault.Corrupt, $"the backup {path} has relationships whose nodes are missing");
            }
            command.CommandText = "SELECT COUNT(*) FROM nodes";
            var nodes = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "SELECT COUNT(*) FROM relationships";
            var relationships = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return new GraphCounts(nodes, relationships, new Dictionary<string, long>(), new Dictionary<string, long>());
        }
        catch (SqliteException e) when (SqliteFaults.IsDamage(e))
        {
            throw new GraphStoreUnavailableException(StoreFault.Corrupt, $"the backup {path} is corrupt or not a LocalVision store: {e.Message}", e);
        }
        catch (SqliteException e)
        {
            throw SqliteFaults.Translate(e, path);
        }
    }

    private static string ReadOnlyConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
}
