using LocalVision.Graph.Store;

namespace LocalVision.Server.Hosting;

public static class GraphStoreSetup
{
    /// <summary>Opens the configured store now, so a store that cannot be used stops start-up with its reason.</summary>
    public static WebApplicationBuilder AddGraphStore(this WebApplicationBuilder builder)
    {
        var address = GraphStoreAddress.From(builder.GetLocalVisionOptions().Store);
        if (address.Note is { } note)
        {
            // Said before the host (and its logging) exists, as start-up failures are.
            Console.Error.WriteLine($"LocalVision: {note}");
        }
        // Start-up is synchronous; there is no context to deadlock on yet.
        var store = address.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        // Created by a factory so the container disposes it (releasing the file) when the host stops.
        builder.Services.AddSingleton<IGraphStore>(_ => store);
        return builder;
    }
}
