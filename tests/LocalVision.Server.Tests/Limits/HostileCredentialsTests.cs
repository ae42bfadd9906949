using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// Hostile credentials and hostile admin requests (fixed seed): forged, truncated and look-alike keys and tokens are
/// UNAUTHENTICATED, malformed key and backup requests are refused cleanly, and none of it creates a key or a file.
/// </summary>
public sealed class HostileCredentialsTests : IAsyncLifetime
{
    private const int Seed = 80511;

    private RunningServer _server = null!;
    private Random _random = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["ops"] = Roles.Admin, ["reader"] = Roles.Reader });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private string Mutate(string text)
    {
        var chars = text.ToList();
        for (var n = _random.Next(1, 4); n > 0 && chars.Count > 0; n--)
        {
            var at = _random.Next(chars.Count);
            switch (_random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, "aZ09_-.~ "[_random.Next(9)]);
                    break;
                default:
                    chars[at] = (char)_random.Next(33, 127);
                    break;
            }
        }
        return new string(chars.ToArray());
    }

    [Fact]
    public async Task GetNode_ForgedAndMangledCredentials_AreAllUnauthenticated()
    {
        _random = new Random(Seed);
        var real = _server.Keys["ops"];
        string[] shapes =
        [
            "", " ", "lvk_", "lvk_000000000000_", real[..^1], real + "A", real.ToUpperInvariant(), real.Replace("lvk_", "LVK_", StringComparison.Ordinal),
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbImFkbWluIl19.", "eyJ.eyJ.sig", "Basic b3BzOnNlY3JldA==",
            new string('k', 4000),
        ];

        for (var i = 0; i < 400; i++)
        {
            var credential = i < shapes.Length ? shapes[i] : Mutate(real);
            if (credential == real)
            {
                continue;
            }
            var header = _random.Next(3) switch
            {
                0 => (KeyAuthenticator.ApiKeyHeader, credential),
                1 => ("authorization", "Bearer " + credential),
                _ => ("authorization", credential),
            };
            var graph = new GraphService.GraphServiceClient(_server.WithHeaders(header));

            var error = await Assert.ThrowsAsync<RpcException>(() => graph.ListNodesAsync(new ListNodesRequest(), cancellationToken: Ct).ResponseAsync);

            Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"credential {i} `{credential[..Math.Min(40, credential.Length)]}` in {header.Item1} gave {error.StatusCode}");
        }
    }

    [Fact]
    public async Task AccessAndAdmin_HostileRequests_AreRefusedCleanlyAndCreateNothing()
    {
        _random = new Random(Seed);
        var access = new AccessService.AccessServiceClient(_server.As("ops"));
        var admin = new AdminService.AdminServiceClient(_server.As("ops"));
        var keysBefore = (await access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct)).Keys.Count;
        string[] badNames = ["", new string('n', 65), "tab\there", "new\nline", "\u0000"];
        string[] badFiles = ["..", "../x.db", "/etc/passwd", "a/b.db", ".hidden", new string('f', 101), "x\u0000.db", "back\\slash.db"];

        for (var i = 0; i < 300; i++)
        {
            var code = await OutcomeAsync((i % 6) switch
            {
                0 => () => access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = badNames[_random.Next(badNames.Length)], Roles = { Role.Reader } }, cancellationToken: Ct).ResponseAsync,
                1 => () => access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "ok", Roles = { (Role)_random.Next(-3, 0), (Role)_random.Next(5, 99) } }, cancellationToken: Ct).ResponseAsync,
                2 => () => access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = Mutate("apiKeys/0123456789ab") }, cancellationToken: Ct).ResponseAsync,
                3 => () => access.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = _random.Next(-5, 0), PageToken = Mutate("djEKMTIzCjQ1") }, cancellationToken: Ct).ResponseAsync,
                4 => () => admin.BackupStoreAsync(new BackupStoreRequest { FileName = badFiles[_random.Next(badFiles.Length)] }, cancellationToken: Ct).ResponseAsync,
                _ => () => admin.RestoreStoreAsync(new RestoreStoreRequest { FileName = Mutate("missing-backup.db") }, cancellationToken: Ct).ResponseAsync,
            });

            Assert.True(code is StatusCode.InvalidArgument or StatusCode.NotFound, $"request {i} ({i % 6}) gave {code}");
        }

        var keysAfter = (await access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct)).Keys.Count;
        var backups = Path.Combine(Path.GetDirectoryName(_server.StorePath)!, "backups");
        Assert.Equal(keysBefore, keysAfter);
        Assert.True(!Directory.Exists(backups) || Directory.GetFiles(backups).Length == 0);
    }

    private static async Task<StatusCode> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
