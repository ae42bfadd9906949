using Google.Rpc;
using Grpc.Core;

namespace LocalVision.Cli.Output;

/// <summary>One readable line for a failed call: the status, the message, and each field violation.</summary>
public static class ErrorLine
{
    /// <summary>The line for a call to <paramref name="address"/> that failed.</summary>
    public static async Task<string> DescribeAsync(RpcException error, Uri address) =>
        await WebPortProbe.IsWebPortAsync(error, address)
            ? "error: that address is the server's web port (the dashboard and the JSON API, HTTP/1.1), not its gRPC port; "
                + "pass --server (or LV_SERVER) the gRPC address, by default port 50051"
            : Describe(error);

    public static string Describe(RpcException error)
    {
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
