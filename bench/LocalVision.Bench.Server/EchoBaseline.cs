using System.Net;
using Grpc.Core;
using LocalVision.Bench.V1;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LocalVision.Bench.Server;

/// <summary>An echo service on Kestrel with LocalVision's endpoint settings: the ceiling any handler can reach here.</summary>
public static class EchoBaseline
{
    /// <param name="canned">The responses the canned baseline returns, in turn.</param>
    public static async Task<WebApplication> StartAsync(IReadOnlyList<LocalVision.V1.Subgraph> canned)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new CannedResponses(canned));
        var app = builder.Build();
        app.MapGrpcService<EchoHandler>();
        await app.StartAsync();
        return app;
    }

    public static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private sealed record CannedResponses(IReadOnlyList<LocalVision.V1.Subgraph> Items);

    private sealed class EchoHandler(CannedResponses canned) : EchoService.EchoServiceBase
    {
        public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);

        public override Task<LocalVision.V1.Subgraph> Canned(CannedRequest request, ServerCallContext context) =>
            Task.FromResult(canned.Items[request.Index % canned.Items.Count]);
    }
}
