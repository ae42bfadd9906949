using LocalVision.Graph.Store;
using LocalVision.Testing.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace LocalVision.Testing.Hosting;

/// <summary>A running server's store behind a <see cref="GatedStore"/>, for tests that hold reads back.</summary>
public static class GatedServices
{
    /// <summary>Puts a <see cref="GatedStore"/> around the configured store (for <see cref="RunningServer.StartWithServicesAsync"/>).</summary>
    public static GatedStore GateTheStore(this IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IGraphStore));
        services.Remove(original);
        // The store is opened while the services are added; the factory hands back that instance.
        var gated = new GatedStore((IGraphStore)original.ImplementationFactory!(null!));
        services.AddSingleton<IGraphStore>(_ => gated);
        return gated;
    }
}
