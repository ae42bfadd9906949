using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;

namespace LocalVision.Testing.Stores;

/// <summary>The programme theory's history: what every store keeps of it, the same way.</summary>
public abstract partial class GraphStoreContract
{
    private async Task<(IGraphStore Store, ITheoryHistory History)> TheoryStoreAsync()
    {
        var store = await CreateEmptyStoreAsync();
        return (store, Assert.IsAssignableFrom<ITheoryHistory>(store));
    }

    [Fact]
    public async Task Theory_EmptyStore_HasNoVersions()
    {
        var (_, history) = await TheoryStoreAsync();

        Assert.Empty(await history.ListTheoryVersionsAsync(Ct));
        Assert.Null(await history.GetCurrentTheoryAsync(Ct));
        Assert.Null(await history.GetTheoryVersionAsync("1", Ct));
    }

    [Fact]
    public async Task Theory_Appended_IsNumberedFromOneAndReadBackAsWritten()
    {
        var (_, history) = await TheoryStoreAsync();

        var first = await history.AppendTheoryVersionAsync(null, "rules: []\n", "as shipped", "localvision", Ct);
        var second = await history.AppendTheoryVersionAsync("1", "rules:\n- id: A\n", "refined after the West Cheshire deviant case", "evaluator-key", Ct);

        Assert.Equal(("1", "2"), (first.Version, second.Version));
        Assert.Equal([first, second], await history.ListTheoryVersionsAsync(Ct));
        Assert.Equal(second, await history.GetCurrentTheoryAsync(Ct));
        Assert.Equal(first, await history.GetTheoryVersionAsync("1", Ct));
        Assert.Equal("refined after the West Cheshire deviant case", second.Note);
        Assert.Equal("evaluator-key", second.Author);
        Assert.Null(await history.GetTheoryVersionAsync("3", Ct));
        Assert.Null(await history.GetTheoryVersionAsync("two", Ct));
    }

    [Fact]
    public async Task Theory_AppendAgainstAnOldVersion_IsRefusedAndStoresNothing()
    {
        var (_, history) = await TheoryStoreAsync();
        await history.AppendTheoryVersionAsync(null, "rules: []\n", "as shipped", "a", Ct);
        await history.AppendTheoryVersionAsync("1", "rules: []\n", "second", "a", Ct);

        var conflict = await Assert.ThrowsAsync<TheoryConflictException>(() => history.AppendTheoryVersionAsync("1", "rules: []\n", "late", "b", Ct));

        Assert.Equal("2", conflict.Current);
        Assert.Equal(2, (await history.ListTheoryVersionsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Theory_Appended_MovesTheStoreVersionAndIsNoPartOfTheGraph()
    {
        var (store, history) = await TheoryStoreAsync();
        var before = await store.GetVersionAsync(Ct);

        await history.AppendTheoryVersionAsync(null, "rules: []\n", "as shipped", "a", Ct);

        Assert.True(await store.GetVersionAsync(Ct) > before);
        Assert.Equal(0, (await store.CountAsync(Ct)).Nodes);
        Assert.Empty((await store.ListNodesAsync(new NodeQuery(null, NodeFilter.None, 10, null), Ct)).Items);
    }

    [Fact]
    public async Task Theory_Copied_KeepsItsNumberAuthorNoteAndTimeAndMustFollowTheCurrent()
    {
        var (store, history) = await TheoryStoreAsync();
        var first = new TheoryVersionRecord("1", "rules: []\n", "as shipped", "LocalVision", DateTimeOffset.FromUnixTimeMilliseconds(1_577_836_800_123));
        var second = new TheoryVersionRecord("2", "rules:\n- id: A\n", "refined after the West Cheshire deviant case", "evaluator-key",
            DateTimeOffset.FromUnixTimeMilliseconds(1_580_515_200_456));
        var before = await store.GetVersionAsync(Ct);

        await Assert.ThrowsAsync<TheoryConflictException>(() => history.CopyTheoryVersionAsync(second, Ct));
        await history.CopyTheoryVersionAsync(first, Ct);
        await Assert.ThrowsAsync<TheoryConflictException>(() => history.CopyTheoryVersionAsync(first, Ct));
        await Assert.ThrowsAsync<TheoryConflictException>(() => history.CopyTheoryVersionAsync(second with { Version = "two" }, Ct));
        await history.CopyTheoryVersionAsync(second, Ct);

        Assert.Equal([first, second], await history.ListTheoryVersionsAsync(Ct));
        Assert.True(await store.GetVersionAsync(Ct) > before);
        var third = await history.AppendTheoryVersionAsync("2", "rules: []\n", "after the copy", "evaluator-key", Ct);
        Assert.Equal("3", third.Version);
    }
}
