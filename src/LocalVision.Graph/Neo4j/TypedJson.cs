using System.Globalization;
using System.Text.Json;

namespace LocalVision.Graph.Neo4j;

/// <summary>
/// Reads values of the Query API's typed JSON (<c>application/vnd.neo4j.query</c>): <c>{"$type": "Integer", "_value": "42"}</c>.
/// Integers arrive as strings, so 64-bit values (times in milliseconds, counters) keep every digit.
/// </summary>
internal static class TypedJson
{
    /// <summary>
    /// A value as <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, null,
    /// a list (<see cref="List{T}"/> of values) or a map (<see cref="Dictionary{TKey, TValue}"/> of values).
    /// Temporal, spatial and graph values, which the store never asks for, arrive as their text.
    /// </summary>
    public static object? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$type", out var type))
        {
            throw new FormatException($"expected a typed JSON value {{\"$type\", \"_value\"}}, got {element.ValueKind}");
        }
        element.TryGetProperty("_value", out var value);
        return type.GetString() switch
        {
            "Null" => null,
            "Boolean" => value.GetBoolean(),
            "Integer" => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            "Float" => ReadFloat(value.GetString()!),
            "String" => value.GetString(),
            "List" => value.EnumerateArray().Select(Read).ToList(),
            "Map" => value.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal),
            _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
        };
    }

    private static double ReadFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
