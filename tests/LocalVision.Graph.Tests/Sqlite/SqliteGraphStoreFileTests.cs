using LocalVision.Graph.Model;
using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;
using Microsoft.Data.Sqlite;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Sqlite;

/// <summary>What the embedded store does with its file: ownership, persistence, schema versions, damaged files.</summary>
public sealed class SqliteGraphStoreFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "graph.db");

    [Fact]
    public async Task Open_FileHeldByAnotherOwner_FailsWithInUse()
    {
        await using var first = SqliteGraphStore.Open(StorePath);

        var error = Assert.Throws<GraphStoreUnavailableException>(() => SqliteGraphStore.Open(StorePath));

        Assert.Equal(StoreFault.InUse, error.Fault);
        Assert.Contains("in use by another LocalVision process", error.Message);
    }

    [Fact]
    public async Task Open_AfterDispose_SeesEverythingCommittedAndTraversesIt()
    {
        var partner = Partner("p");
        var project = Initiative("i");
        await using (var store = SqliteGraphStore.Open(StorePath))
        {
            await store.WriteAsync(new GraphBatch([partner, project], [PartnerIn(partner, project)]), WriteOptions.None, Ct);
        }

        await using var reopened = SqliteGraphStore.Open(StorePath);
        var neighbourhood = await reopened.GetNeighborhoodAsync(new NeighborhoodQuery(partner.Name, 1, [], [], 10), Ct);
        var version = await reopened.GetVersionAsync(Ct);

        Assert.Equal(2, neighbourhood.Nodes.Count);
        Assert.Single(neighbourhood.Relationships);
        Assert.Equal(1, version);
    }

    [Fact]
    public async Task Open_NewFile_IsInWalModeAtTheLatestSchemaVersion()
    {
        await using (SqliteGraphStore.Open(StorePath))
        {
        }

        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = command.ExecuteScalar();
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar());

        Assert.Equal("wal", mode);
        Assert.Equal(SqliteSchemaSteps.Latest, version);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_FailsWithCorruptAndLeavesItAlone()
    {
        Directory.CreateDirectory(_folder);
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(StorePath, garbage);

        var error = Assert.Throws<GraphStoreUnavailableException>(() => SqliteGraphStore.Open(StorePath));

        Assert.Equal(StoreFault.Corrupt, error.Fault);
        Assert.Equal(garbage, File.ReadAllBytes(StorePath));
    }

    [Fact]
    public async Task Open_StoreFromANewerVersion_IsRefused()
    {
        await using (SqliteGraphStore.Open(StorePath))
        {
        }
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SqliteSchemaSteps.Latest + 1}";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<GraphStoreUnavailableException>(() => SqliteGraphStore.Open(StorePath));

        Assert.Contains("newer than this server understands", error.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
