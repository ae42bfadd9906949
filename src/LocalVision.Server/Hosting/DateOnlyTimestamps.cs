using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Primitives;

namespace LocalVision.Server.Hosting;

/// <summary>
/// Lets the JSON API take a date where the contract has a <c>google.protobuf.Timestamp</c> (<c>?asOf=2015-09-01</c>,
/// <c>{"asOf": "2015-09-01"}</c>), as the domain speaks in dates and the README writes them; JSON transcoding alone takes
/// only full RFC 3339 timestamps. A bare <c>yyyy-MM-dd</c> in a Timestamp field, in the query or the body, is read as
/// midnight UTC that day. Only Timestamp fields of the call's request message are touched, found through its
/// descriptor, so a date in a string field or a node's properties stays as it was sent.
/// </summary>
public static partial class DateOnlyTimestamps
{
    /// <summary>Bodies past this size are left alone: the calls that carry dates send small bodies.</summary>
    private const int MaxRewrittenBody = 1 << 20;

    private static readonly ConcurrentDictionary<MessageDescriptor, bool> HasTimestamps = new();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex Date();

    public static WebApplication UseDateOnlyTimestamps(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoded
                && Reaches(transcoded.MethodDescriptor.InputType))
            {
                RewriteQuery(context.Request, transcoded.MethodDescriptor.InputType);
                await RewriteBodyAsync(context.Request, transcoded.MethodDescriptor.InputType, context.RequestAborted);
            }
            await next(context);
        });
        return app;
    }

    private static void RewriteQuery(HttpRequest request, MessageDescriptor input)
    {
        if (request.Query.Count == 0)
        {
            return;
        }
        var changed = false;
        var query = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            var rewritten = values;
            if (IsTimestamp(input, name.Split('.')))
            {
                rewritten = new StringValues(values.Select(v => v is not null && Date().IsMatch(v) ? Midnight(v) : v).ToArray());
                changed |= !rewritten.Equals(values);
            }
            query[name] = rewritten;
        }
        if (changed)
        {
            request.QueryString = QueryString.Create(query);
        }
    }

    private static async Task RewriteBodyAsync(HttpRequest request, MessageDescriptor input, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType() || request.ContentLength is 0 or > MaxRewrittenBody)
        {
            return;
        }
        // A chunked body has no length to check first: read at most one byte past the limit, then put it back.
        request.EnableBuffering();
        var buffer = new byte[MaxRewrittenBody + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        request.Body.Position = 0;
        if (length > MaxRewrittenBody)
        {
            return;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return; // Transcoding answers malformed JSON itself, in its words.
        }
        if (body is JsonObject root && Rewrite(root, input, depth: 0))
        {
            var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
        }
    }

    /// <summary>Rewrites the dates of one message's Timestamp fields in place; whether anything changed.</summary>
    private static bool Rewrite(JsonObject json, MessageDescriptor message, int depth)
    {
        var changed = false;
        foreach (var (name, value) in json.ToList())
        {
            if (Field(message, name) is not { FieldType: FieldType.Message } field)
            {
                continue;
            }
            if (field.MessageType == Timestamp.Descriptor)
            {
                if (value is JsonValue date && date.TryGetValue<string>(out var text) && Date().IsMatch(text))
                {
                    json[name] = Midnight(text);
                    changed = true;
                }
            }
            else if (depth < 8 && Reaches(field.MessageType))
            {
                foreach (var item in value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject one ? [one] : [])
                {
                    changed |= Rewrite(item, field.MessageType, depth + 1);
                }
            }
        }
        return changed;
    }

    private static bool IsTimestamp(MessageDescriptor message, string[] path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            if (Field(message, path[i]) is not { FieldType: FieldType.Message } field)
            {
                return false;
            }
            if (i == path.Length - 1)
            {
                return field.MessageType == Timestamp.Descriptor;
            }
            message = field.MessageType;
        }
        return false;
    }

    private static FieldDescriptor? Field(MessageDescriptor message, string name) =>
        message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name);

    /// <summary>Whether a Timestamp field can be reached from the message through its own message fields (not Struct or Value).</summary>
    private static bool Reaches(MessageDescriptor message) => HasTimestamps.GetOrAdd(message, m => Reaches(m, []));

    private static bool Reaches(MessageDescriptor message, HashSet<MessageDescriptor> seen)
    {
        if (!seen.Add(message) || message == Struct.Descriptor || message == Value.Descriptor)
        {
            return false;
        }
        return message.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.Message)
            .Any(f => f.MessageType == Timestamp.Descriptor || Reaches(f.MessageType, seen));
    }

    private static string Midnight(string date) => date + "T00:00:00Z";
}
