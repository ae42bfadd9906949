using System.Globalization;

namespace LocalVision.Server.Grpc.Errors;

/// <summary>A count and its noun in the right number, for messages: "1 node", "2 nodes".</summary>
public static class Counted
{
    public static string Of(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
