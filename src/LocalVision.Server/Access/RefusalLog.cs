using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Access;

/// <summary>
/// Refused calls in the audit log, at most one entry per caller per window: the first refusal of a window is
/// written as it happens, and the rest are counted and written as one entry (outcome PERMISSION_DENIED, count
/// <c>refused</c>, the methods they asked for) when the window is over. A caller refused a million times adds a
/// handful of entries, not a million; every refusal is still counted.
/// </summary>
public sealed class RefusalLog(IAccessStore audit, IOptions<AccessOptions> options, TimeProvider clock, ILogger<RefusalLog> logger)
{
    public const string SummaryMethod = "(refused calls)";

    private const int MaxMethodsNamed = AuditSummary.MaxResources;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private TimeSpan Length => TimeSpan.FromSeconds(Math.Max(0, options.Value.RefusalWindowSeconds));

    /// <summary>Records one refusal: written now when it opens the caller's window, else counted for the window's entry.</summary>
    public async Task RecordAsync(Caller caller, string method, AuditSummary summary, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Window? closed = null;
        bool opens;
        var window = _windows.GetOrAdd(caller.Principal, _ => new Window(caller));
        lock (window)
        {
            opens = window.Start is not { } start || now - start >= Length;
            if (opens)
            {
                closed = window.TakeCounted();
                window.Start = now;
            }
            else
            {
                window.Count(method);
            }
        }
        if (closed is not null)
        {
            await WriteAsync(closed, cancellationToken);
        }
        if (opens)
        {
            await AppendAsync(caller, method, summary, cancellationToken);
        }
    }

    /// <summary>Writes the entries of windows that are over (every window, when <paramref name="all"/>: the server is stopping).</summary>
    public async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var window in _windows.Values)
        {
            Window? counted;
            lock (window)
            {
                counted = all || window.Start is not { } start || now - start >= Length ? window.TakeCounted() : null;
            }
            if (counted is not null)
            {
                await WriteAsync(counted, cancellationToken);
            }
        }
    }

    private Task WriteAsync(Window counted, CancellationToken cancellationToken) =>
        AppendAsync(counted.Caller, counted.Methods.Count == 1 ? counted.Methods.First() : SummaryMethod,
            AuditSummary.Of(counted.Methods, new Dictionary<string, long> { ["refused"] = counted.Refused }), cancellationToken);

    /// <summary>A failing store only loses the record of a refusal: nothing was done.</summary>
    private async Task AppendAsync(Caller caller, string method, AuditSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(caller.Principal, caller.Name, method, summary, "PERMISSION_DENIED", cancellationToken);
        }
        catch (AccessStoreException e)
        {
            logger.LogError(e, "Could not record refused calls to {Method} by {Caller} in the audit log", method, caller.Name);
        }
    }

    /// <summary>One caller's current window, and the refusals counted in it after the first.</summary>
    private sealed class Window(Caller caller)
    {
        public Caller Caller { get; } = caller;

        public DateTimeOffset? Start { get; set; }

        public long Refused { get; private set; }

        public SortedSet<string> Methods { get; private set; } = new(StringComparer.Ordinal);

        public void Count(string method)
        {
            Refused++;
            if (Methods.Count < MaxMethodsNamed)
            {
                Methods.Add(method);
            }
        }

        /// <summary>The refusals counted so far, as a window of their own to write, or null when there were none; counting starts again.</summary>
        public Window? TakeCounted()
        {
            if (Refused == 0)
            {
                return null;
            }
            var counted = new Window(Caller) { Start = Start, Refused = Refused, Methods = Methods };
            Refused = 0;
            Methods = new SortedSet<string>(StringComparer.Ordinal);
            return counted;
        }
    }
}

/// <summary>Writes the refusal windows that are over, and all of them when the server stops.</summary>
public sealed class RefusalLogFlusher(RefusalLog log, IOptions<AccessOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.RefusalWindowSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await log.FlushAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await log.FlushAsync(all: true, cancellationToken);
    }
}
