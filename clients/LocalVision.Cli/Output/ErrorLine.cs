using Google.Rpc;
using Grpc.Core;

namespace LocalVision.Cli.Output;

/// <summary>One readable line for a failed call: the status, the message, and each field violation.</summary>
public static class ErrorLine
{
    public static string Describe(RpcException error)
    {
        // An HTTP/2 call to a port that speaks only HTTP/1.1 is refused by the transport with this HTTP/2 error code.
        if (error.Status.Detail.Contains("HTTP_1_1_REQUIRED", StringComparison.Ordinal)
            || error.Status.DebugException?.ToString().Contains("HTTP_1_1_REQUIRED", StringComparison.Ordinal) == true)
        {
            return "error: that address is the server's web port (the dashboard and the JSON API, HTTP/1.1), not its gRPC port; "
                + "pass --server (or LV_SERVER) the gRPC address, by default port 50051";
        }
        var status = error.GetRpcStatus();
        var badRequest = status?.GetDetail<BadRequest>();
        // With field violations the message only repeats them, so the violations speak for themselves.
        var parts = new List<string> { badRequest is { FieldViolations.Count: > 0 } ? error.StatusCode.ToString() : $"{error.StatusCode}: {error.Status.Detail}" };
        if (badRequest is not null)
        {
            parts.AddRange(badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"));
        }
        if (status?.GetDetail<PreconditionFailure>() is { } precondition)
        {
            // A violation that only restates the message adds nothing to the line.
            parts.AddRange(precondition.Violations.Where(v => v.Description != error.Status.Detail).Select(v => $"{v.Subject}: {v.Description}"));
        }
        if (error.StatusCode == StatusCode.Unavailable)
        {
            parts.Add("is the server running? start it with `dotnet run --project src/LocalVision.Server`, or pass --server");
        }
        return "error: " + string.Join(" | ", parts);
    }
}
