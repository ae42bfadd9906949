using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Admin;

/// <summary>Backup and restore through the AdminService, confined to the backup folder.</summary>
public sealed class AdminServiceTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: true, new Dictionary<string, Roles> { ["ops"] = Roles.Admin, ["evaluator"] = Roles.Evaluator });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private AdminService.AdminServiceClient Admin => new(_server.As("ops"));

    private GraphService.GraphServiceClient Graph => new(_server.As("ops"));

    [Fact]
    public async Task RestoreStore_AfterLaterWrites_BringsBackTheBackedUpGraph()
    {
        var backup = await Admin.BackupStoreAsync(new BackupStoreRequest { FileName = "before.db" }, cancellationToken: Ct);
        await Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("after-backup") } }, cancellationToken: Ct);
        await Graph.DeleteNodeAsync(new DeleteNodeRequest { Name = "localities/plymouth", Cascade = true }, cancellationToken: Ct);

        var restored = await Admin.RestoreStoreAsync(new RestoreStoreRequest { FileName = "before.db" }, cancellationToken: Ct);

        Assert.True(backup.Nodes > 100);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(_server.StorePath)!, "backups", "before.db")));
        Assert.Equal(backup.Nodes, restored.Nodes);
        Assert.Equal(backup.Relationships, restored.Relationships);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/after-backup" }, cancellationToken: Ct));
        var plymouth = await Graph.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = "localities/plymouth" }, cancellationToken: Ct);
        Assert.True(plymouth.Nodes.Count > 1);
    }

    [Fact]
    public async Task BackupStore_NoName_PicksATimestampedName()
    {
        var backup = await Admin.BackupStoreAsync(new BackupStoreRequest(), cancellationToken: Ct);

        Assert.Matches(@"^localvision-\d{8}T\d{9}Z\.db$", backup.FileName);
        Assert.True(backup.SizeBytes > 0);
    }

    [Fact]
    public async Task BackupStore_SameNameTwice_IsAlreadyExists()
    {
        await Admin.BackupStoreAsync(new BackupStoreRequest { FileName = "twice.db" }, cancellationToken: Ct);

        await RpcAssert.ThrowsAsync(StatusCode.AlreadyExists, () => Admin.BackupStoreAsync(new BackupStoreRequest { FileName = "twice.db" }, cancellationToken: Ct));
    }

    [Theory]
    [InlineData("../graph.db")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("sub/dir.db")]
    public async Task BackupAndRestore_NamesThatLeaveTheFolder_AreInvalidArgument(string fileName)
    {
        var backup = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Admin.BackupStoreAsync(new BackupStoreRequest { FileName = fileName }, cancellationToken: Ct));
        var restore = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Admin.RestoreStoreAsync(new RestoreStoreRequest { FileName = fileName }, cancellationToken: Ct));

        RpcAssert.HasViolation(backup, "file_name");
        RpcAssert.HasViolation(restore, "file_name");
    }

    [Fact]
    public async Task RestoreStore_MissingBackup_IsNotFound()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Admin.RestoreStoreAsync(new RestoreStoreRequest { FileName = "never-made.db" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task RestoreStore_CorruptBackup_IsFailedPreconditionAndTheStoreServesOn()
    {
        var folder = Path.Combine(Path.GetDirectoryName(_server.StorePath)!, "backups");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "garbage.db"), Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Admin.RestoreStoreAsync(new RestoreStoreRequest { FileName = "garbage.db" }, cancellationToken: Ct));

        Assert.Equal("Locality", (await Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct)).Label);
    }

    [Fact]
    public async Task BackupStore_Evaluator_IsPermissionDenied()
    {
        var admin = new AdminService.AdminServiceClient(_server.As("evaluator"));

        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => admin.BackupStoreAsync(new BackupStoreRequest(), cancellationToken: Ct));
    }

    [Fact]
    public async Task BackupAndRestore_AreAudited()
    {
        await Admin.BackupStoreAsync(new BackupStoreRequest { FileName = "audited.db" }, cancellationToken: Ct);
        await Admin.RestoreStoreAsync(new RestoreStoreRequest { FileName = "audited.db" }, cancellationToken: Ct);

        var entries = (await new AccessService.AccessServiceClient(_server.As("ops")).ListAuditEntriesAsync(new ListAuditEntriesRequest(), cancellationToken: Ct)).Entries;

        Assert.Equal("/localvision.v1.AdminService/RestoreStore", entries[0].Method);
        Assert.Equal("/localvision.v1.AdminService/BackupStore", entries[1].Method);
        Assert.All(entries.Take(2), e => Assert.Equal(["audited.db"], e.Resources));
    }
}
