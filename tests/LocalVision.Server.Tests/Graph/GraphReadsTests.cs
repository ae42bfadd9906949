using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Graph;

/// <summary>Reading the shipped sample dataset through GraphService, as a client tool would.</summary>
public sealed class GraphReadsTests(SeededServerFixture fixture)
{
    private GraphService.GraphServiceClient Graph => fixture.Server.Graph;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetNode_Plymouth_ReturnsTheLocalityWithItsIndicators()
    {
        var plymouth = await Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct);

        Assert.Equal("Locality", plymouth.Label);
        Assert.Equal("UNITARY", plymouth.Properties.Fields["laType"].StringValue);
        Assert.True(plymouth.Properties.Fields["indicators"].StructValue.Fields.Count >= 8);
    }

    [Fact]
    public async Task ListNodes_FilterOnAPropertyNoNodeOfTheLabelHas_IsInvalidArgumentSuggestingTheOneMeant()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Graph.ListNodesAsync(
            new ListNodesRequest { Label = "Partner", Filter = "kidn = \"CCG\"" }, cancellationToken: Ct).ResponseAsync);
        var allowed = await Graph.ListNodesAsync(
            new ListNodesRequest { Label = "Partner", Filter = "kidn = \"CCG\"", AllowUnknownProperties = true }, cancellationToken: Ct);
        var stored = await Graph.ListNodesAsync(new ListNodesRequest { Label = "Locality", Filter = "indicators.population.value > 0" }, cancellationToken: Ct);
        var misspeltPath = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Graph.ListNodesAsync(
            new ListNodesRequest { Label = "Locality", Filter = "indicators.populaton.value > 0" }, cancellationToken: Ct).ResponseAsync);

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("filter", violation.Field);
        Assert.Contains("no Partner node has the property `kidn`; did you mean `kind`?", violation.Description);
        Assert.Equal(0, allowed.TotalSize);
        Assert.True(stored.TotalSize > 0);
        Assert.Contains("`indicators.populaton.value`", misspeltPath.Status.Detail);
    }

    [Fact]
    public async Task ListNodes_AMisspeltLabel_SuggestsTheOneMeant()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Graph.ListNodesAsync(
            new ListNodesRequest { Label = "Partnr" }, cancellationToken: Ct).ResponseAsync);

        Assert.Contains("did you mean `Partner`?", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Description);
    }

    [Fact]
    public async Task GetNode_UnknownName_IsNotFound()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.NotFound,
            () => Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/atlantis" }, cancellationToken: Ct));

        Assert.Contains("localities/atlantis", error.Status.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plymouth")]
    [InlineData("LOCALITIES/PLYMOUTH")]
    public async Task GetNode_MalformedName_IsInvalidArgumentOnName(string name)
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.GetNodeAsync(new GetNodeRequest { Name = name }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "name");
    }

    [Fact]
    public async Task ListNodes_Observations_PagesToTheEndWithoutRepeats()
    {
        var names = new List<string>();
        var token = "";
        var total = 0;
        do
        {
            var page = await Graph.ListNodesAsync(new ListNodesRequest { Label = "Observation", PageSize = 40, PageToken = token }, cancellationToken: Ct);
            names.AddRange(page.Nodes.Select(n => n.Name));
            total = page.TotalSize;
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.True(total > 100);
        Assert.Equal(total, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task ListNodes_FilterOnProperties_KeepsOnlyMatches()
    {
        var momentum = await Graph.ListNodesAsync(new ListNodesRequest { Label = "Observation", Filter = "code = \"MOMENTUM\" AND score >= 0.75", PageSize = 100 }, cancellationToken: Ct);

        Assert.NotEmpty(momentum.Nodes);
        Assert.All(momentum.Nodes, n =>
        {
            Assert.Equal("MOMENTUM", n.Properties.Fields["code"].StringValue);
            Assert.True(n.Properties.Fields["score"].NumberValue >= 0.75);
        });
    }

    [Theory]
    [InlineData("Pirate", "", 0, "label")]
    [InlineData("Partner", "kind ==", 0, "filter")]
    [InlineData("Partner", "kind = CCG", 0, "filter")]
    [InlineData("Partner", "", -1, "page_size")]
    public async Task ListNodes_BadRequest_IsInvalidArgumentOnTheField(string label, string filter, int pageSize, string field)
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.ListNodesAsync(new ListNodesRequest { Label = label, Filter = filter, PageSize = pageSize }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, field);
    }

    [Fact]
    public async Task ListNodes_ForgedPageToken_IsInvalidArgument()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.ListNodesAsync(new ListNodesRequest { Label = "Partner", PageToken = "not-a-token" }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "page_token");
    }

    [Fact]
    public async Task ListRelationships_OfAnInitiative_IncludesItsObservationsAndLeadPartner()
    {
        var observed = await Graph.ListRelationshipsAsync(new ListRelationshipsRequest
        {
            Node = "initiatives/plymouth-local-vision", Type = "OBSERVED", Direction = Direction.Outgoing, PageSize = 1000,
        }, cancellationToken: Ct);
        var partners = await Graph.ListRelationshipsAsync(new ListRelationshipsRequest
        {
            Node = "initiatives/plymouth-local-vision", Type = "PARTNER_IN", Direction = Direction.Incoming,
        }, cancellationToken: Ct);

        Assert.True(observed.Relationships.Count >= 10);
        Assert.Single(partners.Relationships, r => r.Properties.Fields["role"].StringValue == "LEAD");
    }

    [Fact]
    public async Task GetNeighborhood_OfPlymouthProject_ReachesItsLocalityAndEvidenceAtDepthTwo()
    {
        var subgraph = await Graph.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = "initiatives/plymouth-local-vision", Depth = 2 }, cancellationToken: Ct);

        Assert.Contains(subgraph.Nodes, n => n.Name == "localities/plymouth");
        Assert.Contains(subgraph.Nodes, n => n.Label == "Evidence");
        Assert.All(subgraph.Relationships, r =>
        {
            Assert.Contains(subgraph.Nodes, n => n.Name == r.Start);
            Assert.Contains(subgraph.Nodes, n => n.Name == r.End);
        });
    }

    [Theory]
    [InlineData(7, 0, "depth")]
    [InlineData(-1, 0, "depth")]
    [InlineData(1, 100_000, "limit")]
    public async Task GetNeighborhood_BeyondBounds_IsInvalidArgument(int depth, int limit, string field)
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Graph.GetNeighborhoodAsync(
            new GetNeighborhoodRequest { Name = "localities/plymouth", Depth = depth, Limit = limit }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, field);
    }

    [Fact]
    public async Task GetNeighborhood_UnknownTypeAndLabel_AreInvalidArgument()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Graph.GetNeighborhoodAsync(
            new GetNeighborhoodRequest { Name = "localities/plymouth", RelationshipTypes = { "LOVES" }, Labels = { "Dragon" } }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "relationship_types[0]");
        RpcAssert.HasViolation(error, "labels[0]");
    }

    [Fact]
    public async Task Health_Overall_IsServing()
    {
        var health = new Health.HealthClient(fixture.Server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesGraphService()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "localvision.v1.GraphService");
    }

    [Fact]
    public async Task GetNode_DeadlineAlreadyPassed_IsDeadlineExceeded()
    {
        await RpcAssert.ThrowsAsync(StatusCode.DeadlineExceeded, () => Graph.GetNodeAsync(
            new GetNodeRequest { Name = "localities/plymouth" }, deadline: DateTime.UtcNow.AddSeconds(-1), cancellationToken: Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Partner,Initiative")]
    public async Task ExportGraph_FirstMessage_SaysHowManyRecordsToExpect(string labelList)
    {
        var labels = labelList.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var request = new ExportGraphRequest { BatchSize = 100 };
        request.Labels.AddRange(labels);
        using var export = Graph.ExportGraph(request, cancellationToken: Ct);
        var messages = await export.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);

        var first = messages[0];
        Assert.Equal(messages.Sum(m => m.Nodes.Count), first.ExpectedNodes);
        if (labels.Length == 0)
        {
            Assert.Equal(messages.Sum(m => m.Relationships.Count), first.ExpectedRelationships);
        }
        else
        {
            Assert.InRange(messages.Sum(m => m.Relationships.Count), 1, first.ExpectedRelationships);
        }
        Assert.All(messages.Skip(1), m => Assert.Equal(0, m.ExpectedNodes + m.ExpectedRelationships));
    }
}
