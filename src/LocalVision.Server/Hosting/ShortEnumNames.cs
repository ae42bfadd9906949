using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Primitives;

namespace LocalVision.Server.Hosting;

/// <summary>
/// Lets the JSON API's query string name an enum value the short way, in any case (<c>?format=html</c> for
/// <c>REPORT_FORMAT_HTML</c>), as a URL typed by hand does; transcoding alone takes only the full upper-case name or the
/// number. Only top-level enum fields of the call's request message are touched, and only a value that is not already
/// a name or a number and that matches exactly one value once the enum's common prefix is dropped.
/// </summary>
public static class ShortEnumNames
{
    public static WebApplication UseShortEnumNames(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.Count > 0
                && context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoded)
            {
                RewriteQuery(context.Request, transcoded.MethodDescriptor.InputType);
            }
            await next(context);
        });
        return app;
    }

    private static void RewriteQuery(HttpRequest request, MessageDescriptor input)
    {
        var changed = false;
        var query = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            var rewritten = values;
            if (input.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name) is { FieldType: FieldType.Enum } field)
            {
                rewritten = new StringValues(values.Select(v => v is null ? v : FullName(field.EnumType, v)).ToArray());
                changed |= !rewritten.Equals(values);
            }
            query[name] = rewritten;
        }
        if (changed)
        {
            request.QueryString = QueryString.Create(query);
        }
    }

    /// <summary>The value's full name when <paramref name="given"/> is its short name in any case; otherwise what was given.</summary>
    public static string FullName(EnumDescriptor type, string given)
    {
        if (type.FindValueByName(given) is not null || int.TryParse(given, out _))
        {
            return given;
        }
        var prefix = Prefix(type);
        var matches = type.Values.Where(v => string.Equals(v.Name, given, StringComparison.OrdinalIgnoreCase)
            || string.Equals(v.Name[prefix.Length..], given, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].Name : given;
    }

    /// <summary>The enum's value prefix by the proto style guide: its name in upper snake case and an underscore (REPORT_FORMAT_).</summary>
    private static string Prefix(EnumDescriptor type)
    {
        var snake = string.Concat(type.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString())) + "_";
        return type.Values.All(v => v.Name.StartsWith(snake, StringComparison.Ordinal)) ? snake : "";
    }
}
