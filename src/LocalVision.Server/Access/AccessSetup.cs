using System.Net;
using LocalVision.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LocalVision.Server.Access;

/// <summary>Settings of access control (section <c>LocalVision:Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "LocalVision:Access";

    /// <summary>
    /// A SQLite key and audit file to use whatever the graph store; empty means the graph store's own place: beside an
    /// embedded store (<c>graph.db</c> → <c>graph.access.db</c>), in the database of a Neo4j store.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// On Neo4j, how many seconds a key read from the database is trusted before it is read again: the longest a key
    /// revoked through another replica still works here. 0 reads the database on every call.
    /// </summary>
    public double KeyCacheSeconds { get; set; } = 5;

    /// <summary>
    /// Refused calls are written at most once per caller per this many seconds; the rest of a window's refusals are
    /// counted and written as one entry when it ends. 0 writes every refusal.
    /// </summary>
    public double RefusalWindowSeconds { get; set; } = 60;

    /// <summary>The most a page of <c>ListAuditEntries</c> holds, in bytes: a page ends early rather than grow past it.</summary>
    public int AuditPageBytes { get; set; } = 1024 * 1024;
}

public static class AccessSetup
{
    /// <summary>How to make the first key, for messages that tell an operator what to do.</summary>
    public const string CreateKeyHint = "create an admin key with `LocalVision.Server keys create --role admin --name ops --store STORE` "
        + "(from a checkout: `dotnet run --project src/LocalVision.Server -- keys create --role admin --name ops`)";

    /// <summary>
    /// Protected mode: on loopback with no key the service is open (and says so at start-up); on any other address
    /// it needs keys and refuses to start without one. Puts the <see cref="AccessInterceptor"/> in front of every call.
    /// </summary>
    /// <exception cref="StartupConfigurationException">Bound beyond loopback with no key, or the key file is unusable.</exception>
    public static WebApplicationBuilder AddAccessControl(this WebApplicationBuilder builder)
    {
        var options = builder.GetLocalVisionOptions();
        // Start-up is synchronous; there is no context to deadlock on yet.
        var store = OpenStoreAsync(builder.Configuration, options.Store, CancellationToken.None).GetAwaiter().GetResult();
        var tokens = BearerTokens.FromConfiguration(builder.Configuration);
        var loopback = IPAddress.IsLoopback(options.BindAddress());
        if (!loopback && tokens is null && !HasActiveKeys(store))
        {
            throw new StartupConfigurationException(
                $"--bind {options.Bind} serves beyond this machine, and no API key exists in {store.Location} (nor is a JWT issuer configured), "
                + $"so anyone could read confidential evidence; {CreateKeyHint}, then start again (or bind to 127.0.0.1)");
        }
        // Created by a factory so the container disposes a Neo4j store's connection when the host stops.
        builder.Services.AddSingleton<IAccessStore>(_ => store);
        builder.Services.AddSingleton(new KeyAuthenticator(store, requireKeys: !loopback, tokens));
        builder.Services.AddHostedService<AccessModeReport>();
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RefusalLog>();
        builder.Services.AddHostedService<RefusalLogFlusher>();
        return builder;
    }

    private static bool HasActiveKeys(IAccessStore store)
    {
        try
        {
            return store.HasActiveKeysAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (AccessStoreException e)
        {
            throw new StartupConfigurationException(e.Message);
        }
    }

    public static WebApplication MapAccessApi(this WebApplication app)
    {
        app.UseAuthenticationBeforeParsing();
        app.MapGrpcService<AccessApi>();
        return app;
    }

    /// <summary>
    /// Where the settings keep keys and audit: the file <c>LocalVision:Access:Path</c> names, else beside an embedded
    /// graph store, else in the Neo4j database the graph is in.
    /// </summary>
    /// <exception cref="StartupConfigurationException">It cannot be opened, or the settings name no graph store.</exception>
    public static async Task<IAccessStore> OpenStoreAsync(IConfiguration configuration, StoreOptions graphStore, CancellationToken cancellationToken)
    {
        var configured = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        try
        {
            if (configured.Path.Length > 0)
            {
                return SqliteAccessStore.Open(configured.Path);
            }
            return GraphStoreAddress.From(graphStore) switch
            {
                GraphStoreAddress.Neo4jStore neo4j => await Neo4jAccessStore.OpenAsync(
                    neo4j.Options, TimeSpan.FromSeconds(Math.Max(0, configured.KeyCacheSeconds)), cancellationToken: cancellationToken),
                GraphStoreAddress.SqliteStore sqlite => SqliteAccessStore.Open(sqlite.DefaultAccessPath),
                var other => throw new StartupConfigurationException($"no place to keep API keys is known for the store {other}"),
            };
        }
        catch (AccessStoreException e)
        {
            throw new StartupConfigurationException(e.Message);
        }
    }
}

/// <summary>Says at start-up whether calls need keys, loudly when they do not.</summary>
public sealed class AccessModeReport(KeyAuthenticator authenticator, IAccessStore store, IConfiguration configuration, ILogger<AccessModeReport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await authenticator.IsOpenAsync(cancellationToken))
        {
            logger.LogWarning("No API key exists, so this service serves WITHOUT AUTHENTICATION on loopback: every local caller is admin "
                + "and sees confidential evidence. To require keys, " + AccessSetup.CreateKeyHint + ". Keys and audit log: {Location}", store.Location);
        }
        else if (authenticator.RequiresKeys && !TlsSetup.IsConfigured(configuration))
        {
            logger.LogWarning("API keys are required, but without TLS they cross the network in clear text; configure LocalVision:Tls:CertificatePath. "
                + "Keys and audit log: {Location}", store.Location);
        }
        else
        {
            logger.LogInformation("Calls need an API key (x-api-key or authorization: Bearer){Tokens}. Keys and audit log: {Location}",
                BearerTokens.FromConfiguration(configuration) is null ? "" : " or a JWT from the configured issuer", store.Location);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
