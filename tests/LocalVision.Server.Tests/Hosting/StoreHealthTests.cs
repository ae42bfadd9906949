using Grpc.Health.V1;
using LocalVision.Testing.Stores;

namespace LocalVision.Server.Tests.Hosting;

/// <summary>
/// The health check through a real channel: it asks the store for a ping, not a count. A count reads every record,
/// and on a national store it took longer than a probe waits, so a working server looked dead.
/// </summary>
public sealed class StoreHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_WhileCountsCannotFinish_IsServing()
    {
        GatedStore? gated = null;
        await using var server = await RunningServer.StartWithServicesAsync(services => gated = services.GateTheStore());
        gated!.HoldCounts();
        var health = new Health.HealthClient(server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        gated.Open();
    }
}
