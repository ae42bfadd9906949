using LocalVision.Graph.Sqlite;
using LocalVision.Testing.Dataset;
using LocalVision.Testing.Stores;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.EndToEnd.Tests.Durability;

/// <summary>
/// What the real executable does with a damaged store, a store it may not write, and an address it cannot bind: one
/// clear line and exit code 1, never a stack trace, a crash (exit 134), a start that fails later as INTERNAL, or a
/// damaged store silently seeded afresh.
/// </summary>
public sealed class StartupChecksTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "graph.db");

    /// <summary>The sample dataset in a closed store file (checkpointed, so the file holds everything).</summary>
    private async Task<string> SampleStoreAsync()
    {
        Directory.CreateDirectory(_folder);
        await using (var store = SqliteGraphStore.Open(StorePath, new SqliteStoreOptions(Durable: false)))
        {
            await SampleDataset.LoadAsync(store, Ct);
        }
        SqliteConnection.ClearAllPools();
        Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        return StorePath;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AssertOneClearLine(ServerProcess server, params string[] expected)
    {
        Assert.Equal(1, server.ExitCode);
        foreach (var text in expected)
        {
            Assert.Contains(text, server.Output);
        }
        Assert.DoesNotContain("   at ", server.Output);
        Assert.DoesNotContain("Unhandled exception", server.Output);
    }

    [Fact]
    public async Task Start_StoreTruncatedByOneByte_RefusesSayingCorruptAndRestore()
    {
        var path = await SampleStoreAsync();
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 1);
        }

        await using var server = await ServerProcess.RunToExitAsync(path, Patience);

        AssertOneClearLine(server, "corrupt", "restore it from a backup");
    }

    [Fact]
    public async Task Start_OneNodesPropertiesBroken_RefusesNamingTheNode()
    {
        await SampleStoreAsync();
        Execute("UPDATE nodes SET properties = '{\"name\": \"Plymo' WHERE name = 'localities/plymouth'");

        await using var server = await ServerProcess.RunToExitAsync(StorePath, Patience);

        AssertOneClearLine(server, "corrupt", "localities/plymouth");
    }

    [Fact]
    public async Task Start_RelationshipToAMissingNode_RefusesInsteadOfCrashing()
    {
        await SampleStoreAsync();
        Execute("PRAGMA foreign_keys = OFF; DELETE FROM nodes WHERE name = 'localities/plymouth'");

        await using var server = await ServerProcess.RunToExitAsync(StorePath, Patience);

        AssertOneClearLine(server, "corrupt", "has an end that is no node");
    }

    [Fact]
    public async Task Start_EmptyStoreFile_IsRefusedUnlessInit()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllBytesAsync(StorePath, [], Ct);

        await using (var refused = await ServerProcess.RunToExitAsync(StorePath, Patience, "--LocalVision:Seed:Enabled=true"))
        {
            AssertOneClearLine(refused, "empty file (0 bytes)", "--init");
        }
        Assert.Equal(0, new FileInfo(StorePath).Length);

        await using var initialised = await ServerProcess.StartAsync(StorePath, "--init");
        var graph = new GraphService.GraphServiceClient(initialised.Channel);
        var page = await graph.ListNodesAsync(new ListNodesRequest { PageSize = 1 }, cancellationToken: Ct);
        Assert.Equal(0, page.TotalSize);
    }

    [Fact]
    public async Task Start_StoreOnAReadOnlyFileSystem_SaysSoInOneLine()
    {
        using var mount = ScratchMount.Create(kibibytes: 4096);
        var path = Path.Combine(mount.Path, "graph.db");
        await using (var store = SqliteGraphStore.Open(path, new SqliteStoreOptions(Durable: false)))
        {
        }
        SqliteConnection.ClearAllPools();
        mount.MakeReadOnly();

        await using var server = await ServerProcess.RunToExitAsync(path, Patience);

        AssertOneClearLine(server, "read-only file system");
        Assert.DoesNotContain("SQLite Error", server.Output);
    }

    [Fact]
    public async Task Start_GrpcPortInUse_SaysSoInOneLine()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        await using var server = await ServerProcess.RunToExitAsync(StorePath, Patience, "--grpc-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        AssertOneClearLine(server, "LocalVision cannot start", $"{port}", "in use");
    }

    [Fact]
    public async Task Start_BindToIpv4MappedLoopback_ServesOnLoopback()
    {
        await using var server = await ServerProcess.StartAsync(StorePath, "--bind", "::ffff:127.0.0.1");

        var graph = new GraphService.GraphServiceClient(server.Channel);
        var page = await graph.ListNodesAsync(new ListNodesRequest { PageSize = 1 }, cancellationToken: Ct);
        Assert.Equal(0, page.TotalSize);
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
