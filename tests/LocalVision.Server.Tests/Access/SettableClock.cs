namespace LocalVision.Server.Tests.Access;

/// <summary>A clock the test moves, for what happens when a cache window or a session's lifetime ends.</summary>
internal sealed class SettableClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
