using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Server.Tests.Hosting;
using LocalVision.Testing.Builders;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using WriteOptions = LocalVision.Graph.Store.WriteOptions;

namespace LocalVision.Server.Tests.Network;

/// <summary>
/// A write between two network calls, through a real channel (issue #15 point 3): the cached projection is brought up
/// to date from the store's changes, so the next call sees the new tie without the projection being read again.
/// </summary>
public sealed class IncrementalProjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindPaths_AfterATieIsWritten_SeesItAndTheStatsCountAPatchNotABuild()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var store = server.Services.GetRequiredService<IGraphStore>();
        var partners = Enumerable.Range(0, 6).Select(i => GraphBuilders.Partner($"p{i}")).ToList();
        // A chain p0 - p1 - ... - p5: five hops end to end.
        await store.WriteAsync(new GraphBatch(partners, partners.Zip(partners.Skip(1), (a, b) => GraphBuilders.Relationship("COLLABORATES_WITH", a, b)).ToList()),
            WriteOptions.None, Ct);
        var network = new NetworkService.NetworkServiceClient(server.Channel);
        var graph = new GraphService.GraphServiceClient(server.Channel);
        var admin = new AdminService.AdminServiceClient(server.Channel);
        var request = new FindPathsRequest { From = "partners/p0", To = "partners/p5", Labels = { "Partner" } };

        var before = await network.FindPathsAsync(request, cancellationToken: Ct);
        await graph.UpsertRelationshipsAsync(new UpsertRelationshipsRequest
        {
            Relationships = { new Relationship { Type = "COLLABORATES_WITH", Start = "partners/p0", End = "partners/p5" } },
        }, cancellationToken: Ct);
        var after = await network.FindPathsAsync(request, cancellationToken: Ct);
        var stats = await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);

        Assert.Equal(5, before.Paths.Single().Relationships.Count);
        var shortcut = after.Paths.Single();
        Assert.Equal(("partners/p0", "partners/p5"), (shortcut.Relationships.Single().Start, shortcut.Relationships.Single().End));
        Assert.Equal((1L, 1L, 0L, 1), (stats.ProjectionCache.Misses, stats.ProjectionCache.Patches, stats.ProjectionCache.Hits, stats.ProjectionCache.Entries));
    }

    [Fact]
    public async Task FindPaths_AfterANewNodeAndItsTie_RebuildsAndSeesThem()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var store = server.Services.GetRequiredService<IGraphStore>();
        var (a, b) = (GraphBuilders.Partner("a"), GraphBuilders.Partner("b"));
        await store.WriteAsync(new GraphBatch([a, b], [GraphBuilders.Relationship("COLLABORATES_WITH", a, b)]), WriteOptions.None, Ct);
        var network = new NetworkService.NetworkServiceClient(server.Channel);
        var admin = new AdminService.AdminServiceClient(server.Channel);
        await network.FindPathsAsync(new FindPathsRequest { From = a.Name, To = b.Name, Labels = { "Partner" } }, cancellationToken: Ct);

        var c = GraphBuilders.Partner("c");
        await store.WriteAsync(new GraphBatch([c], [GraphBuilders.Relationship("COLLABORATES_WITH", b, c)]), WriteOptions.None, Ct);
        var path = await network.FindPathsAsync(new FindPathsRequest { From = a.Name, To = c.Name, Labels = { "Partner" } }, cancellationToken: Ct);
        var stats = await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);

        Assert.Equal(2, path.Paths.Single().Relationships.Count);
        Assert.Equal((2L, 0L), (stats.ProjectionCache.Misses, stats.ProjectionCache.Patches));
    }
}
