using LocalVision.Graph.Model;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// How a node and a relationship are read from a row: the columns every query selects, and the one reader of each,
/// so a change to the row is made once. Stored properties that do not parse are reported as damage to the file.
/// </summary>
internal static class SqliteRows
{
    /// <summary>The node columns, in the order <see cref="Node"/> reads them.</summary>
    public const string NodeColumns = "name, label, display_name, properties, create_time, update_time";

    /// <summary>The relationship columns (aliases <c>r</c>, <c>s</c> for its start, <c>e</c> for its end), in the order <see cref="Relationship"/> reads them.</summary>
    public const string RelationshipColumns = "r.id, r.type, s.name, e.name, r.properties";

    /// <summary>A node row (<see cref="NodeColumns"/>) of the store at <paramref name="path"/>.</summary>
    public static GraphNode Node(SqliteDataReader reader, string path) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        StoreIntegrity.Properties(reader.GetString(3), path, () => $"node `{reader.GetString(0)}`"),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    /// <summary>A relationship row (<see cref="RelationshipColumns"/>) of the store at <paramref name="path"/>.</summary>
    public static GraphRelationship Relationship(SqliteDataReader reader, string path) => new(
        reader.GetString(1), reader.GetString(2), reader.GetString(3),
        StoreIntegrity.Properties(reader.GetString(4), path, () => $"relationship {reader.GetInt64(0)} ({reader.GetString(1)})"));

    /// <summary>Every node row the command answers, in its order.</summary>
    public static List<GraphNode> Nodes(SqliteCommand command, string path)
    {
        var nodes = new List<GraphNode>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            nodes.Add(Node(reader, path));
        }
        return nodes;
    }

    /// <summary>Every relationship row the command answers, with its id, in its order.</summary>
    public static List<(long Id, GraphRelationship Relationship)> Relationships(SqliteCommand command, string path)
    {
        var rows = new List<(long, GraphRelationship)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), Relationship(reader, path)));
        }
        return rows;
    }
}
