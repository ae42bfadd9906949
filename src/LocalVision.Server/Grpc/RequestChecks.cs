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
            Violations.Add(new(field, $"`{name}` is a {label}, not a {expectedLabel}"));
        }
        return this;
    }

    public RequestChecks Label(string field, string label)
    {
        if (label.Length > 0 && !SchemaLabels.IsKnown(label))
        {
            Violations.Add(new(field, $"`{Clip(label)}` is not a label; one of {string.Join(", ", SchemaLabels.All)}"));
        }
        return this;
    }

    public RequestChecks Labels(string field, IReadOnlyList<string> labels)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (!SchemaLabels.IsKnown(labels[i]))
            {
                Violations.Add(new($"{field}[{i}]", $"`{Clip(labels[i])}` is not a label; one of {string.Join(", ", SchemaLabels.All)}"));
            }
        }
        return this;
    }

    public RequestChecks RelationshipType(string field, string type)
    {
        if (type.Length > 0 && !GraphSchema.IsKnownRelationshipType(type))
        {
            Violations.Add(new(field, $"`{Clip(type)}` is not a relationship type; one of {string.Join(", ", GraphSchema.Relationships.Keys)}"));
        }
        return this;
    }

    public RequestChecks RelationshipTypes(string field, IReadOnlyList<string> types)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (!GraphSchema.IsKnownRelationshipType(types[i]))
            {
                Violations.Add(new($"{field}[{i}]", $"`{Clip(types[i])}` is not a relationship type; one of {string.Join(", ", GraphSchema.Relationships.Keys)}"));
            }
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
