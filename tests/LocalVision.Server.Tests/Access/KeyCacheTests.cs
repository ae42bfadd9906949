using LocalVision.Server.Access;
using LocalVision.Testing.Neo4j;

namespace LocalVision.Server.Tests.Access;

/// <summary>
/// The Neo4j access store's key cache, as two replicas on one (scripted) Neo4j see it, on a clock the test moves:
/// a revocation through one replica reaches the other when its window ends, never later, and a new key needs no wait.
/// </summary>
public sealed class KeyCacheTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Authenticate_KeyRevokedThroughAnotherReplica_IsAcceptedWithinTheWindowAndRefusedAtItsEnd()
    {
        using var neo4j = new ScriptedNeo4j().WithAccessScripts();
        var clock = new SettableClock();
        await using var a = await ReplicaAsync(neo4j, clock);
        await using var b = await ReplicaAsync(neo4j, clock);
        var (key, secret) = await a.CreateKeyAsync("dashboard", Roles.Reader, "test", Ct);
        Assert.NotNull(await b.AuthenticateAsync(secret, Ct));

        await a.RevokeKeyAsync(key.Id, Ct);
        clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        var withinWindow = await b.AuthenticateAsync(secret, Ct);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var atItsEnd = await b.AuthenticateAsync(secret, Ct);

        Assert.Null(await a.AuthenticateAsync(secret, Ct));
        Assert.NotNull(withinWindow);
        Assert.Null(atItsEnd);
    }

    [Fact]
    public async Task Authenticate_KeyJustCreatedThroughAnotherReplica_IsAcceptedAtOnceAndOnlyWithItsSecret()
    {
        using var neo4j = new ScriptedNeo4j().WithAccessScripts();
        var clock = new SettableClock();
        await using var a = await ReplicaAsync(neo4j, clock);
        await using var b = await ReplicaAsync(neo4j, clock);
        var (_, secret) = await a.CreateKeyAsync("dashboard", Roles.Reader, "test", Ct);
        Assert.Null(await b.AuthenticateAsync(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'), Ct));

        var authenticated = await b.AuthenticateAsync(secret, Ct);

        Assert.Equal("dashboard", authenticated?.DisplayName);
    }

    private static Task<Neo4jAccessStore> ReplicaAsync(ScriptedNeo4j neo4j, TimeProvider clock) =>
        Neo4jAccessStore.OpenAsync(ScriptedNeo4jAccessStoreContractTests.Options(clock), Window, neo4j, Ct);
}
