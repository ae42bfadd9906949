using System.Globalization;

namespace LocalVision.Server.Hosting;

/// <summary>
/// The requests of the current minute, counted as they finish (safe for concurrent callers), and the one line that
/// sums them up: "in the last minute: 1,204 requests, 1,190 answered, 14 refused or failed; slowest 48 ms".
/// </summary>
public sealed class RequestTally
{
    private readonly Lock _gate = new();
    private long _requests;
    private long _failed;
    private TimeSpan _slowest;

    /// <param name="succeeded">The call was answered without an error (HTTP 2xx/3xx and gRPC OK).</param>
    public void Record(bool succeeded, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _requests++;
            _failed += succeeded ? 0 : 1;
            _slowest = elapsed > _slowest ? elapsed : _slowest;
        }
    }

    /// <summary>The summary of what was recorded since the last one, and a fresh start; null when there was nothing.</summary>
    public string? TakeSummary()
    {
        long requests, failed;
        TimeSpan slowest;
        lock (_gate)
        {
            (requests, failed, slowest) = (_requests, _failed, _slowest);
            (_requests, _failed, _slowest) = (0, 0, TimeSpan.Zero);
        }
        if (requests == 0)
        {
            return null;
        }
        static string N0(double n) => n.ToString("N0", CultureInfo.InvariantCulture);
        return $"in the last minute: {Grpc.Errors.Counted.Of(requests, "request")}, {N0(requests - failed)} answered, {N0(failed)} refused or failed; "
            + $"slowest {N0(slowest.TotalMilliseconds)} ms";
    }
}
