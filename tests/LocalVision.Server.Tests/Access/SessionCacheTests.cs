using LocalVision.Server.Access;
using LocalVision.Testing.Neo4j;

namespace LocalVision.Server.Tests.Access;

/// <summary>
/// Dashboard sessions on two replicas of one (scripted) Neo4j, on a clock the test moves: a session opened through one
/// replica opens the other at once; a sign-out or a key revoked through one reaches the other when its window ends,
/// never later, and the replica it went through at once.
/// </summary>
public sealed class SessionCacheTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindSession_OpenedThroughAnotherReplica_IsLiveThereAtOnce()
    {
        using var neo4j = new ScriptedNeo4j().WithAccessScripts();
        var clock = new SettableClock();
        await using var a = await ReplicaAsync(neo4j, clock);
        await using var b = await ReplicaAsync(neo4j, clock);
        var (key, _) = await a.CreateKeyAsync("steering group", Roles.Reader, "test", Ct);

        var (_, secret) = await a.CreateSessionAsync(key.Id, TimeSpan.FromHours(8), Ct);

        Assert.Equal("steering group", (await b.FindSessionAsync(secret, Ct))?.Key.DisplayName);
    }

    [Fact]
    public async Task FindSession_SignedOutThroughAnotherReplica_LivesThereUntilTheWindowEnds()
    {
        using var neo4j = new ScriptedNeo4j().WithAccessScripts();
        var clock = new SettableClock();
        await using var a = await ReplicaAsync(neo4j, clock);
        await using var b = await ReplicaAsync(neo4j, clock);
        var (key, _) = await a.CreateKeyAsync("steering group", Roles.Reader, "test", Ct);
        var (_, secret) = await a.CreateSessionAsync(key.Id, TimeSpan.FromHours(8), Ct);
        Assert.NotNull(await b.FindSessionAsync(secret, Ct));

        await a.EndSessionAsync(secret, Ct);
        clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        var withinWindow = await b.FindSessionAsync(secret, Ct);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var atItsEnd = await b.FindSessionAsync(secret, Ct);

        Assert.Null(await a.FindSessionAsync(secret, Ct));
        Assert.NotNull(withinWindow);
        Assert.Null(atItsEnd);
    }

    [Fact]
    public async Task FindSession_KeyRevokedThroughAnotherReplica_EndsThereWhenTheWindowEnds()
    {
        using var neo4j = new ScriptedNeo4j().WithAccessScripts();
        var clock = new SettableClock();
        await using var a = await ReplicaAsync(neo4j, clock);
        await using var b = await ReplicaAsync(neo4j, clock);
        var (key, _) = await a.CreateKeyAsync("leaver", Roles.Evaluator, "test", Ct);
        var (_, secret) = await a.CreateSessionAsync(key.Id, TimeSpan.FromHours(8), Ct);
        Assert.NotNull(await b.FindSessionAsync(secret, Ct));

        await a.RevokeKeyAsync(key.Id, Ct);
        var throughA = await a.FindSessionAsync(secret, Ct);
        var withinWindow = await b.FindSessionAsync(secret, Ct);
        clock.Advance(Window);
        var atItsEnd = await b.FindSessionAsync(secret, Ct);

        Assert.Null(throughA);
        Assert.NotNull(withinWindow);
        Assert.Null(atItsEnd);
    }

    [Fact]
    public async Task FindSession_PastItsExpiry_EndsEvenWhileCached()
    {
        using var neo4j = new ScriptedNeo4j().WithAccessScripts();
        var clock = new SettableClock();
        await using var a = await ReplicaAsync(neo4j, clock);
        var (key, _) = await a.CreateKeyAsync("ops", Roles.Admin, "test", Ct);
        var (_, secret) = await a.CreateSessionAsync(key.Id, TimeSpan.FromSeconds(2), Ct);
        Assert.NotNull(await a.FindSessionAsync(secret, Ct));

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await a.FindSessionAsync(secret, Ct));
    }

    private static Task<Neo4jAccessStore> ReplicaAsync(ScriptedNeo4j neo4j, TimeProvider clock) =>
        Neo4jAccessStore.OpenAsync(ScriptedNeo4jAccessStoreContractTests.Options(clock), Window, neo4j, Ct);
}
