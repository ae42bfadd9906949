using LocalVision.Server.Access;

namespace LocalVision.Server.Tests.Access;

/// <summary>What every store must do with dashboard sessions: they live and die with their key.</summary>
public abstract partial class AccessStoreContract
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task CreateSession_ThenFind_ReturnsTheSessionAndItsKeyStoredUnderTheSecretsHash()
    {
        var store = await CreateEmptyStoreAsync();
        var (key, _) = await store.CreateKeyAsync("steering group", Roles.Reader | Roles.EvidenceReader, "test", Ct);

        var (session, secret) = await store.CreateSessionAsync(key.Id, Hour, Ct);
        var live = await store.FindSessionAsync(secret, Ct);

        Assert.NotNull(live);
        Assert.Equal(key, live.Key);
        Assert.Equal(session, live.Session);
        Assert.Equal(session.CreateTime + Hour, session.ExpireTime);
        Assert.Equal(SessionSecret.IdOf(secret), session.Id);
        Assert.DoesNotContain(secret, session.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindSession_UnknownMalformedOrAnApiKey_ReturnsNull()
    {
        var store = await CreateEmptyStoreAsync();
        var (key, apiKey) = await store.CreateKeyAsync("ops", Roles.Admin, "test", Ct);
        await store.CreateSessionAsync(key.Id, Hour, Ct);

        Assert.Null(await store.FindSessionAsync(SessionSecret.Create(), Ct));
        Assert.Null(await store.FindSessionAsync("lvs_not a session", Ct));
        Assert.Null(await store.FindSessionAsync("", Ct));
        Assert.Null(await store.FindSessionAsync(apiKey, Ct));
    }

    [Fact]
    public async Task FindSession_AfterItsKeyIsRevoked_ReturnsNullWhileOtherKeysSessionsLive()
    {
        var store = await CreateEmptyStoreAsync();
        var (revoked, _) = await store.CreateKeyAsync("leaver", Roles.Evaluator, "test", Ct);
        var (kept, _) = await store.CreateKeyAsync("stayer", Roles.Evaluator, "test", Ct);
        var (_, first) = await store.CreateSessionAsync(revoked.Id, Hour, Ct);
        var (_, second) = await store.CreateSessionAsync(revoked.Id, Hour, Ct);
        var (_, other) = await store.CreateSessionAsync(kept.Id, Hour, Ct);
        Assert.NotNull(await store.FindSessionAsync(first, Ct));

        await store.RevokeKeyAsync(revoked.Id, Ct);

        Assert.Null(await store.FindSessionAsync(first, Ct));
        Assert.Null(await store.FindSessionAsync(second, Ct));
        Assert.Equal("stayer", (await store.FindSessionAsync(other, Ct))?.Key.DisplayName);
    }

    [Fact]
    public async Task EndSession_SignsOutThatSessionOnlyAndTwiceIsHarmless()
    {
        var store = await CreateEmptyStoreAsync();
        var (key, _) = await store.CreateKeyAsync("ops", Roles.Admin, "test", Ct);
        var (_, laptop) = await store.CreateSessionAsync(key.Id, Hour, Ct);
        var (_, phone) = await store.CreateSessionAsync(key.Id, Hour, Ct);

        await store.EndSessionAsync(laptop, Ct);
        await store.EndSessionAsync(laptop, Ct);
        await store.EndSessionAsync(SessionSecret.Create(), Ct);

        Assert.Null(await store.FindSessionAsync(laptop, Ct));
        Assert.NotNull(await store.FindSessionAsync(phone, Ct));
    }

    [Fact]
    public async Task FindSession_PastItsExpiry_ReturnsNull()
    {
        var store = await CreateEmptyStoreAsync();
        var (key, _) = await store.CreateKeyAsync("ops", Roles.Admin, "test", Ct);

        // A lifetime of zero has expired by the time anyone asks, whatever the clock says.
        var (_, expired) = await store.CreateSessionAsync(key.Id, TimeSpan.Zero, Ct);
        var (_, live) = await store.CreateSessionAsync(key.Id, Hour, Ct);

        Assert.Null(await store.FindSessionAsync(expired, Ct));
        Assert.NotNull(await store.FindSessionAsync(live, Ct));
    }
}
