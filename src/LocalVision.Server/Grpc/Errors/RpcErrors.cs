using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Graph.Schema;
using Code = Google.Rpc.Code;
using Status = Google.Rpc.Status;

namespace LocalVision.Server.Grpc.Errors;

/// <summary>How much an error may carry, whatever the request: a few dozen violations and 16 KiB of details.</summary>
/// <param name="MaxViolations">Field or precondition violations listed one by one; the rest are counted per kind.</param>
/// <param name="MaxDetailBytes">The encoded <c>google.rpc.Status</c> (the <c>grpc-status-details-bin</c> trailer) at most.</param>
public sealed record ErrorBounds(int MaxViolations = ErrorBounds.DefaultMaxViolations, int MaxDetailBytes = ErrorBounds.DefaultMaxDetailBytes)
{
    public const int DefaultMaxViolations = 50;

    /// <summary>
    /// HTTP/2 clients refuse a header block over their limit (64 KiB in .NET, and grpc-js waits out its deadline), and
    /// the trailer travels base64-encoded beside the percent-encoded message: 16 KiB of details stays far below it.
    /// </summary>
    public const int DefaultMaxDetailBytes = 16 * 1024;

    public static ErrorBounds Default { get; } = new();
}

/// <summary>One failed precondition: what kind of state is wrong, about what, and why.</summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);

