using LocalVision.Graph.Import;
using LocalVision.Graph.Store;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Hosting;

/// <summary>
/// Before the service takes calls: loads the sample dataset into an empty store, then logs where the store is
/// and what it holds.
/// </summary>
public sealed class SampleDataSeeder(IGraphStore store, IOptions<LocalVisionOptions> options, ILogger<SampleDataSeeder> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var counts = await store.CountAsync(cancellationToken);
        var seed = options.Value.Seed;
        if (counts.Nodes == 0 && seed.Enabled)
        {
            if (File.Exists(seed.Path))
            {
                await foreach (var batch in JsonLinesReader.ReadFileAsync(seed.Path, 1000, cancellationToken))
                {
                    await store.WriteAsync(batch, WriteOptions.None, cancellationToken);
                }
                logger.LogInformation("Loaded the sample dataset from {Path}", seed.Path);
                counts = await store.CountAsync(cancellationToken);
            }
            else
            {
                logger.LogWarning("The store is empty and the sample dataset {Path} is missing; starting empty", seed.Path);
            }
        }
        logger.LogInformation("Store {Location} (embedded SQLite) holds {Nodes} nodes and {Relationships} relationships",
            store.Location, counts.Nodes, counts.Relationships);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class SampleDataSetup
{
    public static WebApplicationBuilder AddSampleDataSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<SampleDataSeeder>();
        return builder;
    }
}
