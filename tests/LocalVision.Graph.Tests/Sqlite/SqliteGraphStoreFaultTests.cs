using LocalVision.Graph.Model;
using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;
using LocalVision.Testing.Stores;
using Microsoft.Data.Sqlite;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Sqlite;

/// <summary>Real file-system faults under the embedded store: a full disk and a read-only one.</summary>
public sealed class SqliteGraphStoreFaultTests
{
    private const int BatchSize = 50;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static GraphBatch Batch(int number) =>
        new(Enumerable.Range(0, BatchSize).Select(i => Partner($"b{number}-p{i}") with
        {
            Properties = new System.Text.Json.Nodes.JsonObject { ["name"] = new string('x', 2000), ["kind"] = "VOLUNTARY" },
        }).ToList(), []);

    [Fact]
    public async Task WriteAsync_DiskFull_FailsWithDiskFullAndKeepsEveryCommittedBatch()
    {
        using var mount = ScratchMount.Create(kibibytes: 1024);
        var path = Path.Combine(mount.Path, "graph.db");
        var committed = 0;
        GraphStoreUnavailableException? error = null;
        await using (var store = SqliteGraphStore.Open(path))
        {
            for (var i = 0; i < 1000 && error is null; i++)
            {
                try
                {
                    await store.WriteAsync(Batch(i), WriteOptions.None, Ct);
                    committed++;
                }
                catch (GraphStoreUnavailableException e)
                {
                    error = e;
                }
            }
            Assert.NotNull(error);
            Assert.Equal(StoreFault.DiskFull, error.Fault);
            Assert.Contains("full", error.Message);
            Assert.Equal(committed * BatchSize, (await store.CountAsync(Ct)).Nodes);
        }
        SqliteConnection.ClearAllPools();

        Assert.True(committed > 0);
        Assert.Equal("ok", Scalar(path, "PRAGMA integrity_check"));
        Assert.Equal((long)committed * BatchSize, Scalar(path, "SELECT COUNT(*) FROM nodes"));
    }

    [Fact]
    public async Task Open_ReadOnlyFileSystem_FailsWithReadOnlyAndLeavesTheFileAlone()
    {
        using var mount = ScratchMount.Create(kibibytes: 4096);
        var path = Path.Combine(mount.Path, "graph.db");
        await using (var store = SqliteGraphStore.Open(path))
        {
            await store.WriteAsync(Batch(0), WriteOptions.None, Ct);
        }
        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(path);
        mount.MakeReadOnly();

        var error = Assert.Throws<GraphStoreUnavailableException>(() => SqliteGraphStore.Open(path));

        Assert.Equal(StoreFault.ReadOnly, error.Fault);
        Assert.Contains("read-only", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
