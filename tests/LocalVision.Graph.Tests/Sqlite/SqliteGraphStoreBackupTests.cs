using LocalVision.Graph.Model;
using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;
using LocalVision.Testing.Stores;
using Microsoft.Data.Sqlite;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Sqlite;

/// <summary>Online backup to a file and restore from it, each with an integrity check.</summary>
public sealed class SqliteGraphStoreBackupTests : IAsyncLifetime
{
    private TempStore _temp = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteGraphStore Store => _temp.Store;

    private string BackupPath(string name) => Path.Combine(_temp.Folder, name);

    public ValueTask InitializeAsync()
    {
        _temp = TempStore.Create();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    private static GraphBatch PartnerAndProject(string slug)
    {
        var partner = Partner(slug);
        var project = Initiative(slug);
        return new GraphBatch([partner, project], [PartnerIn(partner, project)]);
    }

    [Fact]
    public async Task RestoreAsync_AfterLaterWrites_ReturnsToTheBackedUpGraphAndItsTraversals()
    {
        await Store.WriteAsync(PartnerAndProject("kept"), WriteOptions.None, Ct);
        var backup = await Store.BackupAsync(BackupPath("one.db"), Ct);
        await Store.WriteAsync(PartnerAndProject("later"), WriteOptions.None, Ct);
        await Store.DeleteNodeAsync("partners/kept", cascade: true, Ct);
        var versionBefore = await Store.GetVersionAsync(Ct);

        var restored = await Store.RestoreAsync(backup.Path, Ct);

        Assert.Equal(2, backup.Counts.Nodes);
        Assert.Equal(1, backup.Counts.Relationships);
        Assert.Equal(2, restored.Nodes);
        Assert.NotNull(await Store.GetNodeAsync("partners/kept", Ct));
        Assert.Null(await Store.GetNodeAsync("partners/later", Ct));
        var neighbourhood = await Store.GetNeighborhoodAsync(new NeighborhoodQuery("partners/kept", 1, [], [], 10), Ct);
        Assert.Equal(2, neighbourhood.Nodes.Count);
        Assert.True(await Store.GetVersionAsync(Ct) > versionBefore);
        await Store.WriteAsync(PartnerAndProject("after-restore"), WriteOptions.None, Ct);
        Assert.Equal(4, (await Store.CountAsync(Ct)).Nodes);
    }

    [Fact]
    public async Task BackupAsync_WhileWritersRun_IsAConsistentSnapshotOfWholeBatches()
    {
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await Store.WriteAsync(PartnerAndProject($"w{i}"), WriteOptions.None, Ct);
            }
        }, Ct);
        await Store.WriteAsync(PartnerAndProject("first"), WriteOptions.None, Ct);

        var backup = await Store.BackupAsync(BackupPath("busy.db"), Ct);
        await writing;

        Assert.Equal(0, backup.Counts.Nodes % 2);
        Assert.Equal(backup.Counts.Nodes / 2, backup.Counts.Relationships);
        Assert.Equal(backup.Counts, SqliteGraphStore.CheckBackup(backup.Path) with { NodesByLabel = backup.Counts.NodesByLabel, RelationshipsByType = backup.Counts.RelationshipsByType });
    }

    [Fact]
    public async Task BackupAsync_ExistingFile_IsRefusedAndTheFileKept()
    {
        File.WriteAllText(BackupPath("taken.db"), "mine");

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Store.BackupAsync(BackupPath("taken.db"), Ct));

        Assert.Contains("already exists", error.Message);
        Assert.Equal("mine", File.ReadAllText(BackupPath("taken.db")));
    }

    [Fact]
    public async Task RestoreAsync_DamagedBackup_IsRefusedAndTheStoreUnchanged()
    {
        await Store.WriteAsync(PartnerAndProject("safe"), WriteOptions.None, Ct);
        var backup = await Store.BackupAsync(BackupPath("damaged.db"), Ct);
        var bytes = File.ReadAllBytes(backup.Path);
        // Scribble over every page after the header page: the file still opens but no longer holds a store.
        for (var i = 4096; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }
        File.WriteAllBytes(backup.Path, bytes);

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Store.RestoreAsync(backup.Path, Ct));

        Assert.Equal(StoreFault.Corrupt, error.Fault);
        Assert.NotNull(await Store.GetNodeAsync("partners/safe", Ct));
    }

    [Fact]
    public async Task RestoreAsync_FileThatIsNoStore_IsRefused()
    {
        var path = BackupPath("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT)";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<GraphStoreUnavailableException>(() => Store.RestoreAsync(path, Ct));

        Assert.Contains("not a LocalVision store", error.Message);
    }
}
