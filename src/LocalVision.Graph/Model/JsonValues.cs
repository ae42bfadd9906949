using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalVision.Graph.Model;

/// <summary>Reads property values whatever CLR type a JSON node was built from (parsed text, double, int, ...).</summary>
public static class JsonValues
{
    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static double? AsNumber(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }
        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }
        return v.TryGetValue<decimal>(out var m) ? (double)m : null;
    }

    public static bool? AsBoolean(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValueKind() == JsonValueKind.True : null;
}
