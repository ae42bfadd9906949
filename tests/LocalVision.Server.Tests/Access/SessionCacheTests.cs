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
        await using var replicas = await Replicas.StartAsync();
        var (key, _) = await replicas.A.CreateKeyAsync("steering group", Roles.Reader, "test", Ct);

        var (_, secret) = await replicas.A.CreateSessionAsync(key.Id, TimeSpan.FromHours(8), Ct);

        Assert.Equal("steering group", (await replicas.B.FindSessionAsync(secret, Ct))?.Key.DisplayName);
    }

    [Fact]
    public async Task FindSession_SignedOutThroughAnotherReplica_LivesThereUntilTheWindowEnds()
    {
        await using var replicas = await Replicas.StartAsync();
        var (_, secret) = await replicas.SignedInThroughAAsync(Roles.Reader);

        await replicas.A.EndSessionAsync(secret, Ct);
        replicas.Clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        var withinWindow = await replicas.B.FindSessionAsync(secret, Ct);
        replicas.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var atItsEnd = await replicas.B.FindSessionAsync(secret, Ct);

        Assert.Null(await replicas.A.FindSessionAsync(secret, Ct));
        Assert.NotNull(withinWindow);
        Assert.Null(atItsEnd);
    }

    [Fact]
    public async Task FindSession_KeyRevokedThroughAnotherReplica_EndsThereWhenTheWindowEnds()
    {
        await using var replicas = await Replicas.StartAsync();
        var (key, secret) = await replicas.SignedInThroughAAsync(Roles.Evaluator);

        await replicas.A.RevokeKeyAsync(key.Id, Ct);
        var throughA = await replicas.A.FindSessionAsync(secret, Ct);
        var withinWindow = await replicas.B.FindSessionAsync(secret, Ct);
        replicas.Clock.Advance(Window);
        var atItsEnd = await replicas.B.FindSessionAsync(secret, Ct);

        Assert.Null(throughA);
        Assert.NotNull(withinWindow);
        Assert.Null(atItsEnd);
    }

    [Fact]
    public async Task FindSession_PastItsExpiry_EndsEvenWhileCached()
    {
        await using var replicas = await Replicas.StartAsync();
        var (key, _) = await replicas.A.CreateKeyAsync("ops", Roles.Admin, "test", Ct);
        var (_, secret) = await replicas.A.CreateSessionAsync(key.Id, TimeSpan.FromSeconds(2), Ct);
        Assert.NotNull(await replicas.A.FindSessionAsync(secret, Ct));

        replicas.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await replicas.A.FindSessionAsync(secret, Ct));
    }

    /// <summary>Two replicas, A and B, on one scripted Neo4j and one clock.</summary>
    private sealed class Replicas(ScriptedNeo4j neo4j, SettableClock clock, Neo4jAccessStore a, Neo4jAccessStore b) : IAsyncDisposable
    {
        public SettableClock Clock => clock;

        public Neo4jAccessStore A => a;

        public Neo4jAccessStore B => b;

        public static async Task<Replicas> StartAsync()
        {
            var neo4j = new ScriptedNeo4j().WithAccessScripts();
            var clock = new SettableClock();
            return new Replicas(neo4j, clock, await OpenAsync(neo4j, clock), await OpenAsync(neo4j, clock));
        }

        /// <summary>A key with a session opened through A, which B already sees.</summary>
        public async Task<(ApiKeyRecord Key, string Secret)> SignedInThroughAAsync(Roles roles)
        {
            var (key, _) = await a.CreateKeyAsync("user", roles, "test", Ct);
            var (_, secret) = await a.CreateSessionAsync(key.Id, TimeSpan.FromHours(8), Ct);
            Assert.NotNull(await b.FindSessionAsync(secret, Ct));
            return (key, secret);
        }

        public async ValueTask DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            neo4j.Dispose();
        }

        private static Task<Neo4jAccessStore> OpenAsync(ScriptedNeo4j neo4j, TimeProvider clock) =>
            Neo4jAccessStore.OpenAsync(ScriptedNeo4jAccessStoreContractTests.Options(clock), Window, neo4j, Ct);
    }
}
