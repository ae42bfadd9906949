using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using LocalVision.V1;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Hosting;

/// <summary>
/// The real service, built by <see cref="Program.Build"/>, listening on a free loopback port with its own
/// temporary store, and a real gRPC channel to it.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private RunningServer(WebApplication app, string folder, string address)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
        Graph = new GraphService.GraphServiceClient(Channel);
    }

    public string Address { get; }

    public GrpcChannel Channel { get; }

    public GraphService.GraphServiceClient Graph { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="seed">Load the shipped sample dataset on start, as a new user's first start does.</param>
    public static async Task<RunningServer> StartAsync(bool seed, params string[] extraArgs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string[] args =
        [
            "--store", Path.Combine(folder, "graph.db"),
            "--grpc-port", "0",
            "--LocalVision:Store:Durable=false",
            $"--LocalVision:Seed:Enabled={seed}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = Program.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServer(app, folder, address);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>One server with the sample dataset, shared by the read-only tests of the assembly.</summary>
public sealed class SeededServerFixture : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await RunningServer.StartAsync(seed: true);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
