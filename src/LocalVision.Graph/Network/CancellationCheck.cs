namespace LocalVision.Graph.Network;

/// <summary>
/// Observes a call's cancellation token once per <see cref="Interval"/> units of work (arcs scanned, nodes visited,
/// names looked up), so that a loop over millions of them stops soon after the call's budget ends while paying only
/// an add and a compare per step. A mutable struct: keep it in a local or a field and never copy it.
/// </summary>
internal struct CancellationCheck(CancellationToken cancellationToken)
{
    /// <summary>
    /// Units between two looks at the token: at national scale (1M nodes, 20M arcs) a single breadth-first search is
    /// over a thousand intervals, and under heavy load one interval still takes well under a millisecond.
    /// </summary>
    public const int Interval = 1 << 14;

    private int _work;

    /// <summary>Counts <paramref name="units"/> of work done, and looks at the token when an interval is full.</summary>
    public void Add(int units)
    {
        _work += units;
        if (_work >= Interval)
        {
            _work = 0;
            Observe(cancellationToken);
        }
    }

    /// <summary>Looks at the token now: throws <see cref="OperationCanceledException"/> when it has fired.</summary>
    public static void Observe(CancellationToken cancellationToken)
    {
        Observed?.Invoke(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Raised at every look at a token, before it is checked: lets a test cancel a token at the N-th look and so
    /// show where a loop stops. Unset outside tests.
    /// </summary>
    internal static event Action<CancellationToken>? Observed;
}
