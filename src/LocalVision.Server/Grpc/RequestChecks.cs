using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using SchemaLabels = LocalVision.Graph.Schema.Labels;

namespace LocalVision.Server.Grpc;

/// <summary>Collects what is wrong with a request and refuses it whole, naming every offending field.</summary>
public sealed class RequestChecks
{
    public List<FieldViolation> Violations { get; } = [];

    public RequestChecks Name(string field, string name, string? expectedLabel = null)
    {
        var problem = GraphSchema.CheckName(name, out var label);
        if (problem is not null)
        {
            Violations.Add(new(field, problem));
        }
        else if (expectedLabel is not null && label != expectedLabel)
        {
            Violations.Add(new(field, $"`{name}` is {Article(label!)} {label}, not {Article(expectedLabel)} {expectedLabel}"));
        }
        return this;
    }

    private static string Article(string label) => "AEIOU".Contains(label[0], StringComparison.Ordinal) ? "an" : "a";

    public RequestChecks Label(string field, string label) =>
        label.Length == 0 ? this : Known(field, label, SchemaLabels.IsKnown, "a label", SchemaLabels.All);

    public RequestChecks Labels(string field, IReadOnlyList<string> labels) =>
        Each(field, labels, (f, label) => Known(f, label, SchemaLabels.IsKnown, "a label", SchemaLabels.All));

    public RequestChecks RelationshipType(string field, string type) =>
        type.Length == 0 ? this : Known(field, type, GraphSchema.IsKnownRelationshipType, "a relationship type", GraphSchema.Relationships.Keys);

    public RequestChecks RelationshipTypes(string field, IReadOnlyList<string> types) =>
        Each(field, types, (f, type) => Known(f, type, GraphSchema.IsKnownRelationshipType, "a relationship type", GraphSchema.Relationships.Keys));

    private RequestChecks Known(string field, string value, Func<string, bool> isKnown, string what, IEnumerable<string> known)
    {
        if (!isKnown(value))
        {
            Violations.Add(new(field, $"`{Clip(value)}` is not {what}; one of {string.Join(", ", known)}{Suggestion.DidYouMean(value, known)}"));
        }
        return this;
    }

    private RequestChecks Each(string field, IReadOnlyList<string> values, Func<string, string, RequestChecks> check)
    {
        for (var i = 0; i < values.Count; i++)
        {
            check($"{field}[{i}]", values[i]);
        }
        return this;
    }

    /// <summary>A value in range, where 0 means the default; returns the value to use.</summary>
    public int Bounded(string field, int value, int fallback, int max, int min = 1)
    {
        if (value == 0)
        {
            return fallback;
        }
        if (value < min || value > max)
        {
            Violations.Add(new(field, $"must be from {min} to {max} (0 means {fallback})"));
        }
        return value;
    }

    /// <summary>A page size: negative is refused, 0 is the default, above the maximum is lowered to it (AIP-158).</summary>
    public int PageSize(string field, int value, int fallback, int max)
    {
        if (value < 0)
        {
            Violations.Add(new(field, "must not be negative"));
        }
        return value <= 0 ? fallback : Math.Min(value, max);
    }

    public RequestChecks Count(string field, int count, int max, bool required = true)
    {
        if (required && count == 0)
        {
            Violations.Add(new(field, "must hold at least one item"));
        }
        else if (count > max)
        {
            Violations.Add(new(field, $"holds {count} items; at most {max} per request"));
        }
        return this;
    }

    public RequestChecks Length(string field, string value, int max)
    {
        if (value.Length > max)
        {
            Violations.Add(new(field, $"is longer than {max} characters"));
        }
        return this;
    }

    /// <summary>A node filter (<see cref="NodeFilter.Parse"/>); <paramref name="whenEmpty"/> stands for an empty one. Refused text reads as no filter.</summary>
    public NodeFilter Filter(string field, string text, string whenEmpty = "")
    {
        try
        {
            return NodeFilter.Parse(text.Length == 0 ? whenEmpty : text);
        }
        catch (FormatException e)
        {
            Violations.Add(new(field, e.Message));
            return NodeFilter.None;
        }
    }

    /// <summary>A timestamp as a date (UTC), or null when unset.</summary>
    public DateOnly? Date(string field, Google.Protobuf.WellKnownTypes.Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Seconds is < -2208988800 or > 7258118400 || value.Nanos is < 0 or > 999_999_999)
        {
            Violations.Add(new(field, "must be a date between 1900 and 2200"));
            return null;
        }
        return DateOnly.FromDateTime(value.ToDateTime());
    }

    /// <summary>The conflict policy of a write; unspecified is <see cref="ConflictPolicy.Replace"/>, as writes were before there was a choice.</summary>
    public ConflictPolicy OnConflict(string field, V1.OnConflict value)
    {
        switch (value)
        {
            case V1.OnConflict.Fail:
                return ConflictPolicy.Fail;
            case V1.OnConflict.Merge:
                return ConflictPolicy.Merge;
            case V1.OnConflict.Unspecified or V1.OnConflict.Replace:
                return ConflictPolicy.Replace;
            default:
                Violations.Add(new(field, "is not an OnConflict; one of ON_CONFLICT_FAIL, ON_CONFLICT_REPLACE, ON_CONFLICT_MERGE"));
                return ConflictPolicy.Replace;
        }
    }

    /// <summary>A setting of a later message of a stream, which the first message's governs: it may repeat it or leave it unset.</summary>
    public RequestChecks SameAsFirst(string field, V1.OnConflict value, ConflictPolicy first)
    {
        if (value != V1.OnConflict.Unspecified && OnConflict(field, value) != first)
        {
            Violations.Add(new(field, "differs from the first message's; an import has one conflict policy, set on its first message"));
        }
        return this;
    }

    /// <inheritdoc cref="SameAsFirst(string, V1.OnConflict, ConflictPolicy)"/>
    public RequestChecks SameAsFirst(string field, bool value, bool first)
    {
        if (value && !first)
        {
            Violations.Add(new(field, "is set on a later message only; a dry run is asked for on the first message, before anything is written"));
        }
        return this;
    }

    public RequestChecks Add(string field, string description)
    {
        Violations.Add(new(field, description));
        return this;
    }

    /// <exception cref="GraphValidationException">Anything was recorded.</exception>
    public void ThrowIfAny()
    {
        if (Violations.Count > 0)
        {
            throw new GraphValidationException(Violations);
        }
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
