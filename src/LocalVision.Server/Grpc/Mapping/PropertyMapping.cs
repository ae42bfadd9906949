using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Server.Grpc.Mapping;

/// <summary>Properties between protobuf's <see cref="Struct"/> on the wire and JSON in the domain.</summary>
public static class PropertyMapping
{
    /// <summary>Converts a Struct, recording values JSON cannot hold (NaN, infinities) or nesting that is too deep.</summary>
    public static JsonObject ToJson(Struct? properties, string field, List<FieldViolation> violations)
    {
        var result = new JsonObject();
        if (properties is null)
        {
            return result;
        }
        foreach (var (key, value) in properties.Fields)
        {
            result[key] = ToJson(value, $"{field}.{key}", 1, violations);
        }
        return result;
    }

    private static JsonNode? ToJson(Value value, string field, int depth, List<FieldViolation> violations)
    {
        if (depth > GraphSchema.MaxPropertyDepth)
        {
            violations.Add(new(field, $"nests deeper than {GraphSchema.MaxPropertyDepth} levels"));
            return null;
        }
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NumberValue:
                if (!double.IsFinite(value.NumberValue))
                {
                    violations.Add(new(field, "must be a finite number (NaN and infinities cannot be stored)"));
                    return null;
                }
                return JsonValue.Create(value.NumberValue);
            case Value.KindOneofCase.StringValue:
                return JsonValue.Create(value.StringValue);
            case Value.KindOneofCase.BoolValue:
                return JsonValue.Create(value.BoolValue);
            case Value.KindOneofCase.StructValue:
                var o = new JsonObject();
                foreach (var (key, inner) in value.StructValue.Fields)
                {
                    o[key] = ToJson(inner, $"{field}.{key}", depth + 1, violations);
                }
                return o;
            case Value.KindOneofCase.ListValue:
                var a = new JsonArray();
                for (var i = 0; i < value.ListValue.Values.Count; i++)
                {
                    a.Add(ToJson(value.ListValue.Values[i], $"{field}[{i}]", depth + 1, violations));
                }
                return a;
            default:
                return null;
        }
    }

    public static Struct ToStruct(JsonObject properties)
    {
        var result = new Struct();
        foreach (var (key, value) in properties)
        {
            result.Fields[key] = ToValue(value);
        }
        return result;
    }

    private static Value ToValue(JsonNode? node) => node switch
    {
        null => Value.ForNull(),
        JsonObject o => Value.ForStruct(ToStruct(o)),
        JsonArray a => Value.ForList(a.Select(ToValue).ToArray()),
        _ when JsonValues.AsString(node) is { } s => Value.ForString(s),
        _ when JsonValues.AsNumber(node) is { } d => Value.ForNumber(d),
        _ when JsonValues.AsBoolean(node) is { } b => Value.ForBool(b),
        _ => Value.ForNull(),
    };
}
