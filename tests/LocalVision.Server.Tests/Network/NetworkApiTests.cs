using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Network;

/// <summary>NetworkService over the shipped dataset, through a real channel.</summary>
public sealed class NetworkApiTests(SeededServerFixture fixture)
{
    private NetworkService.NetworkServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] PartnerNetwork = ["Partner", "Initiative", "Enabler"];
    private static readonly string[] PartnerTies = ["PARTNER_IN", "ENABLES"];

    [Fact]
    public async Task FindPaths_PartnersInDifferentLocalities_GoThroughTheirProjectsAndTheSharedEnabler()
    {
        var request = new FindPathsRequest { From = "partners/hackney-council", To = "partners/merton-council" };
        request.Labels.AddRange(PartnerNetwork);
        request.RelationshipTypes.AddRange(PartnerTies);

        var response = await Client.FindPathsAsync(request, cancellationToken: Ct);

        var path = Assert.Single(response.Paths);
        Assert.Equal(
            ["partners/hackney-council", "initiatives/hackney-local-vision", "enablers/fir", "initiatives/merton-local-vision", "partners/merton-council"],
            path.Nodes.Select(n => n.Name));
        Assert.Equal(4, path.Relationships.Count);
        Assert.Equal(4, path.Cost);
    }

    [Fact]
    public async Task FindPaths_KShortest_ComeShortestFirst()
    {
        var request = new FindPathsRequest { From = "partners/hackney-council", To = "partners/merton-council", K = 3, MaxDepth = 8 };
        request.Labels.AddRange(PartnerNetwork);

        var response = await Client.FindPathsAsync(request, cancellationToken: Ct);

        Assert.NotEmpty(response.Paths);
        Assert.Equal(response.Paths.Select(p => p.Relationships.Count).Order(), response.Paths.Select(p => p.Relationships.Count));
    }

    [Fact]
    public async Task FindPaths_UnknownNodeAndBadBounds_AreNotFoundAndInvalidArgument()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Client.FindPathsAsync(
            new FindPathsRequest { From = "partners/nobody", To = "partners/merton-council" }, cancellationToken: Ct));
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.FindPathsAsync(
            new FindPathsRequest { From = "partners/hackney-council", To = "partners/merton-council", K = 500, MaxDepth = 99 }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "k");
        RpcAssert.HasViolation(error, "max_depth");
    }

    [Fact]
    public async Task SimulateRemoval_TheBridgingEnabler_SplitsHackneyFromMerton()
    {
        var request = new SimulateRemovalRequest { Remove = "enablers/fir" };
        request.Labels.AddRange(PartnerNetwork);
        request.RelationshipTypes.AddRange(PartnerTies);

        var response = await Client.SimulateRemovalAsync(request, cancellationToken: Ct);

        Assert.Equal(response.Before.Nodes - 1, response.After.Nodes);
        Assert.True(response.After.Edges < response.Before.Edges);
        Assert.True(response.After.Components > response.Before.Components);
        Assert.NotEmpty(response.Disconnected);
    }

    [Fact]
    public async Task ComputeCentrality_Betweenness_StreamsRankedScoresWithEnablersAmongTheBrokers()
    {
        var request = new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Betweenness, Top = 10 };
        request.Labels.AddRange(PartnerNetwork);
        request.RelationshipTypes.AddRange(PartnerTies);
        using var call = Client.ComputeCentrality(request, cancellationToken: Ct);

        var scores = await call.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);

        Assert.Equal(10, scores.Count);
        Assert.Equal(Enumerable.Range(1, 10), scores.Select(s => s.Rank));
        Assert.Equal(scores.Select(s => s.Score).OrderDescending(), scores.Select(s => s.Score));
        Assert.Contains(scores, s => s.Label == "Enabler");
    }

    [Fact]
    public async Task DetectCommunities_Louvain_CoversEveryNodeOnceWithModularityInRange()
    {
        var request = new DetectCommunitiesRequest { Algorithm = V1.CommunityAlgorithm.Louvain };
        request.Labels.AddRange(PartnerNetwork);

        var response = await Client.DetectCommunitiesAsync(request, cancellationToken: Ct);
        var members = response.Communities.SelectMany(c => c.Members).ToList();

        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.InRange(response.Modularity, 0.1, 1);
    }

    [Fact]
    public async Task GetNetworkMetrics_PlymouthThenAndNow_ReportsTheScopesMetricsAndChange()
    {
        var response = await Client.GetNetworkMetricsAsync(new GetNetworkMetricsRequest
        {
            Scope = "localities/plymouth",
            AsOf = Timestamp.FromDateTime(new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            CompareTo = Timestamp.FromDateTime(new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        }, cancellationToken: Ct);

        Assert.True(response.Metrics.Nodes > 5);
        Assert.InRange(response.Metrics.Density, 0, 1);
        Assert.NotNull(response.Compared);
        Assert.NotEmpty(response.TiesGained);
        Assert.True(response.Metrics.Edges > response.Compared.Edges);
    }

    [Fact]
    public async Task GetNetworkMetrics_Sampled_SaysEstimatedAndDiameterIsALowerBound()
    {
        var exact = await Client.GetNetworkMetricsAsync(new GetNetworkMetricsRequest { Scope = "localities/plymouth" }, cancellationToken: Ct);
        var all = await Client.GetNetworkMetricsAsync(new GetNetworkMetricsRequest { Scope = "localities/plymouth", SampleSize = 100000, Seed = 1 }, cancellationToken: Ct);
        var sampled = await Client.GetNetworkMetricsAsync(new GetNetworkMetricsRequest { Scope = "localities/plymouth", SampleSize = 3, Seed = 1 }, cancellationToken: Ct);
        var removal = await Client.SimulateRemovalAsync(new SimulateRemovalRequest { Remove = "enablers/fir", SampleSize = 3, Seed = 1 }, cancellationToken: Ct);

        Assert.Equal(exact.Metrics, all.Metrics);
        Assert.False(exact.Metrics.Estimated);
        Assert.True(sampled.Metrics.Estimated && sampled.Metrics.DiameterIsLowerBound);
        Assert.Equal(3, sampled.Metrics.SampledSources);
        Assert.InRange(sampled.Metrics.Diameter, 0, exact.Metrics.Diameter);
        Assert.Equal((exact.Metrics.Nodes, exact.Metrics.Edges, exact.Metrics.Components), (sampled.Metrics.Nodes, sampled.Metrics.Edges, sampled.Metrics.Components));
        Assert.True(removal.Before.Estimated && removal.After.DiameterIsLowerBound);
    }

    [Fact]
    public async Task SampleSize_OfOneOrWithCompareTo_IsInvalidArgument()
    {
        var one = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.GetNetworkMetricsAsync(
            new GetNetworkMetricsRequest { SampleSize = 1 }, cancellationToken: Ct));
        var compared = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.GetNetworkMetricsAsync(
            new GetNetworkMetricsRequest { SampleSize = 5, CompareTo = Timestamp.FromDateTime(new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc)) }, cancellationToken: Ct));
        var removal = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.SimulateRemovalAsync(
            new SimulateRemovalRequest { Remove = "enablers/fir", SampleSize = -2 }, cancellationToken: Ct));

        RpcAssert.HasViolation(one, "sample_size");
        RpcAssert.HasViolation(compared, "sample_size");
        RpcAssert.HasViolation(removal, "sample_size");
    }

    [Fact]
    public async Task GetNetworkMetrics_ScopeThatIsNotALocality_IsInvalidArgument()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.GetNetworkMetricsAsync(
            new GetNetworkMetricsRequest { Scope = "partners/hackney-council" }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "scope");
    }

    [Fact]
    public async Task GetEgoNetwork_OfAnEnabler_ReachesBothItsProjects()
    {
        var response = await Client.GetEgoNetworkAsync(new GetEgoNetworkRequest { Name = "enablers/fir", Depth = 1 }, cancellationToken: Ct);

        Assert.Contains(response.Nodes, n => n.Name == "initiatives/hackney-local-vision");
        Assert.Contains(response.Nodes, n => n.Name == "initiatives/merton-local-vision");
    }
}
