using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// The embedded store's file schema, as numbered steps recorded in <c>PRAGMA user_version</c>. Called steps, not
/// migrations: in this project a migration is a graph copied between stores (<c>GraphMigration</c>, <c>migrate</c>).
/// </summary>
internal static class SqliteSchemaSteps
{
    private static readonly string[] Steps =
    [
        // 1: nodes, relationships (unique per type and endpoints), graph metadata.
        """
        CREATE TABLE nodes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            display_name TEXT NOT NULL,
            properties TEXT NOT NULL,
            create_time INTEGER NOT NULL,
            update_time INTEGER NOT NULL
        );
        CREATE INDEX nodes_by_label ON nodes (label, name);
        CREATE TABLE relationships (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            start_id INTEGER NOT NULL REFERENCES nodes (id),
            end_id INTEGER NOT NULL REFERENCES nodes (id),
            properties TEXT NOT NULL,
            UNIQUE (start_id, type, end_id)
        );
        CREATE INDEX relationships_by_end ON relationships (end_id, type);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta (key, value) VALUES ('graph_version', '0');
        """,
        // 2: results of writes made under a request id, so a retried request is not applied twice.
        """
        CREATE TABLE requests (
            request_id TEXT PRIMARY KEY,
            result TEXT NOT NULL,
            create_time INTEGER NOT NULL
        );
        """,
        // 3: who made a remembered write and a hash of its request, so a request id answers only its own caller's retry.
        """
        ALTER TABLE requests ADD COLUMN owner TEXT;
        ALTER TABLE requests ADD COLUMN fingerprint TEXT;
        """,
        // 4: the versions of the programme theory (ITheoryHistory), numbered from 1, never changed.
        """
        CREATE TABLE theory_versions (
            version INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            note TEXT NOT NULL,
            author TEXT NOT NULL,
            create_time INTEGER NOT NULL
        );
        """,
    ];

    public static int Latest => Steps.Length;

    /// <summary>Brings a database up to the latest schema; refuses one written by a newer version.</summary>
    public static void Apply(SqliteConnection connection)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        if (current > Latest)
        {
            throw new InvalidOperationException($"the store has schema version {current}, newer than this server understands ({Latest}); upgrade the server");
        }
        for (var version = current; version < Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Steps[version] + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
