using System.Text.RegularExpressions;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Hosting;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Access;

/// <summary>Protected mode: open on loopback until a key exists, never open beyond it; and the keys command.</summary>
public sealed partial class ProtectedModeTests(SeededServerFixture fixture) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "graph.db");

    [GeneratedRegex(@"^lvk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", RegexOptions.Multiline)]
    private static partial Regex SecretLine();

    [Fact]
    public void Build_BoundBeyondLoopbackWithoutKeys_RefusesToStartSayingHowToCreateOne()
    {
        var error = Assert.Throws<StartupConfigurationException>(() =>
            Program.Build(["--store", StorePath, "--grpc-port", "0", "--bind", "0.0.0.0", "--LocalVision:Seed:Enabled=false"]));

        Assert.Contains("keys create --role admin", error.Message);
        Assert.Contains("0.0.0.0", error.Message);
    }

    [Fact]
    public async Task Start_BoundBeyondLoopbackWithAKey_ServesOnlyCallsWithAKey()
    {
        await using var server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["ops"] = Roles.Admin }, "--bind", "0.0.0.0");

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => server.Graph.ListNodesAsync(new ListNodesRequest(), cancellationToken: Ct));
        var listed = await new GraphService.GraphServiceClient(server.As("ops")).ListNodesAsync(new ListNodesRequest(), cancellationToken: Ct);

        Assert.Empty(listed.Nodes);
    }

    [Fact]
    public async Task RevokeApiKey_LastAdminKeyBeyondLoopback_IsFailedPrecondition()
    {
        await using var server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["ops"] = Roles.Admin }, "--bind", "0.0.0.0");
        var access = new AccessService.AccessServiceClient(server.As("ops"));
        var key = (await access.ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct)).Keys.Single();

        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name }, cancellationToken: Ct));
    }

    [Fact]
    public async Task GetNode_LoopbackWithoutKeys_ServesEveryoneAsAdminWithEvidenceRevealed()
    {
        var evidence = await fixture.Server.Graph.GetNodeAsync(new GetNodeRequest { Name = "evidence/bdp-interview-honest-conversations" }, cancellationToken: Ct);

        Assert.True(await fixture.Server.Services.GetRequiredService<KeyAuthenticator>().IsOpenAsync(Ct));
        Assert.Equal("LV Project Partner", evidence.Properties.Fields["respondentRole"].StringValue);
    }

    [Fact]
    public async Task CreateApiKey_OnAnOpenLoopbackServer_ClosesItToCallsWithoutAKey()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var access = new AccessService.AccessServiceClient(server.Channel);

        var created = await access.CreateApiKeyAsync(new CreateApiKeyRequest { DisplayName = "first", Roles = { Role.Admin } }, cancellationToken: Ct);

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => server.Graph.ListNodesAsync(new ListNodesRequest(), cancellationToken: Ct));
        var listed = await new AccessService.AccessServiceClient(server.WithKey(created.Secret)).ListApiKeysAsync(new ListApiKeysRequest(), cancellationToken: Ct);
        Assert.Equal("(no authentication)", listed.Keys.Single().Creator);
    }

    [Fact]
    public async Task KeysCreate_PrintsTheSecretOnceAndTheStoreAuthenticatesIt()
    {
        var (code, output, _) = await KeysAsync("create", "--name", "ops", "--role", "admin", "--store", StorePath);

        Assert.Equal(0, code);
        var secret = SecretLine().Match(output).Value;
        var key = await SqliteAccessStore.Open(SqliteAccessStore.PathBeside(StorePath)).AuthenticateAsync(secret, Ct);
        Assert.NotNull(key);
        Assert.Equal("ops", key.DisplayName);
        Assert.Equal(Roles.Admin, key.Roles);
    }

    [Fact]
    public async Task KeysListAndRevoke_ListWithoutSecretsAndRevoke()
    {
        var (_, created, _) = await KeysAsync("create", "--name", "dashboard", "--role", "reader", "--role", "evidence-reader", "--store", StorePath);
        var secret = SecretLine().Match(created).Value;
        var id = secret.Substring(4, 12);

        var (listCode, listed, _) = await KeysAsync("list", "--store", StorePath);
        var (revokeCode, _, _) = await KeysAsync("revoke", id, "--store", StorePath);

        Assert.Equal(0, listCode);
        Assert.Contains($"apiKeys/{id}\tdashboard\treader,evidence-reader", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.Equal(0, revokeCode);
        Assert.Null(await SqliteAccessStore.Open(SqliteAccessStore.PathBeside(StorePath)).AuthenticateAsync(secret, Ct));
    }

    [Theory]
    [InlineData("create", "--name", "x", "--role", "superuser")]
    [InlineData("create", "--role", "admin")]
    [InlineData("create", "--name", "x")]
    [InlineData("revoke", "000000000000")]
    [InlineData("rotate")]
    public async Task Keys_BadArguments_FailWithAMessage(params string[] args)
    {
        var (code, _, error) = await KeysAsync([.. args, "--store", StorePath]);

        Assert.NotEqual(0, code);
        Assert.StartsWith("keys:", error);
    }

    private static async Task<(int Code, string Output, string Error)> KeysAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KeysCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
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
