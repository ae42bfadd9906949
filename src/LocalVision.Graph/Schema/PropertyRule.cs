using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using static LocalVision.Graph.Model.JsonValues;

namespace LocalVision.Graph.Schema;

/// <summary>What one property must look like. Checks return a message, or null when the value is acceptable.</summary>
/// <param name="Values">For a property of named values (a kind, a code): the values it takes, to suggest the one meant.</param>
public sealed record PropertyRule(string Name, bool Required, string Describe, Func<JsonNode?, bool> Accepts, IReadOnlyList<string>? Values = null)
{
    /// <summary>"; did you mean `VOLUNTARY`?" for a misspelt named value (in an array too), or empty.</summary>
    public string Hint(JsonNode? value) =>
        Values is null ? ""
        : value is JsonArray items ? items.Select(i => AsString(i) is { } s && !Values.Contains(s) ? Suggestion.DidYouMean(s, Values) : "").FirstOrDefault(h => h.Length > 0) ?? ""
        : AsString(value) is { } text ? Suggestion.DidYouMean(text, Values) : "";

    public static PropertyRule Text(string name, bool required = false) =>
        new(name, required, "a non-empty string", v => AsString(v) is { Length: > 0 });

    public static PropertyRule OneOf(string name, bool required, params string[] values)
    {
        var set = values.ToHashSet(StringComparer.Ordinal);
        return new(name, required, "one of " + string.Join(", ", values), v => AsString(v) is { } s && set.Contains(s), values);
    }

    /// <summary>One allowed value, or an array of them (an area spanning several councils).</summary>
    public static PropertyRule OneOrManyOf(string name, bool required, params string[] values)
    {
        var set = values.ToHashSet(StringComparer.Ordinal);
        return new(name, required, "one of " + string.Join(", ", values) + ", or an array of them",
            v => v switch
            {
                JsonArray a => a.Count > 0 && a.All(e => AsString(e) is { } s && set.Contains(s)),
                _ => AsString(v) is { } s && set.Contains(s),
            }, values);
    }

    public static PropertyRule Number(string name, bool required = false, double min = double.MinValue, double max = double.MaxValue) =>
        new(name, required, min == double.MinValue ? "a number" : $"a number from {min} to {max}",
            v => AsNumber(v) is { } d && double.IsFinite(d) && d >= min && d <= max);

    public static PropertyRule Integer(string name, bool required, int min, int max) =>
        new(name, required, $"a whole number from {min} to {max}",
            v => AsNumber(v) is { } d && d == Math.Floor(d) && d >= min && d <= max);

    public static PropertyRule Boolean(string name) =>
        new(name, false, "true or false", v => v is JsonValue j && j.GetValueKind() is JsonValueKind.True or JsonValueKind.False);

    /// <summary>An ISO date (yyyy-MM-dd) between 1900 and 2200.</summary>
    public static PropertyRule Date(string name, bool required = false) =>
        new(name, required, "an ISO date (yyyy-MM-dd)", v => AsString(v) is { } s && TryParseDate(s, out _));

    public static PropertyRule Object(string name) =>
        new(name, false, "an object", v => v is JsonObject);

    public static PropertyRule Array(string name) =>
        new(name, false, "an array", v => v is JsonArray);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 1900 and <= 2200;
}
