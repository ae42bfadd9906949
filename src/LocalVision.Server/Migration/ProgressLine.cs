using LocalVision.Graph.Migration;

namespace LocalVision.Server.Migration;

/// <summary>
/// A migration's progress on the error stream: on a terminal one line rewritten in place, a few times a second;
/// redirected to a file or a log, where carriage returns would pile up, a line every few seconds. The first and
/// the last report are always written.
/// </summary>
internal sealed class ProgressLine(TextWriter error, bool terminal, TimeProvider clock)
{
    private readonly TimeSpan _interval = terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
    private readonly long _started = clock.GetTimestamp();
    private long? _lastWritten;
    private int _width;

    public void Report(MigrationProgress progress)
    {
        var finished = progress.NodesCopied == progress.NodesTotal && progress.RelationshipsCopied == progress.RelationshipsTotal;
        if (_lastWritten is { } last && !finished && clock.GetElapsedTime(last) < _interval)
        {
            return;
        }
        _lastWritten = clock.GetTimestamp();
        var seconds = clock.GetElapsedTime(_started).TotalSeconds;
        var rate = seconds > 0 ? (progress.NodesCopied + progress.RelationshipsCopied) / seconds : 0;
        var left = progress.NodesTotal + progress.RelationshipsTotal - progress.NodesCopied - progress.RelationshipsCopied;
        var text = $"migrate: {progress.NodesCopied:N0} of {progress.NodesTotal:N0} nodes, "
            + $"{progress.RelationshipsCopied:N0} of {progress.RelationshipsTotal:N0} relationships copied ({rate:N0} a second"
            + (rate > 0 && left > 0 ? $", about {TimeLeft(left / rate)} left)" : ")");
        if (terminal)
        {
            // Padded so a shorter line wipes out the end of a longer one.
            error.Write("\r" + text.PadRight(_width));
            _width = text.Length;
        }
        else
        {
            error.WriteLine(text);
        }
        error.Flush();
    }

    private static string TimeLeft(double seconds) =>
        seconds < 90 ? $"{Math.Ceiling(seconds):N0} s" : seconds < 5400 ? $"{Math.Ceiling(seconds / 60):N0} min" : $"{seconds / 3600:N1} h";

    /// <summary>Ends the line being rewritten, so that what is written next starts on a line of its own.</summary>
    public void End()
    {
        if (_width > 0)
        {
            error.WriteLine();
            _width = 0;
        }
    }
}
