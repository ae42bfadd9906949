using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Server.Access;
using LocalVision.Server.Grpc;
using LocalVision.Server.Tests.Hosting;
using LocalVision.Testing.Builders;
using LocalVision.Testing.Stores;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using WriteOptions = LocalVision.Graph.Store.WriteOptions;

namespace LocalVision.Server.Tests.Network;

/// <summary>
/// Projection builds under the expensive-call budget, through a real channel (issue #15, "Done when"): a
/// label-filtered build on a generated store of 50k ties answers within the budget; a build that cannot finish in a
/// 1 s budget ends RESOURCE_EXHAUSTED saying the build goes on, and the next call uses that same build; the admin
/// stats count it all. And a call whose budget ends while its result's records are looked up ends RESOURCE_EXHAUSTED
/// too, not with a late answer.
/// </summary>
public sealed class ProjectionBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LabelFilteredProjection_FiftyThousandTies_AnswersWithinTheBudget()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        await WritePartnerNetworkAsync(server.Services.GetRequiredService<IGraphStore>(), partners: 10_000, ties: 50_000, people: 2_000);
        var network = new NetworkService.NetworkServiceClient(server.Channel);
        var request = new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Degree, Top = 3, Labels = { "Partner" } };

        using var call = network.ComputeCentrality(request, cancellationToken: Ct);
        var scores = await call.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);
        var stats = await new AdminService.AdminServiceClient(server.Channel).GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);

        // Ten ties per partner on average, each counted at both ends: the busiest have more than the mean's 10/9999.
        Assert.Equal(3, scores.Count);
        Assert.All(scores, s => Assert.StartsWith("partners/", s.Name, StringComparison.Ordinal));
        Assert.True(scores[0].Score > 10.0 / 9_999, $"top degree {scores[0].Score}");
        Assert.Equal(1, stats.ProjectionCache.Entries);
        Assert.Equal(1, stats.ProjectionCache.Misses);
        Assert.InRange(stats.ProjectionCache.SizeBytes, 50_000 * 4, stats.ProjectionCache.CapacityBytes);
    }

    [Fact]
    public async Task SlowBuild_OneSecondBudget_IsResourceExhaustedAndTheBuildGoesOnForTheNextCall()
    {
        GatedStore? gated = null;
        await using var server = await RunningServer.StartWithServicesAsync(services => gated = services.GateTheStore(), $"--{ExpensiveCallBudget.Setting}=1");
        await WritePartnerNetworkAsync(server.Services.GetRequiredService<IGraphStore>(), partners: 200, ties: 1_000, people: 0);
        var network = new NetworkService.NetworkServiceClient(server.Channel);
        var admin = new AdminService.AdminServiceClient(server.Channel);
        var request = new DetectCommunitiesRequest { Algorithm = CommunityAlgorithm.Wcc, Labels = { "Partner" } };

        var clock = Stopwatch.StartNew();
        var error = await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () => network.DetectCommunitiesAsync(request, cancellationToken: Ct).ResponseAsync);
        var waited = clock.Elapsed;
        var info = error.GetRpcStatus()?.GetDetail<ErrorInfo>();
        var during = await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);
        gated!.Open();
        var response = await network.DetectCommunitiesAsync(request, cancellationToken: Ct);
        var after = await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);

        Assert.True(gated.Reached.IsCompleted, "the build never reached the store, so nothing was slow");
        // A hang check, not a speed claim: the budget is 1 s, the gate never opens by itself.
        Assert.True(waited < TimeSpan.FromSeconds(10), $"waited {waited}");
        Assert.NotNull(info);
        Assert.Equal(ExpensiveCallBudget.Reason, info.Reason);
        Assert.Equal("1", info.Metadata["seconds"]);
        Assert.Equal("building", info.Metadata["projection"]);
        Assert.Contains("the read goes on", error.Status.Detail, StringComparison.Ordinal);
        // While building: one entry, one miss, nothing built yet to count in bytes.
        Assert.Equal((1, 1L, 0L), (during.ProjectionCache.Entries, during.ProjectionCache.Misses, during.ProjectionCache.SizeBytes));
        // The second call joined the same build: still one miss, now one hit, and the projection's bytes.
        Assert.Equal(200, response.Communities.Sum(c => c.Members.Count));
        Assert.Equal((1, 1L, 1L), (after.ProjectionCache.Entries, after.ProjectionCache.Misses, after.ProjectionCache.Hits));
        Assert.True(after.ProjectionCache.SizeBytes > 0);
    }

    [Fact]
    public async Task FindPaths_BudgetEndsWhileItsRelationshipsAreLookedUp_IsResourceExhausted()
    {
        GatedStore? gated = null;
        await using var server = await RunningServer.StartWithServicesAsync(services => gated = services.GateTheStore(), $"--{ExpensiveCallBudget.Setting}=3");
        await WritePartnerNetworkAsync(server.Services.GetRequiredService<IGraphStore>(), partners: 50, ties: 200, people: 0);
        gated!.Open();
        gated.HoldLookupsPastTheirCaller();
        var network = new NetworkService.NetworkServiceClient(server.Channel);
        var request = new FindPathsRequest { From = "partners/p00000", To = "partners/p00001", Labels = { "Partner" } };

        var error = await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () => network.FindPathsAsync(request, cancellationToken: Ct).ResponseAsync);
        var info = error.GetRpcStatus()?.GetDetail<ErrorInfo>();

        // The budget ran out in the lookup, which still answered: the handler, not the store, refused the late answer.
        Assert.True(gated.LookupOutlastedItsCaller.IsCompleted, "no lookup outlasted the call, so the budget ran out somewhere else");
        Assert.NotNull(info);
        Assert.Equal(ExpensiveCallBudget.Reason, info.Reason);
        Assert.False(info.Metadata.ContainsKey("projection"), "the projection was still building");
    }

    [Fact]
    public async Task ServerStats_RepeatedAndNewSpecs_CountHitsMissesEntriesAndBytes()
    {
        await using var server = await RunningServer.StartAsync(seed: true);
        var network = new NetworkService.NetworkServiceClient(server.Channel);
        var admin = new AdminService.AdminServiceClient(server.Channel);
        var before = await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);

        await network.DetectCommunitiesAsync(new DetectCommunitiesRequest { Algorithm = CommunityAlgorithm.Louvain, Labels = { "Partner", "Initiative" } }, cancellationToken: Ct);
        await network.DetectCommunitiesAsync(new DetectCommunitiesRequest { Algorithm = CommunityAlgorithm.Wcc, Labels = { "Initiative", "Partner" } }, cancellationToken: Ct);
        var one = await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);
        await network.DetectCommunitiesAsync(new DetectCommunitiesRequest { Algorithm = CommunityAlgorithm.Wcc, Labels = { "Enabler", "Initiative" } }, cancellationToken: Ct);
        var two = await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct);

        Assert.Equal((0, 0L, 0L, 0L), (before.ProjectionCache.Entries, before.ProjectionCache.Hits, before.ProjectionCache.Misses, before.ProjectionCache.SizeBytes));
        // The same labels in another order are the same projection: one build, one hit.
        Assert.Equal((1, 1L, 1L), (one.ProjectionCache.Entries, one.ProjectionCache.Hits, one.ProjectionCache.Misses));
        Assert.Equal((2, 1L, 2L), (two.ProjectionCache.Entries, two.ProjectionCache.Hits, two.ProjectionCache.Misses));
        Assert.True(two.ProjectionCache.SizeBytes > one.ProjectionCache.SizeBytes && one.ProjectionCache.SizeBytes > 0);
        Assert.True(two.ProjectionCache.CapacityBytes >= two.ProjectionCache.SizeBytes);
    }

    [Fact]
    public async Task ServerStats_WithoutTheAdminRole_IsPermissionDenied()
    {
        await using var server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["reader"] = Roles.Reader });
        var admin = new AdminService.AdminServiceClient(server.As("reader"));

        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct).ResponseAsync);
    }

    /// <summary>Partners joined by distinct random ties (seeded), and people working for them (left out by a Partner filter).</summary>
    private static async Task WritePartnerNetworkAsync(IGraphStore store, int partners, int ties, int people)
    {
        var nodes = Enumerable.Range(0, partners).Select(i => GraphBuilders.Partner($"p{i:D5}", i % 2 == 0 ? "CCG" : "LOCAL_AUTHORITY")).ToList();
        nodes.AddRange(Enumerable.Range(0, people).Select(i => GraphBuilders.Person($"person{i:D5}")));
        await store.WriteAsync(new GraphBatch(nodes, []), WriteOptions.None, Ct);
        var random = new Random(15);
        var seen = new HashSet<(int, int)>();
        var relationships = new List<GraphRelationship>();
        while (seen.Count < ties)
        {
            var (a, b) = (random.Next(partners), random.Next(partners));
            if (a != b && seen.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                relationships.Add(GraphBuilders.Relationship("COLLABORATES_WITH", nodes[Math.Min(a, b)], nodes[Math.Max(a, b)]));
            }
        }
        relationships.AddRange(Enumerable.Range(0, people).Select(i => GraphBuilders.Relationship("WORKS_FOR", nodes[partners + i], nodes[i % partners])));
        foreach (var chunk in relationships.Chunk(5_000))
        {
            await store.WriteAsync(new GraphBatch([], chunk), WriteOptions.None, Ct);
        }
    }
}
