using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Graph.Network;
using LocalVision.Graph.Store;
using LocalVision.Server.Grpc.Errors;
using LocalVision.Server.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Path = System.IO.Path;

namespace LocalVision.Server.Admin;

/// <summary>Settings of backups (section <c>LocalVision:Backup</c>).</summary>
public sealed class BackupOptions
{
    public const string Section = "LocalVision:Backup";

    /// <summary>Where backups are written and restored from; empty means a <c>backups</c> folder beside the store.</summary>
    public string Folder { get; set; } = "";
}

/// <summary>
/// The AdminService: online backup and restore, and what the server holds in memory. Files live only in the backup folder and are named without
/// folders, so a caller can neither write nor read anywhere else on the server.
/// </summary>
public sealed partial class AdminApi(
    IGraphStore store, ProjectionCache projections, CommunityCache communities, IOptions<LocalVisionOptions> options, IOptions<BackupOptions> backup, TimeProvider clock)
    : AdminService.AdminServiceBase
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    private string Folder => backup.Value.Folder.Length > 0
        ? Path.GetFullPath(backup.Value.Folder)
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Value.Store.Path))!, "backups");

    public override async Task<Backup> BackupStore(BackupStoreRequest request, ServerCallContext context)
    {
        var fileName = request.FileName.Length > 0 ? request.FileName : $"localvision-{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff'Z'}.db";
        var path = PathOf(fileName);
        if (File.Exists(path))
        {
            throw RpcErrors.AlreadyExists($"the backup `{fileName}` already exists; choose another name", fileName, "backup");
        }
        Directory.CreateDirectory(Folder);
        var info = await Backups().BackupAsync(path, context.CancellationToken);
        return new Backup
        {
            FileName = fileName,
            SizeBytes = info.SizeBytes,
            Nodes = info.Counts.Nodes,
            Relationships = info.Counts.Relationships,
            CreateTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
        };
    }

    public override async Task<RestoreStoreResponse> RestoreStore(RestoreStoreRequest request, ServerCallContext context)
    {
        var path = PathOf(request.FileName);
        if (!File.Exists(path))
        {
            throw RpcErrors.NotFound($"there is no backup `{request.FileName}` in the backup folder", request.FileName, resourceType: "backup");
        }
        var counts = await Backups().RestoreAsync(path, context.CancellationToken);
        return new RestoreStoreResponse { Nodes = counts.Nodes, Relationships = counts.Relationships };
    }

    public override Task<ServerStats> GetServerStats(GetServerStatsRequest request, ServerCallContext context)
    {
        // Read builds and patches before requests: a request counted between the reads shows as a hit, never as a negative one.
        var misses = projections.Builds;
        var patches = projections.Patches;
        var requests = projections.Requests;
        var detections = communities.Detections;
        var communityRequests = communities.Requests;
        var (lists, listBytes) = communities.Held();
        return Task.FromResult(new ServerStats
        {
            ProjectionCache = new ProjectionCacheStats
            {
                SizeBytes = projections.SizeBytes,
                CapacityBytes = projections.CapacityBytes,
                Entries = projections.Count,
                Hits = Math.Max(0, requests - misses - patches),
                Misses = misses,
                Patches = patches,
            },
            CommunityCache = new CommunityCacheStats
            {
                Entries = lists,
                Capacity = communities.Capacity,
                SizeBytes = listBytes,
                Hits = Math.Max(0, communityRequests - detections),
                Detections = detections,
            },
        });
    }

    private string PathOf(string fileName)
    {
        if (!FileNamePattern().IsMatch(fileName) || fileName.Contains("..", StringComparison.Ordinal))
        {
            throw GraphValidationException.Single("file_name", "must be a plain file name: letters, digits, `.`, `_` and `-`, at most 100 characters, no folders");
        }
        return Path.Combine(Folder, fileName);
    }

    private IStoreBackup Backups() => store as IStoreBackup
        ?? throw RpcErrors.WithReason(StatusCode.FailedPrecondition, "BACKUP_UNSUPPORTED",
            $"the configured store ({store.Location}) cannot back itself up through the service; use its own tools");
}

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        app.MapGrpcService<AdminApi>();
        return app;
    }
}