/// <summary>
/// The one place gRPC statuses are made: every error the service sends, with its google.rpc details, in the error
/// domain <see cref="Domain"/>. Each error stays within <see cref="ErrorBounds"/> whatever the request held, so an
/// error can never grow past what a client will read and take the connection down with it.
/// </summary>
public static class RpcErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every error this service sends.</summary>
    public const string Domain = "localvision.v1";

    private const int MaxMessageLength = 1_000;
    private const int MaxFieldLength = 200;
    private const int MaxDescriptionLength = 400;
    private const int MaxKindsCounted = 10;

    public static RpcException InvalidArgument(string message, IReadOnlyList<FieldViolation> violations, ErrorBounds? bounds = null, ErrorInfo? info = null)
    {
        bounds ??= ErrorBounds.Default;
        var fixedDetails = info is null ? [] : new IMessage[] { info };
        var listed = Listed(violations, bounds, Bytes(message, fixedDetails, bounds), v => v.Field,
            v => new BadRequest.Types.FieldViolation { Field = Clip(v.Field, MaxFieldLength), Description = Clip(v.Description, MaxDescriptionLength) },
            (kind, description) => new BadRequest.Types.FieldViolation { Field = kind, Description = description });
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(listed.Items);
        return Build(Code.InvalidArgument, message + listed.Note, [badRequest, .. fixedDetails]);
    }

    /// <summary>One thing wrong with the request.</summary>
    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument($"The request is invalid: {field} {description}", [new FieldViolation(field, description)]);

    public static RpcException FailedPrecondition(string message, IReadOnlyList<PreconditionViolation> violations, ErrorBounds? bounds = null, ErrorInfo? info = null)
    {
        bounds ??= ErrorBounds.Default;
        var fixedDetails = info is null ? [] : new IMessage[] { info };
        var listed = Listed(violations, bounds, Bytes(message, fixedDetails, bounds), v => v.Subject,
            v => new PreconditionFailure.Types.Violation { Type = v.Type, Subject = Clip(v.Subject, MaxFieldLength), Description = Clip(v.Description, MaxDescriptionLength) },
            (kind, description) => new PreconditionFailure.Types.Violation { Type = violations[0].Type, Subject = kind, Description = description });
        var failure = new PreconditionFailure();
        failure.Violations.AddRange(listed.Items);
        return Build(Code.FailedPrecondition, message + listed.Note, [failure, .. fixedDetails]);
    }

    public static RpcException NotFound(string message, string resourceName, string description = "", string resourceType = "") =>
        Build(Code.NotFound, message, [new ResourceInfo { ResourceType = resourceType, ResourceName = Clip(resourceName, MaxFieldLength), Description = description }]);

    public static RpcException AlreadyExists(string message, string resourceName, string resourceType = "") =>
        Build(Code.AlreadyExists, message, [new ResourceInfo { ResourceType = resourceType, ResourceName = Clip(resourceName, MaxFieldLength) }]);

    /// <summary>An error a caller tells apart by its reason (<c>ErrorInfo</c>), with what it needs to act on it as metadata.</summary>
    public static RpcException WithReason(StatusCode code, string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        Build((Code)(int)code, message, [Info(reason, metadata)]);

    /// <summary>The <c>ErrorInfo</c> of a reason, in this service's domain, to send beside other details.</summary>
    public static ErrorInfo Info(string reason, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = Clip(value, MaxDescriptionLength);
        }
        return info;
    }

    /// <summary>A status with no details: cancellations and deadlines, where there is nothing more to say.</summary>
    public static RpcException Plain(StatusCode code, string message) => new(new global::Grpc.Core.Status(code, Clip(message, MaxMessageLength)));

    private static RpcException Build(Code code, string message, IEnumerable<IMessage> details)
    {
        var status = new Status { Code = (int)code, Message = Clip(message, MaxMessageLength) };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }

    /// <summary>What the message and the details that are always sent take of the byte bound.</summary>
    private static int Bytes(string message, IEnumerable<IMessage> details, ErrorBounds bounds)
    {
        var status = new Status { Code = 1, Message = Clip(message, MaxMessageLength) + ListedNoteReserve };
        status.Details.AddRange(details.Select(Any.Pack));
        // The detail list itself, its type URL and the summaries per kind come on top.
        return status.CalculateSize() + 128 + (MaxKindsCounted + 1) * (MaxFieldLength + 80);
    }

    private const string ListedNoteReserve = " (999,999,999 problems; the first 9,999 are listed, the rest counted by kind)";

    private sealed record Listing<T>(List<T> Items, string Note);

    /// <summary>
    /// The violations to list: all of them when they fit; otherwise the first of each kind (the field path without
    /// its indices, <c>nodes[*].label</c>), then the earliest others, in request order, up to the bounds, followed by
    /// one entry per kind left out saying how many and where the first of them is.
    /// </summary>
    private static Listing<TDetail> Listed<TViolation, TDetail>(
        IReadOnlyList<TViolation> violations, ErrorBounds bounds, int reserved, Func<TViolation, string> field,
        Func<TViolation, TDetail> detail, Func<string, string, TDetail> summary)
        where TDetail : IMessage
    {
        var budget = bounds.MaxDetailBytes - reserved;
        var max = Math.Max(1, bounds.MaxViolations);
        var chosen = new SortedSet<int>();
        var used = 0;
        bool TryTake(int index)
        {
            if (chosen.Count >= max || chosen.Contains(index))
            {
                return false;
            }
            var size = detail(violations[index]).CalculateSize() + 4;
            if (used + size > budget)
            {
                return false;
            }
            used += size;
            chosen.Add(index);
            return true;
        }
        var firstOfKind = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < violations.Count; i++)
        {
            firstOfKind.TryAdd(Kind(field(violations[i])), i);
        }
        foreach (var index in firstOfKind.Values)
        {
            TryTake(index);
        }
        for (var i = 0; i < violations.Count && chosen.Count < max && used < budget; i++)
        {
            TryTake(i);
        }
        var items = chosen.Select(i => detail(violations[i])).ToList();
        if (chosen.Count == violations.Count)
        {
            return new Listing<TDetail>(items, "");
        }
        var omitted = Enumerable.Range(0, violations.Count).Where(i => !chosen.Contains(i))
            .GroupBy(i => Kind(field(violations[i])), StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, Count: g.Count(), First: field(violations[g.First()])))
            .ToList();
        foreach (var (kind, count, first) in omitted.Take(MaxKindsCounted))
        {
            items.Add(summary(Clip(kind, MaxFieldLength), $"{count:N0} more like this, not listed; the first of them is {Clip(first, MaxFieldLength)}"));
        }
        if (omitted.Count > MaxKindsCounted)
        {
            var rest = omitted.Skip(MaxKindsCounted).ToList();
            items.Add(summary("*", $"{rest.Sum(r => r.Count):N0} more of {rest.Count:N0} other kinds, not listed; the first of them is {Clip(rest[0].First, MaxFieldLength)}"));
        }
        return new Listing<TDetail>(items, $" ({violations.Count:N0} problems; the first {chosen.Count:N0} are listed, the rest counted by kind)");
    }

    /// <summary>A field path with its indices and keys left out: <c>nodes[17].properties.kind</c> is <c>nodes[*].properties.kind</c>.</summary>
    internal static string Kind(string field)
    {
        var kind = new System.Text.StringBuilder(Math.Min(field.Length, MaxFieldLength));
        var depth = 0;
        foreach (var c in field)
        {
            if (c == '[')
            {
                if (depth++ == 0)
                {
                    kind.Append("[*]");
                }
            }
            else if (c == ']' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                kind.Append(c);
            }
            if (kind.Length >= MaxFieldLength)
            {
                break;
            }
        }
        return kind.ToString();
    }

    private static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        // Never half a surrogate pair: it would not encode as UTF-8.
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end] + "…";
    }
}
