using LocalVision.Graph.Migration;
using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;
using LocalVision.Graph.Tests.Neo4j;
using LocalVision.Testing.Dataset;
using LocalVision.Testing.Neo4j;
using LocalVision.Testing.Stores;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Migration;

/// <summary>Copying whole graphs between the embedded store and Neo4j (the scripted FAKE Neo4j here).</summary>
public sealed class GraphMigrationTests : IDisposable
{
    private readonly ScriptedNeo4j _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Neo4jGraphStore> OpenNeo4jAsync() => Neo4jGraphStore.OpenAsync(ScriptedNeo4jContractTests.Options(), _server, Ct);

    [Fact]
    public async Task RunAsync_SampleDatasetFromSqliteToNeo4jAndBack_ArrivesWholeWithProgress()
    {
        await using var sqlite = TempStore.Create();
        await SampleDataset.LoadAsync(sqlite.Store, Ct);
        await using var neo4j = await OpenNeo4jAsync();
        await using var back = TempStore.Create();
        var reports = new List<MigrationProgress>();

        var there = await new GraphMigration(sqlite.Store, neo4j, batchSize: 200).RunAsync(reports.Add, Ct);
        var again = await new GraphMigration(neo4j, back.Store, batchSize: 300).RunAsync(null, Ct);

        Assert.Equal(there.Source.Nodes, there.Target.Nodes);
        Assert.Equal(there.Source.Relationships, again.Target.Relationships);
        Assert.Equal(new MigrationProgress(0, there.Source.Nodes, 0, there.Source.Relationships), reports[0]);
        Assert.Equal(new MigrationProgress(there.Source.Nodes, there.Source.Nodes, there.Source.Relationships, there.Source.Relationships), reports[^1]);
        Assert.True(reports.Count > 2, "progress after every batch");
        var (original, roundTripped) = (await StoreContents.ReadAsync(sqlite.Store, Ct), await StoreContents.ReadAsync(back.Store, Ct));
        Assert.Equal(original.Nodes, roundTripped.Nodes);
        Assert.Equal(original.Relationships, roundTripped.Relationships);
    }

    [Fact]
    public async Task RunAsync_TargetNotEmpty_IsRefusedBeforeCopyingAnything()
    {
        await using var sqlite = TempStore.Create();
        await sqlite.Store.WriteAsync(new GraphBatch([Partner("a")], []), WriteOptions.None, Ct);
        await using var neo4j = await OpenNeo4jAsync();
        await neo4j.WriteAsync(new GraphBatch([Partner("already-there")], []), WriteOptions.None, Ct);

        var error = await Assert.ThrowsAsync<GraphMigrationException>(() => new GraphMigration(sqlite.Store, neo4j).RunAsync(null, Ct));

        Assert.Equal(MigrationFailure.TargetNotEmpty, error.Failure);
        Assert.Contains("already holds 1 nodes", error.Message);
        Assert.Null(await neo4j.GetNodeAsync("partners/a", Ct));
    }

    [Fact]
    public async Task RunAsync_MergeIntoNonEmptyTarget_KeepsBothGraphsAndReportsWhatWasThere()
    {
        await using var sqlite = TempStore.Create();
        var (shared, project) = (Partner("shared", "CCG"), Initiative("i"));
        await sqlite.Store.WriteAsync(new GraphBatch([shared, project], [PartnerIn(shared, project)]), WriteOptions.None, Ct);
        await using var neo4j = await OpenNeo4jAsync();
        await neo4j.WriteAsync(new GraphBatch([Partner("already-there"), Partner("shared")], []), WriteOptions.None, Ct);

        var report = await new GraphMigration(sqlite.Store, neo4j, mergeIntoNonEmpty: true).RunAsync(null, Ct);

        Assert.Equal(2, report.TargetBefore.NodesByLabel["Partner"]);
        Assert.Equal(2, report.Target.NodesByLabel["Partner"]);
        Assert.Equal(1, report.Target.RelationshipsByType["PARTNER_IN"]);
        Assert.Equal("CCG", (await neo4j.GetNodeAsync("partners/shared", Ct))!.GetString("kind"));
        Assert.NotNull(await neo4j.GetNodeAsync("partners/already-there", Ct));
    }

    [Fact]
    public async Task RunAsync_SourceWrittenDuringTheCopy_FailsTheFinalCheck()
    {
        await using var sqlite = TempStore.Create();
        await sqlite.Store.WriteAsync(new GraphBatch([Partner("a"), Partner("b"), Partner("c")], []), WriteOptions.None, Ct);
        await using var neo4j = await OpenNeo4jAsync();
        var wrote = false;

        var error = await Assert.ThrowsAsync<GraphMigrationException>(() => new GraphMigration(sqlite.Store, neo4j, batchSize: 1).RunAsync(p =>
        {
            if (p.NodesCopied == 1 && !wrote)
            {
                wrote = true;
                sqlite.Store.WriteAsync(new GraphBatch([Partner("late")], []), WriteOptions.None, Ct).GetAwaiter().GetResult();
            }
        }, Ct));

        Assert.Equal(MigrationFailure.SourceChanged, error.Failure);
        Assert.Contains("was written to during the migration", error.Message);
    }

