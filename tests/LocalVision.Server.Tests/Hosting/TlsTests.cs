using Grpc.Core;
using Grpc.Net.Client;
using LocalVision.Server.Hosting;
using LocalVision.Testing.Certificates;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Hosting;

/// <summary>TLS on the gRPC endpoint when a certificate is configured, as a PFX or as PEM files.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Forms() => ["pfx", "pem"];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task GetNode_CertificateConfigured_IsServedOverTlsAndNotInClearText(string form)
    {
        using var certificate = SelfSignedCertificate.Create();
        var (pfx, pem, key) = SelfSignedCertificate.Write(certificate, _folder);
        string[] tls = form == "pfx"
            ? [$"--LocalVision:Tls:CertificatePath={pfx}"]
            : [$"--LocalVision:Tls:CertificatePath={pem}", $"--LocalVision:Tls:KeyPath={key}"];
        await using var server = await RunningServer.StartAsync(seed: true, new Dictionary<string, LocalVision.Server.Access.Roles>(),
            new GrpcChannelOptions { HttpHandler = SelfSignedCertificate.TrustingOnly(certificate) }, tls);

        var plymouth = await server.Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct);
        using var clearText = GrpcChannel.ForAddress(server.Address.Replace("https://", "http://", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new GraphService.GraphServiceClient(clearText).GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct).ResponseAsync);

        Assert.StartsWith("https://", server.Address);
        Assert.Equal("Locality", plymouth.Label);
        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }

    [Fact]
    public void Build_MissingCertificateFile_RefusesToStartNamingIt()
    {
        var missing = Path.Combine(_folder, "nowhere.pfx");

        var error = Assert.Throws<StartupConfigurationException>(() =>
            Program.Build(["--store", Path.Combine(_folder, "graph.db"), "--grpc-port", "0", $"--LocalVision:Tls:CertificatePath={missing}"]));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Build_CertificateWithoutKey_RefusesToStart()
    {
        using var certificate = SelfSignedCertificate.Create();
        var (_, pem, _) = SelfSignedCertificate.Write(certificate, _folder);

        var error = Assert.Throws<StartupConfigurationException>(() =>
            Program.Build(["--store", Path.Combine(_folder, "graph.db"), "--grpc-port", "0", $"--LocalVision:Tls:CertificatePath={pem}"]));

        Assert.Contains(pem, error.Message);
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
