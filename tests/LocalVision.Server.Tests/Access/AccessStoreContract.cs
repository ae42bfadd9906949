using LocalVision.Graph.Store;
using LocalVision.Server.Access;

namespace LocalVision.Server.Tests.Access;

/// <summary>
/// What every <see cref="IAccessStore"/> must do. A store's test class derives from this and says how to make an
/// empty store; the SQLite store and the Neo4j store on the scripted Neo4j run it always, the Neo4j store on a real
/// server where NEO4J_URI names one.
/// </summary>
public abstract class AccessStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An empty store, cleaned up by the test class.</summary>
    protected abstract Task<IAccessStore> CreateEmptyStoreAsync();

    [Fact]
    public async Task CreateKey_ThenAuthenticate_ReturnsTheKeyWithItsRoles()
    {
        var store = await CreateEmptyStoreAsync();

        var (created, secret) = await store.CreateKeyAsync("ops", Roles.Admin | Roles.Reader, "test", Ct);
        var authenticated = await store.AuthenticateAsync(secret, Ct);
        var found = await store.FindKeyAsync(created.Id, Ct);

        Assert.Equal(created, authenticated);
        Assert.Equal(created, found);
        Assert.Equal(Roles.Admin | Roles.Reader, authenticated!.Roles);
        Assert.True(authenticated.IsActive);
    }

    [Fact]
    public async Task Authenticate_WrongUnknownOrMalformedSecret_ReturnsNull()
    {
        var store = await CreateEmptyStoreAsync();
        var (key, secret) = await store.CreateKeyAsync("ops", Roles.Reader, "test", Ct);
        var wrong = secret[..^4] + (secret.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var unknown = "lvk_" + new string('0', 12) + secret[(4 + 12)..];

        Assert.Null(await store.AuthenticateAsync(wrong, Ct));
        Assert.Null(await store.AuthenticateAsync(unknown, Ct));
        Assert.Null(await store.AuthenticateAsync("not a key", Ct));
        Assert.Null(await store.FindKeyAsync("000000000000", Ct));
        Assert.NotNull(await store.AuthenticateAsync(secret, Ct));
        Assert.Equal(key.Id, secret.Substring(4, 12));
    }

    [Fact]
    public async Task RevokeKey_AKnownKey_StopsItAtOnceAndKeepsTheFirstRevokeTime()
    {
        var store = await CreateEmptyStoreAsync();
        var (key, secret) = await store.CreateKeyAsync("ops", Roles.Reader, "test", Ct);
        Assert.NotNull(await store.AuthenticateAsync(secret, Ct));

        var revoked = await store.RevokeKeyAsync(key.Id, Ct);
        var again = await store.RevokeKeyAsync(key.Id, Ct);

        Assert.NotNull(revoked!.RevokeTime);
        Assert.Equal(revoked.RevokeTime, again!.RevokeTime);
        Assert.Null(await store.AuthenticateAsync(secret, Ct));
        Assert.False((await store.FindKeyAsync(key.Id, Ct))!.IsActive);
    }

    [Fact]
    public async Task RevokeKey_UnknownKey_ReturnsNull()
    {
        var store = await CreateEmptyStoreAsync();

        Assert.Null(await store.RevokeKeyAsync("000000000000", Ct));
    }

    [Fact]
    public async Task HasActiveKeysAndActiveAdmins_FollowCreateAndRevoke()
    {
        var store = await CreateEmptyStoreAsync();
        Assert.False(await store.HasActiveKeysAsync(Ct));

        var (admin, _) = await store.CreateKeyAsync("ops", Roles.Admin, "test", Ct);
        var (reader, _) = await store.CreateKeyAsync("dashboard", Roles.Reader | Roles.EvidenceReader, "test", Ct);
        var (retired, _) = await store.CreateKeyAsync("old ops", Roles.Admin, "test", Ct);
        await store.RevokeKeyAsync(retired.Id, Ct);

        Assert.True(await store.HasActiveKeysAsync(Ct));
        Assert.Equal([admin.Id], await store.ListActiveAdminIdsAsync(Ct));
        await store.RevokeKeyAsync(admin.Id, Ct);
        await store.RevokeKeyAsync(reader.Id, Ct);
        Assert.False(await store.HasActiveKeysAsync(Ct));
        Assert.Empty(await store.ListActiveAdminIdsAsync(Ct));
    }

    [Fact]
    public async Task ListKeys_ThreeKeysInPagesOfTwo_NewestFirst()
    {
        var store = await CreateEmptyStoreAsync();
        var names = new[] { "first", "second", "third" };
        foreach (var name in names)
        {
            await store.CreateKeyAsync(name, Roles.Reader, "test", Ct);
        }

        var first = await store.ListKeysAsync(2, null, Ct);
        var second = await store.ListKeysAsync(2, first.NextPageToken, Ct);

        Assert.Equal(["third", "second"], first.Items.Select(k => k.DisplayName));
        Assert.Equal(["first"], second.Items.Select(k => k.DisplayName));
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task BeginAndFinish_ListShowsTheOutcomeAndWhatItNamed_AnUnfinishedEntryReadsUnfinished()
    {
        var store = await CreateEmptyStoreAsync();

        var finished = await store.BeginAsync("apiKeys/abc", "ops", "/localvision.v1.GraphService/UpsertNodes", AuditSummary.Of(["(new nodes)"]), Ct);
        var unfinished = await store.BeginAsync("apiKeys/abc", "ops", "/localvision.v1.GraphService/DeleteNode", AuditSummary.Of(["partners/x"]), Ct);
        await store.FinishAsync(finished, AuditSummary.Of(["partners/a", "partners/b"]), "OK", Ct);
        var entries = (await store.ListAuditAsync(10, null, Ct)).Items;

        Assert.True(unfinished > finished);
        Assert.Equal([unfinished, finished], entries.Select(e => e.Sequence));
        Assert.Equal(IAccessStore.Unfinished, entries[0].Outcome);
        Assert.Equal(["partners/x"], entries[0].Resources);
        Assert.Equal("OK", entries[1].Outcome);
        Assert.Equal(["partners/a", "partners/b"], entries[1].Resources);
        Assert.Equal(("apiKeys/abc", "ops", "/localvision.v1.GraphService/UpsertNodes"), (entries[1].Principal, entries[1].Caller, entries[1].Method));
    }

    [Fact]
    public async Task Finish_SecondOutcomeForOneEntry_IsRefusedAndTheFirstStays()
    {
        var store = await CreateEmptyStoreAsync();
        var entry = await store.BeginAsync("", "test", "/localvision.v1.GraphService/UpsertNodes", AuditSummary.Of(["partners/x"]), Ct);
        await store.FinishAsync(entry, AuditSummary.Of(["partners/x"]), "OK", Ct);

        await Assert.ThrowsAsync<AccessStoreException>(() => store.FinishAsync(entry, AuditSummary.Of(["partners/x"]), "INTERNAL", Ct));

        Assert.Equal("OK", Assert.Single((await store.ListAuditAsync(10, null, Ct)).Items).Outcome);
    }

    [Fact]
    public async Task Append_FiveEntriesInPagesOfTwo_NewestFirstEachOnce()
    {
        var store = await CreateEmptyStoreAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("apiKeys/abc", "ops", $"/m{i}", AuditSummary.Of([]), "PERMISSION_DENIED", Ct);
        }

        var methods = new List<string>();
        string? token = null;
        do
        {
            var page = await store.ListAuditAsync(2, token, Ct);
            methods.AddRange(page.Items.Select(e => e.Method));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(["/m4", "/m3", "/m2", "/m1", "/m0"], methods);
    }

    [Fact]
    public async Task ListAudit_ATokenOfAnotherList_IsRefusedNamingTheField()
    {
        var store = await CreateEmptyStoreAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.CreateKeyAsync($"key {i}", Roles.Reader, "test", Ct);
        }
        var keysToken = (await store.ListKeysAsync(1, null, Ct)).NextPageToken;

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ListAuditAsync(1, keysToken, Ct));

        Assert.Contains(error.Violations, v => v.Field == "page_token");
    }
}
