using System.Net;
using Grpc.AspNetCore.Server;
using LocalVision.Server.Hosting;

namespace LocalVision.Server.Access;

/// <summary>Settings of access control (section <c>LocalVision:Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "LocalVision:Access";

    /// <summary>The key and audit file; empty means beside the store (<c>graph.db</c> → <c>graph.access.db</c>).</summary>
    public string Path { get; set; } = "";
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
        var store = OpenStore(builder.Configuration, options.Store);
        var tokens = BearerTokens.FromConfiguration(builder.Configuration);
        var loopback = IPAddress.TryParse(options.Bind, out var address) && IPAddress.IsLoopback(address);
        if (!loopback && tokens is null && !store.HasActiveKeys())
        {
            throw new StartupConfigurationException(
                $"--bind {options.Bind} serves beyond this machine, and no API key exists in {store.Path} (nor is a JWT issuer configured), "
                + $"so anyone could read confidential evidence; {CreateKeyHint}, then start again (or bind to 127.0.0.1)");
        }
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new KeyAuthenticator(store, requireKeys: !loopback, tokens));
        // First in the chain, so refusals come before any handler or error translation and audits see final statuses.
        builder.Services.PostConfigure<GrpcServiceOptions>(grpc =>
        {
            grpc.Interceptors.Add<AccessInterceptor>();
            var registration = grpc.Interceptors[^1];
            grpc.Interceptors.RemoveAt(grpc.Interceptors.Count - 1);
            grpc.Interceptors.Insert(0, registration);
        });
        builder.Services.AddHostedService<AccessModeReport>();
        return builder;
    }

    public static WebApplication MapAccessApi(this WebApplication app)
    {
        app.MapGrpcService<AccessApi>();
        return app;
    }

    /// <summary>The key and audit file the settings name.</summary>
    /// <exception cref="StartupConfigurationException">It cannot be opened, or the settings name no graph store.</exception>
    public static AccessStore OpenStore(IConfiguration configuration, StoreOptions graphStore)
    {
        var configured = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        var path = configured.Path.Length > 0 ? configured.Path : GraphStoreAddress.From(graphStore).DefaultAccessPath;
        try
        {
            return AccessStore.Open(path);
        }
        catch (AccessStoreException e)
        {
            throw new StartupConfigurationException(e.Message);
        }
    }
}

/// <summary>Says at start-up whether calls need keys, loudly when they do not.</summary>
public sealed class AccessModeReport(KeyAuthenticator authenticator, AccessStore store, IConfiguration configuration, ILogger<AccessModeReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (authenticator.IsOpen)
        {
            logger.LogWarning("No API key exists, so this service serves WITHOUT AUTHENTICATION on loopback: every local caller is admin "
                + "and sees confidential evidence. To require keys, " + AccessSetup.CreateKeyHint + ". Keys and audit log: {Path}", store.Path);
        }
        else if (authenticator.RequiresKeys && !TlsSetup.IsConfigured(configuration))
        {
            logger.LogWarning("API keys are required, but without TLS they cross the network in clear text; configure LocalVision:Tls:CertificatePath. "
                + "Keys and audit log: {Path}", store.Path);
        }
        else
        {
            logger.LogInformation("Calls need an API key (x-api-key or authorization: Bearer){Tokens}. Keys and audit log: {Path}",
                BearerTokens.FromConfiguration(configuration) is null ? "" : " or a JWT from the configured issuer", store.Path);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
