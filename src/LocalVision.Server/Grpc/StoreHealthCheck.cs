using LocalVision.Graph.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LocalVision.Server.Grpc;

/// <summary>
/// Healthy while the store answers a read. The read is a ping, not a count: probes come many times a minute, and a
/// count over a national store (millions of records) took longer than a probe waits, so a working server looked dead.
/// </summary>
public sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"the store at {store.Location} answers");
        }
        catch (GraphStoreUnavailableException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
