using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalVision.Graph.Model;

namespace LocalVision.Graph.Store;

/// <summary>Comparison operators of a filter clause.</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>One comparison: a property (or <c>display_name</c>) against a string, number or boolean.</summary>
public sealed record FilterClause(string Property, FilterOperator Operator, object Value);

/// <summary>
/// A conjunction of property comparisons, in a small subset of AIP-160: <c>kind = "CCG" AND cohort &gt;= 2</c>.
/// Property paths may reach into objects with dots (<c>indicators.population.value</c>).
/// </summary>
public sealed partial class NodeFilter
{
    public const string DisplayNameProperty = "display_name";

    private NodeFilter(string text, IReadOnlyList<FilterClause> clauses)
    {
        Text = text;
        Clauses = clauses;
    }

    public static NodeFilter None { get; } = new("", []);

    public string Text { get; }

    public IReadOnlyList<FilterClause> Clauses { get; }

    [GeneratedRegex("""\G\s*(?<key>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)\s*(?<op>!=|<=|>=|=|<|>)\s*(?<value>"(?:[^"\\]|\\.)*"|-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false)\s*""", RegexOptions.CultureInvariant)]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"\G\s*AND\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndPattern();

    /// <summary>Parses a filter, or explains where it went wrong.</summary>
    /// <exception cref="FormatException">The text is not a filter.</exception>
    public static NodeFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }
        if (text.Length > 2000)
        {
            throw new FormatException("is longer than 2000 characters");
        }
        var clauses = new List<FilterClause>();
        var at = 0;
        while (true)
        {
            var match = ClausePattern().Match(text, at);
            if (!match.Success)
            {
                throw new FormatException($"expected `property op value` at character {at + 1}; operators are = != < <= > >=, values are \"strings\", numbers, true or false, joined by AND");
            }
            var clause = new FilterClause(match.Groups["key"].Value, ParseOperator(match.Groups["op"].Value), ParseValue(match.Groups["value"].Value));
            if (clause.Value is bool && clause.Operator is not (FilterOperator.Equal or FilterOperator.NotEqual))
            {
                throw new FormatException($"`{clause.Property}` compares a boolean with an ordering; use = or !=");
            }
            clauses.Add(clause);
            at = match.Index + match.Length;
            if (at == text.Length)
            {
                break;
            }
            var and = AndPattern().Match(text, at);
            if (!and.Success)
            {
                throw new FormatException($"expected AND at character {at + 1}");
            }
            at = and.Index + and.Length;
        }
        if (clauses.Count > 20)
        {
            throw new FormatException("has more than 20 clauses");
        }
        return new NodeFilter(text.Trim(), clauses);
    }

    /// <summary>Whether a node passes every clause; stores that cannot push a filter down use this.</summary>
    public bool Matches(GraphNode node) => Clauses.All(c => ClauseMatches(c, node));

    private static bool ClauseMatches(FilterClause clause, GraphNode node)
    {
        JsonNode? value = clause.Property == DisplayNameProperty ? JsonValue.Create(node.DisplayName) : node.Properties;
        if (clause.Property != DisplayNameProperty)
        {
            foreach (var part in clause.Property.Split('.'))
            {
                value = value is JsonObject o ? o[part] : null;
            }
        }
        int? comparison = clause.Value switch
        {
            string s when JsonValues.AsString(value) is { } v => string.CompareOrdinal(v, s),
            double d when JsonValues.AsNumber(value) is { } v => v.CompareTo(d),
            bool b when JsonValues.AsBoolean(value) is { } v => v == b ? 0 : 1,
            _ => null,
        };
        if (comparison is null)
        {
            // A missing property, or one of another type, is never equal, so only `!=` holds.
            return clause.Operator == FilterOperator.NotEqual;
        }
        return clause.Operator switch
        {
            FilterOperator.Equal => comparison == 0,
            FilterOperator.NotEqual => comparison != 0,
            FilterOperator.Less => comparison < 0,
            FilterOperator.LessOrEqual => comparison <= 0,
            FilterOperator.Greater => comparison > 0,
            _ => comparison >= 0,
        };
    }

    private static FilterOperator ParseOperator(string op) => op switch
    {
        "=" => FilterOperator.Equal,
        "!=" => FilterOperator.NotEqual,
        "<" => FilterOperator.Less,
        "<=" => FilterOperator.LessOrEqual,
        ">" => FilterOperator.Greater,
        _ => FilterOperator.GreaterOrEqual,
    };

    private static object ParseValue(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ when text.StartsWith('"') => text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal),
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
