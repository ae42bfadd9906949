using LocalVision.Graph.Network;

namespace LocalVision.Graph.Tests.Network;

/// <summary>
/// A token that an algorithm's loops look at (through <see cref="CancellationCheck"/>), counting the looks and
/// cancelling itself at the chosen one: where a loop stops is then a matter of counting, not of racing a clock. Looks
/// at other tests' tokens are ignored.
/// </summary>
internal sealed class CancelAtLook : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _token;
    private readonly int _at;
    private int _looks;

    /// <param name="at">The look that cancels the token (1 = the first); <see cref="int.MaxValue"/> to count only.</param>
    public CancelAtLook(int at)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _token = _source.Token;
        _at = at;
        CancellationCheck.Observed += OnObserved;
    }

    public CancellationToken Token => _token;

    /// <summary>How many times the token has been looked at so far.</summary>
    public int Looks => Volatile.Read(ref _looks);

    public void Dispose()
    {
        CancellationCheck.Observed -= OnObserved;
        _source.Dispose();
    }

    private void OnObserved(CancellationToken token)
    {
        if (token == _token && Interlocked.Increment(ref _looks) == _at)
        {
            _source.Cancel();
        }
    }
}
