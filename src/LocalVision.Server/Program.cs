using LocalVision.Graph.Store;
using LocalVision.Server.Access;
using LocalVision.Server.Admin;
using LocalVision.Server.Grpc;
using LocalVision.Server.Hosting;
using LocalVision.Server.Migration;

namespace LocalVision.Server;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["keys", .. var keyArgs])
        {
            return await KeysCommand.RunAsync(keyArgs, Console.Out, Console.Error, CancellationToken.None);
        }
        if (args is ["migrate", .. var migrateArgs])
        {
            return await MigrateCommand.RunInConsoleAsync(migrateArgs);
        }
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (Exception e) when (e is GraphStoreUnavailableException or StartupConfigurationException)
        {
            await Console.Error.WriteLineAsync($"LocalVision cannot start: {e.Message}");
            return 1;
        }
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (e.Message.StartsWith("Failed to bind", StringComparison.Ordinal))
        {
            // Kestrel's own words name the address and why ("address already in use"); the rest is what to do.
            await Console.Error.WriteLineAsync($"LocalVision cannot start: {e.Message.TrimEnd('.')}; stop what holds it, or choose another --grpc-port, --web-port or --bind");
            return 1;
        }
        return 0;
    }

    /// <summary>The service, in the order it is put together.</summary>
    /// <param name="overrides">Changes to the services after they are all added (tests wrap the store with it); null for none.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddLocalVisionConfiguration(args);
        builder.AddRequestLogging();
        builder.AddEndpoints();
        builder.AddWeb();
        builder.AddAccessControl();
        builder.AddGraphStore();
        builder.AddAdministration();
        builder.AddSampleDataSeeding();
        builder.AddGrpcApi();
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRequestLogging();
        app.MapGrpcApi();
        app.MapWeb();
        app.MapAccessApi();
        app.MapAdminApi();
        return app;
    }
}
