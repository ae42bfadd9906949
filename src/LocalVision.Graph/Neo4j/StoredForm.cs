using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalVision.Graph.Import;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Neo4j;

/// <summary>How nodes, filters and remembered results look in Neo4j, and back.</summary>
internal static partial class StoredForm
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FilterableKey();

    /// <summary>
    /// The node's stored properties: its identity, its JSON text, and a copy of every string, number and boolean
    /// reachable from the top through objects only, under <c>prop.</c> and its dotted path — exactly the values a
    /// <see cref="NodeFilter"/> path can reach. Keys a filter cannot name (with dots, dashes, …) are not copied.
    /// Numbers are copied as floats, as <see cref="NodeFilter"/> compares them.
    /// </summary>
    public static JsonObject NodeFields(GraphNode node)
    {
        var fields = new JsonObject
        {
            ["name"] = node.Name,
            ["label"] = node.Label,
            ["displayName"] = node.DisplayName,
            ["properties"] = node.Properties.ToJsonString(),
        };
        CopyScalars(node.Properties, Cypher.CopiedPropertyPrefix, fields);
        return fields;
    }

    private static void CopyScalars(JsonObject source, string prefix, JsonObject into)
    {
        foreach (var (key, value) in source)
        {
            if (!FilterableKey().IsMatch(key))
            {
                continue;
            }
            switch (value)
            {
                case JsonObject inner:
                    CopyScalars(inner, $"{prefix}{key}.", into);
                    break;
                case JsonValue when JsonValues.AsString(value) is { } text:
                    into[prefix + key] = text;
                    break;
                case JsonValue when JsonValues.AsNumber(value) is { } number && double.IsFinite(number):
                    into[prefix + key] = number;
                    break;
                case JsonValue when JsonValues.AsBoolean(value) is { } flag:
                    into[prefix + key] = flag;
                    break;
            }
        }
    }

    /// <summary>The filter as a list of <c>{key, op, value}</c> maps for <see cref="Cypher.ListNodes"/>.</summary>
    public static JsonArray FilterParameter(NodeFilter filter) =>
        new(filter.Clauses.Select(c => (JsonNode?)new JsonObject
        {
            ["key"] = c.Property == NodeFilter.DisplayNameProperty ? "displayName" : Cypher.CopiedPropertyPrefix + c.Property,
            ["op"] = c.Operator switch
            {
                FilterOperator.Equal => "=",
                FilterOperator.NotEqual => "<>",
                FilterOperator.Less => "<",
                FilterOperator.LessOrEqual => "<=",
                FilterOperator.Greater => ">",
                _ => ">=",
            },
            ["value"] = c.Value switch
            {
                string s => JsonValue.Create(s),
                double d => JsonValue.Create(d),
                bool b => JsonValue.Create(b),
                _ => null,
            },
        }).ToArray());

    /// <summary>A node from the map <see cref="Cypher"/> returns for one.</summary>
    public static GraphNode Node(object? value)
    {
        var map = (IReadOnlyDictionary<string, object?>)value!;
        return new GraphNode(
            (string)map["name"]!,
            (string)map["label"]!,
            (string)map["displayName"]!,
            GraphJson.ParseProperties((string)map["properties"]!),
            DateTimeOffset.FromUnixTimeMilliseconds((long)map["createTime"]!),
            DateTimeOffset.FromUnixTimeMilliseconds((long)map["updateTime"]!));
    }

    public static GraphRelationship Relationship(string type, string start, string end, object? properties) =>
        new(type, start, end, GraphJson.ParseProperties((string)properties!));

}
