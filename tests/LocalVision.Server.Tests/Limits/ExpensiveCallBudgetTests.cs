using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Server.Grpc;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// The server's time budget for expensive calls (<c>LocalVision:Limits:ExpensiveCallSeconds</c>). A budget of 0 refuses
/// every expensive call before it starts, so which calls it covers is tested without racing a clock; cheap calls never
/// see it.
/// </summary>
public sealed class ExpensiveCallBudgetTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: true, $"--{ExpensiveCallBudget.Setting}=0");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static TheoryData<string> ExpensiveMethods =>
    [
        "GetNeighborhood", "ExportGraph", "EvaluateInitiative", "StreamEvaluations",
        "BuildTruthTable", "MinimizeTruthTable", "TestRobustness", "EvaluateTheory", "FindCases", "SelectCohort", "FindPaths", "ComputeCentrality", "DetectCommunities", "SimulateRemoval",
    ];

    [Theory]
    [MemberData(nameof(ExpensiveMethods))]
    public async Task ExpensiveCall_ZeroBudget_IsResourceExhaustedNamingTheLimit(string method)
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () => CallAsync(_server.Channel, method));

        var info = error.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(ExpensiveCallBudget.Reason, info.Reason);
        Assert.Equal(ExpensiveCallBudget.Setting, info.Metadata["limit"]);
        Assert.Equal("0", info.Metadata["seconds"]);
    }

    [Fact]
    public async Task CheapCalls_ZeroBudget_AreUnaffected()
    {
        var node = await _server.Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct);
        var page = await _server.Graph.ListNodesAsync(new ListNodesRequest { Label = "Initiative", PageSize = 5 }, cancellationToken: Ct);

        Assert.Equal("localities/plymouth", node.Name);
        Assert.Equal(5, page.Nodes.Count);
    }

    /// <summary>
    /// 300 applicants, each in its own locality and each asking £20,000, for a cohort of 20 within £399,999: judging
    /// 300 applicants by the rules takes far longer than 50 ms, so under that budget the call stops (wherever it is)
    /// as RESOURCE_EXHAUSTED naming the limit, instead of running on; the store is untouched.
    /// </summary>
    [Fact]
    public async Task SelectCohort_LargeApplicantSetOverTheBudget_StopsAsResourceExhausted()
    {
        await using var server = await RunningServer.StartAsync(seed: false, $"--{ExpensiveCallBudget.Setting}=0.05");
        await AddApplicantsAsync(server, count: 300);
        var insight = new InsightService.InsightServiceClient(server.Channel);

        var error = await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted,
            () => insight.SelectCohortAsync(new SelectCohortRequest { Size = 20, Budget = 399_999 }, cancellationToken: Ct));

        Assert.Equal(ExpensiveCallBudget.Reason, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal("localities/applicant-0", (await server.Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/applicant-0" }, cancellationToken: Ct)).Name);
    }

    private static async Task AddApplicantsAsync(RunningServer server, int count)
    {
        var nodes = new UpsertNodesRequest();
        var relationships = new UpsertRelationshipsRequest();
        for (var i = 0; i < count; i++)
        {
            nodes.Nodes.Add(new Node
            {
                Name = $"localities/applicant-{i}",
                Label = "Locality",
                Properties = new Struct { Fields = { ["name"] = Value.ForString($"Place {i}"), ["laType"] = Value.ForString("UNITARY") } },
            });
            var initiative = WireNodes.Initiative($"applicant-{i}");
            initiative.Properties.Fields["applicant"] = Value.ForBool(true);
            initiative.Properties.Fields["funding"] = Value.ForNumber(20_000);
            nodes.Nodes.Add(initiative);
            relationships.Relationships.Add(new Relationship { Type = "IN_LOCALITY", Start = initiative.Name, End = $"localities/applicant-{i}" });
        }
        await server.Graph.UpsertNodesAsync(nodes, cancellationToken: Ct);
        await server.Graph.UpsertRelationshipsAsync(relationships, cancellationToken: Ct);
    }

    /// <summary>One valid request to the named method over the sample dataset, read to its end.</summary>
    private static async Task CallAsync(ChannelBase channel, string method)
    {
        var graph = new GraphService.GraphServiceClient(channel);
        var evaluation = new EvaluationService.EvaluationServiceClient(channel);
        var insight = new InsightService.InsightServiceClient(channel);
        var network = new NetworkService.NetworkServiceClient(channel);
        switch (method)
        {
            case "GetNeighborhood":
                await graph.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = "localities/plymouth", Depth = 2 }, cancellationToken: Ct);
                break;
            case "ExportGraph":
                await ReadToEndAsync(graph.ExportGraph(new ExportGraphRequest(), cancellationToken: Ct));
                break;
            case "EvaluateInitiative":
                await evaluation.EvaluateInitiativeAsync(new EvaluateInitiativeRequest { Name = "initiatives/plymouth-local-vision" }, cancellationToken: Ct);
                break;
            case "StreamEvaluations":
                await ReadToEndAsync(evaluation.StreamEvaluations(new StreamEvaluationsRequest(), cancellationToken: Ct));
                break;
            case "BuildTruthTable":
                await insight.BuildTruthTableAsync(new BuildTruthTableRequest { Conditions = { "SENIOR_ENGAGEMENT_EARLY", "DEDICATED_SUPPORT" } }, cancellationToken: Ct);
                break;
            case "MinimizeTruthTable":
                await insight.MinimizeTruthTableAsync(new MinimizeTruthTableRequest { Conditions = { "SENIOR_ENGAGEMENT_EARLY", "DEDICATED_SUPPORT" } }, cancellationToken: Ct);
                break;
            case "TestRobustness":
                await insight.TestRobustnessAsync(
                    new TestRobustnessRequest { Minimization = new MinimizeTruthTableRequest { Conditions = { "SENIOR_ENGAGEMENT_EARLY" } }, LeaveOneCaseOut = true }, cancellationToken: Ct);
                break;
            case "EvaluateTheory":
                await insight.EvaluateTheoryAsync(
                    new EvaluateTheoryRequest { Minimization = new MinimizeTruthTableRequest { Conditions = { "SENIOR_ENGAGEMENT_EARLY" } }, Theory = "SENIOR_ENGAGEMENT_EARLY" }, cancellationToken: Ct);
                break;
            case "FindCases":
                await insight.FindCasesAsync(
                    new FindCasesRequest { Minimization = new MinimizeTruthTableRequest { Conditions = { "SENIOR_ENGAGEMENT_EARLY" } } }, cancellationToken: Ct);
                break;
            case "SelectCohort":
                await insight.SelectCohortAsync(new SelectCohortRequest { Size = 2, Candidates = { "initiatives/plymouth-local-vision", "initiatives/hackney-local-vision" } }, cancellationToken: Ct);
                break;
            case "FindPaths":
                await network.FindPathsAsync(new FindPathsRequest { From = "partners/hackney-council", To = "partners/merton-council" }, cancellationToken: Ct);
                break;
            case "ComputeCentrality":
                await ReadToEndAsync(network.ComputeCentrality(new ComputeCentralityRequest { Algorithm = CentralityAlgorithm.Betweenness }, cancellationToken: Ct));
                break;
            case "DetectCommunities":
                await network.DetectCommunitiesAsync(new DetectCommunitiesRequest { Algorithm = CommunityAlgorithm.Louvain }, cancellationToken: Ct);
                break;
            case "SimulateRemoval":
                await network.SimulateRemovalAsync(new SimulateRemovalRequest { Remove = "enablers/fir" }, cancellationToken: Ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "no request for this method");
        }
    }

    private static async Task ReadToEndAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            await call.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);
        }
    }
}
