using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Import;
using LocalVision.Graph.Store;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// What the embedded store checks before it serves: SQLite's own check of the file (<c>quick_check</c>, or the slower
/// <c>integrity_check</c> on request), every relationship's ends, and every property document. A store that fails
/// is refused with the first bad record, so damage shows at start-up instead of as INTERNAL on the call that meets it.
/// </summary>
internal static class StoreIntegrity
{
    public const string RestoreAdvice = "restore it from a backup (lv restore, or copy a backup into place) or move it aside";

    /// <exception cref="GraphStoreUnavailableException">The store is corrupt; the message names the first bad record.</exception>
    public static void Check(SqliteConnection connection, string path, bool thorough)
    {
        var check = Scalar(connection, thorough ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)") as string;
        if (check != "ok")
        {
            throw Corrupt(path, $"SQLite's {(thorough ? "integrity" : "quick")} check says: {check}");
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT r.id, r.type, r.start_id, r.end_id FROM relationships r
                WHERE NOT EXISTS (SELECT 1 FROM nodes s WHERE s.id = r.start_id) OR NOT EXISTS (SELECT 1 FROM nodes e WHERE e.id = r.end_id)
                LIMIT 1
                """;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                throw Corrupt(path, $"relationship {reader.GetInt64(0)} ({reader.GetString(1)}, node ids {reader.GetInt64(2)} -> {reader.GetInt64(3)}) has an end that is no node");
            }
        }
        if (FirstUnparsed(connection, "SELECT name FROM nodes WHERE " + NotAnObject) is { } node)
        {
            throw Corrupt(path, $"the properties of node `{node}` are not a JSON object");
        }
        if (FirstUnparsed(connection, "SELECT CAST(id AS TEXT) || ' (' || type || ')' FROM relationships WHERE " + NotAnObject) is { } relationship)
        {
            throw Corrupt(path, $"the properties of relationship {relationship} are not a JSON object");
        }
        if (!long.TryParse(Scalar(connection, SqliteGraphStore.ReadVersionStamp) as string, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw Corrupt(path, "its version stamp (meta graph_version) is missing or not a number");
        }
    }

    /// <summary>The properties of a row read back, or a corrupt-store error naming the record when they do not parse.</summary>
    /// <exception cref="GraphStoreUnavailableException">They are not a JSON object.</exception>
    public static JsonObject Properties(string json, string path, Func<string> record)
    {
        try
        {
            return GraphJson.ParseProperties(json);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new GraphStoreUnavailableException(StoreFault.Corrupt,
                $"the store {path} is corrupt: the properties of {record()} do not parse; {RestoreAdvice}", e);
        }
    }

    // json_type reads malformed JSON as an error, so validity is asked first.
    private const string NotAnObject = "CASE WHEN json_valid(properties) THEN json_type(properties) <> 'object' ELSE 1 END LIMIT 1";

    private static string? FirstUnparsed(SqliteConnection connection, string sql) => Scalar(connection, sql) as string;

    private static GraphStoreUnavailableException Corrupt(string path, string what) =>
        new(StoreFault.Corrupt, $"the store {path} is corrupt: {what}; {RestoreAdvice}");

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
