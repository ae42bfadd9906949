using LocalVision.Graph.Sqlite;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Tests.Sqlite;

/// <summary>
/// The whole-graph reads behind projections page by a key SQLite walks in order: each page costs its own rows, never
/// a sort of everything that matches (SQLite's "USE TEMP B-TREE"), which made a labelled read quadratic.
/// </summary>
public sealed class SqliteReadPlanTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadRelationshipsQuery_WalksTheTableByIdWithoutSorting(bool byLabel)
    {
        var plan = Plan(SqliteGraphStore.ReadRelationshipsQuery("'Partner', 'Initiative'", "'Partner', 'Initiative'", byLabel));

        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.StartsWith("SEARCH r USING INTEGER PRIMARY KEY (rowid>?)", plan[0]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadNodesQuery_WalksTheNameIndexWithoutSorting(bool byLabel)
    {
        var plan = Plan(SqliteGraphStore.ReadNodesQuery("'Partner', 'Initiative'", byLabel));

        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.Contains("(name>?)", plan[0]);
    }

    /// <summary>The plan's steps, on a store with enough rows that SQLite has real choices to make.</summary>
    private static List<string> Plan(string query)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        SqliteSchemaSteps.Apply(connection);
        using (var fill = connection.CreateCommand())
        {
            fill.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                INSERT INTO nodes (id, name, label, display_name, properties, create_time, update_time)
                SELECT i, 'partners/p' || i, CASE i % 3 WHEN 0 THEN 'Partner' WHEN 1 THEN 'Initiative' ELSE 'Person' END, 'p', '{}', 0, 0 FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000)
                INSERT OR IGNORE INTO relationships (type, start_id, end_id, properties) SELECT 'COLLABORATES_WITH', 1 + i % 2000, 1 + (i * 7) % 2000, '{}' FROM n WHERE i % 2000 <> (i * 7) % 2000;
                ANALYZE;
                """;
            fill.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        command.Parameters.AddWithValue("@after", 0);
        var steps = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }
}
