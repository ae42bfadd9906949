using LocalVision.Graph.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalVision.Server.Grpc;

/// <summary>Healthy while the store answers a count.</summary>
public sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var counts = await store.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{counts.Nodes} nodes");
        }
        catch (GraphStoreUnavailableException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
