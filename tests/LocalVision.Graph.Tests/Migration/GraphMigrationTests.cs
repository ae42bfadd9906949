using LocalVision.Graph.Migration;
using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;
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

    public void Dispose() => _server.Dispose();
}
