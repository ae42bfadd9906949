using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using LocalVision.Server.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using LocalVision.V1;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using LocalVision.Server;
using LocalVision.Server.Hosting;
using Path = System.IO.Path;

namespace LocalVision.Testing.Hosting;

/// <summary>
/// The real service, built by <see cref="Program.Build"/>, listening on a free loopback port with its own
/// temporary store, and a real gRPC channel to it.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private RunningServer(WebApplication app, string folder, string address, Uri webAddress, IReadOnlyDictionary<string, string> keys, GrpcChannelOptions? channelOptions)
    {
        _app = app;
        _folder = folder;
        Address = address;
        WebAddress = webAddress;
        Keys = keys;
        Channel = GrpcChannel.ForAddress(address, channelOptions ?? new GrpcChannelOptions());
        Graph = new GraphService.GraphServiceClient(Channel);
    }

    public string Address { get; }

    /// <summary>The web endpoint: the dashboard and the JSON API under <c>/v1/</c>.</summary>
    public Uri WebAddress { get; }

    public GrpcChannel Channel { get; }

    public GraphService.GraphServiceClient Graph { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The secrets of the keys created before start, by display name.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    public string StorePath => Path.Combine(_folder, "graph.db");

    /// <summary>A call invoker that sends the named key (as <c>x-api-key</c>) with every call.</summary>
    public CallInvoker As(string keyName) => WithKey(Keys[keyName]);

    /// <summary>A call invoker that sends exactly these headers with every call.</summary>
    public CallInvoker WithHeaders(params (string Name, string Value)[] headers) =>
        Channel.Intercept(metadata =>
        {
            foreach (var (name, value) in headers)
            {
                metadata.Add(name, value);
            }
            return metadata;
        });

    public CallInvoker WithKey(string secret) => WithHeaders((KeyAuthenticator.ApiKeyHeader, secret));

    /// <param name="seed">Load the shipped sample dataset on start, as a new user's first start does.</param>
    public static Task<RunningServer> StartAsync(bool seed, params string[] extraArgs) =>
        StartAsync(seed, new Dictionary<string, Roles>(), extraArgs);

    /// <summary>Starts with API keys made beforehand (so keys are required), by display name and roles.</summary>
    public static Task<RunningServer> StartAsync(bool seed, IReadOnlyDictionary<string, Roles> keys, params string[] extraArgs) =>
        StartAsync(seed, keys, null, extraArgs);

    public static Task<RunningServer> StartAsync(bool seed, IReadOnlyDictionary<string, Roles> keys, GrpcChannelOptions? channelOptions, params string[] extraArgs) =>
        StartAsync(seed, keys, channelOptions, null, extraArgs);

    /// <summary>Starts without the sample data and with <paramref name="overrides"/> applied to the services (to wrap the store, say).</summary>
    public static Task<RunningServer> StartWithServicesAsync(Action<IServiceCollection> overrides, params string[] extraArgs) =>
        StartAsync(seed: false, new Dictionary<string, Roles>(), null, overrides, extraArgs);

    private static async Task<RunningServer> StartAsync(
        bool seed, IReadOnlyDictionary<string, Roles> keys, GrpcChannelOptions? channelOptions, Action<IServiceCollection>? overrides, string[] extraArgs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Count > 0)
        {
            var access = SqliteAccessStore.Open(SqliteAccessStore.PathBeside(Path.Combine(folder, "graph.db")));
            foreach (var (name, roles) in keys)
            {
                secrets[name] = (await access.CreateKeyAsync(name, roles, "test", CancellationToken.None)).Secret;
            }
        }
        string[] args =
        [
            "--store", Path.Combine(folder, "graph.db"),
            "--grpc-port", "0",
            "--web-port", "0",
            "--LocalVision:Store:Durable=false",
            $"--LocalVision:Seed:Enabled={seed}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = Program.Build(args, overrides);
        await app.StartAsync();
        var webAddress = new Uri(app.Services.GetRequiredService<WebEndpoint>().Address);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => new Uri(a).Port != webAddress.Port);
        // A server bound to every address reports it as such; tests reach it on loopback.
        address = address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        return new RunningServer(app, folder, address, webAddress, secrets, channelOptions);
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