    /// <summary>Three versions made long ago by different people, so a copy that stamped its own time or author would show.</summary>
    private static readonly TheoryVersionRecord[] History =
    [
        new("1", "rules: []\n", "the initial programme theory", "LocalVision", DateTimeOffset.FromUnixTimeMilliseconds(1_577_836_800_123)),
        new("2", "rules:\n- id: A\n", "refined after the West Cheshire deviant case", "evaluator-ann", DateTimeOffset.FromUnixTimeMilliseconds(1_580_515_200_456)),
        new("3", "rules:\n- id: B\n", "MOU_MONITORED refuted by Plymouth", "evaluator-bo", DateTimeOffset.FromUnixTimeMilliseconds(1_583_020_800_789)),
    ];

    private static async Task WriteHistoryAsync(IGraphStore store, int versions = 3)
    {
        foreach (var version in History.Take(versions))
        {
            await ((ITheoryHistory)store).CopyTheoryVersionAsync(version, Ct);
        }
    }

    private static Task<IReadOnlyList<TheoryVersionRecord>> HistoryOfAsync(IGraphStore store) => ((ITheoryHistory)store).ListTheoryVersionsAsync(Ct);

    [Fact]
    public async Task RunAsync_TheoryHistory_ArrivesEveryVersionWithItsAuthorTimeAndNote_SqliteToSqliteAndThroughNeo4j()
    {
        await using var sqlite = TempStore.Create();
        await sqlite.Store.WriteAsync(new GraphBatch([Partner("a")], []), WriteOptions.None, Ct);
        await WriteHistoryAsync(sqlite.Store);
        await using var copy = TempStore.Create();
        await using var neo4j = await OpenNeo4jAsync();
        await using var back = TempStore.Create();

        var report = await new GraphMigration(sqlite.Store, copy.Store).RunAsync(null, Ct);
        await new GraphMigration(sqlite.Store, neo4j).RunAsync(null, Ct);
        await new GraphMigration(neo4j, back.Store).RunAsync(null, Ct);

        Assert.Equal((3, 3), (report.TheoryVersions, report.TheoryVersionsCopied));
        Assert.Equal(History, await HistoryOfAsync(copy.Store));
        Assert.Equal(History, await HistoryOfAsync(neo4j));
        Assert.Equal(History, await HistoryOfAsync(back.Store));
        Assert.Equal(History[^1], await ((ITheoryHistory)back.Store).GetCurrentTheoryAsync(Ct));
    }

    [Fact]
    public async Task RunAsync_TargetWithOnlyATheoryHistory_IsNotEmpty()
    {
        await using var sqlite = TempStore.Create();
        await using var target = TempStore.Create();
        await WriteHistoryAsync(target.Store, versions: 1);

        var error = await Assert.ThrowsAsync<GraphMigrationException>(() => new GraphMigration(sqlite.Store, target.Store).RunAsync(null, Ct));

        Assert.Equal(MigrationFailure.TargetNotEmpty, error.Failure);
        Assert.Contains("1 versions of the programme theory", error.Message);
    }

    [Fact]
    public async Task RunAsync_MergingIntoTheBeginningOfTheSameHistory_AppendsTheRest()
    {
        await using var sqlite = TempStore.Create();
        await WriteHistoryAsync(sqlite.Store);
        await using var target = TempStore.Create();
        await WriteHistoryAsync(target.Store, versions: 1);

        var report = await new GraphMigration(sqlite.Store, target.Store, mergeIntoNonEmpty: true).RunAsync(null, Ct);

        Assert.Equal((3, 2), (report.TheoryVersions, report.TheoryVersionsCopied));
        Assert.Equal(History, await HistoryOfAsync(target.Store));
    }

    [Fact]
    public async Task RunAsync_MergingIntoAHistoryThatPartsWays_IsRefusedBeforeCopyingAnything()
    {
        await using var sqlite = TempStore.Create();
        await sqlite.Store.WriteAsync(new GraphBatch([Partner("a")], []), WriteOptions.None, Ct);
        await WriteHistoryAsync(sqlite.Store);
        await using var target = TempStore.Create();
        await WriteHistoryAsync(target.Store, versions: 1);
        var theirs = History[1] with { Note = "their own refinement", Author = "someone-else" };
        await ((ITheoryHistory)target.Store).CopyTheoryVersionAsync(theirs, Ct);

        var error = await Assert.ThrowsAsync<GraphMigrationException>(
            () => new GraphMigration(sqlite.Store, target.Store, mergeIntoNonEmpty: true).RunAsync(null, Ct));

        Assert.Equal(MigrationFailure.TheoryHistoryDiffers, error.Failure);
        Assert.Contains("parts from that of", error.Message);
        Assert.Contains("at version 2", error.Message);
        Assert.Null(await target.Store.GetNodeAsync("partners/a", Ct));
        Assert.Equal([History[0], theirs], await HistoryOfAsync(target.Store));
    }

    public void Dispose() => _server.Dispose();
}
