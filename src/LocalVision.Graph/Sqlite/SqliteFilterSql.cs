using LocalVision.Graph.Store;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// A node filter's clause as SQL over the stored JSON properties. A clause meets only a value of its own kind (a text
/// with a text, a number with a number); <c>!=</c> is the negation of <c>=</c>, so a node without the property matches it.
/// </summary>
internal static class SqliteFilterSql
{
    /// <summary>The SQL of clause <paramref name="i"/>, its values bound on <paramref name="command"/> as <c>@p{i}</c>, <c>@v{i}</c>.</summary>
    public static string Clause(FilterClause clause, int i, SqliteCommand command)
    {
        var op = clause.Operator switch
        {
            FilterOperator.Equal or FilterOperator.NotEqual => "=",
            FilterOperator.Less => "<",
            FilterOperator.LessOrEqual => "<=",
            FilterOperator.Greater => ">",
            _ => ">=",
        };
        string comparison;
        if (clause.Property == NodeFilter.DisplayNameProperty)
        {
            command.Parameters.AddWithValue($"@v{i}", clause.Value is string ? clause.Value : "\u0000never");
            comparison = clause.Value is string ? $"display_name {op} @v{i}" : "0";
        }
        else
        {
            command.Parameters.AddWithValue($"@p{i}", "$." + clause.Property);
            comparison = clause.Value switch
            {
                string s => Bound(command, i, s, $"(json_type(properties, @p{i}) = 'text' AND json_extract(properties, @p{i}) {op} @v{i})"),
                double d => Bound(command, i, d, $"(json_type(properties, @p{i}) IN ('integer', 'real') AND json_extract(properties, @p{i}) {op} @v{i})"),
                bool b => Bound(command, i, b ? "true" : "false", $"(json_type(properties, @p{i}) = @v{i})"),
                _ => "0",
            };
        }
        return clause.Operator == FilterOperator.NotEqual ? $"NOT COALESCE({comparison}, 0)" : $"COALESCE({comparison}, 0)";
    }

    private static string Bound(SqliteCommand command, int i, object value, string sql)
    {
        command.Parameters.AddWithValue($"@v{i}", value);
        return sql;
    }
}
