using Grpc.Core;
using LocalVision.Server.Grpc;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>
/// The model list through a real channel (#18): the 1,000-model default, <c>max_models</c> 0 for every model,
/// pages that stay within a small message limit and together hold the whole list, and R's refusal.
/// </summary>
public sealed class ModelListTests : IAsyncLifetime
{
    /// <summary>Small enough that the 1,024 models below need many pages.</summary>
    private const int MaxMessageBytes = 64 * 1024;

    private const int Pairs = 10;

    private RunningServer _server = null!;

    private InsightService.InsightServiceClient Client => new(_server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // These tests are about pages, not time: each page re-runs the minimisation of a 1,024-model table, which on a
    // loaded machine can pass the default 30 s budget for expensive calls, so the budget is lifted out of the way.
    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: false, $"--LocalVision:Limits:MaxMessageBytes={MaxMessageBytes}",
            $"--{ExpensiveCallBudget.Setting}=600");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>
    /// Conditions X1, Y1, …, X10, Y10; one negative case with every condition present, and for each pair a
    /// positive case with only that pair absent. Any term avoiding the negative row needs an absence, and only
    /// ~Xi or ~Yi covers the i-th positive case: the parsimonious models are the 2^10 = 1,024 ways of choosing
    /// one of each pair, all of ten terms.
    /// </summary>
    private static MinimizeTruthTableRequest ManyModels()
    {
        var conditions = Enumerable.Range(1, Pairs).SelectMany(i => new[] { "X" + i, "Y" + i }).ToList();
        var request = new MinimizeTruthTableRequest { Outcome = "OUT", InclusionCutoff = 1, SolutionType = SolutionType.Parsimonious, CaseTable = new CaseTable() };
        request.Conditions.AddRange(conditions);
        var negative = new Case { Name = "all", Memberships = { ["OUT"] = 0 } };
        conditions.ForEach(c => negative.Memberships[c] = 1);
        request.CaseTable.Cases.Add(negative);
        for (var i = 1; i <= Pairs; i++)
        {
            var positive = new Case { Name = "without" + i, Memberships = { ["OUT"] = 1 } };
            conditions.ForEach(c => positive.Memberships[c] = c == "X" + i || c == "Y" + i ? 0 : 1);
            request.CaseTable.Cases.Add(positive);
        }
        return request;
    }

    [Fact]
    public async Task MinimizeTruthTable_MaxModelsUnset_StopsAtTheThousandWithAWarning()
    {
        var models = await AllPagesAsync(ManyModels());

        Assert.Equal(1000, models.Count);
        Assert.Contains(_lastWarnings, w => w.Contains("more equally minimal models than the 1000 returned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinimizeTruthTable_MaxModelsZero_EveryModelComesInPagesWithinTheMessageLimit()
    {
        var request = ManyModels();
        request.MaxModels = 0;

        var models = await AllPagesAsync(request);

        Assert.True(_pages > 1, $"{_pages} page(s)");
        Assert.Equal(1 << Pairs, models.Count);
        Assert.Equal(Enumerable.Range(1, 1 << Pairs).Select(i => "M" + i), models.Select(m => m.Name));
        // Every choice of one absence from each pair, each once.
        var sets = models.Select(m => string.Join(" + ", m.Terms.Select(t => t.Expression).Order(StringComparer.Ordinal))).ToHashSet();
        Assert.Equal(1 << Pairs, sets.Count);
        Assert.All(models, m => Assert.Equal(Pairs, m.Terms.Count));
        Assert.DoesNotContain(_lastWarnings, w => w.Contains("more equally minimal models", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinimizeTruthTable_MaxModelsThree_GivesThreeAndTheTotal()
    {
        var request = ManyModels();
        request.MaxModels = 3;

        var response = await Client.MinimizeTruthTableAsync(request, cancellationToken: Ct);

        Assert.Equal(3, response.Models.Count);
        Assert.Equal(3, response.TotalModels);
        Assert.Empty(response.NextPageToken);
    }

    [Fact]
    public async Task MinimizeTruthTable_PageTokenOfAnotherRequest_IsInvalidArgument()
    {
        var request = ManyModels();
        request.MaxModels = 0;
        var first = await Client.MinimizeTruthTableAsync(request, cancellationToken: Ct);
        var other = ManyModels();
        other.MaxModels = 0;
        other.InclusionCutoff = 0.9;
        other.PageToken = first.NextPageToken;

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.MinimizeTruthTableAsync(other, cancellationToken: Ct));

        Assert.NotEmpty(first.NextPageToken);
        RpcAssert.HasViolation(error, "page_token");
    }

    [Fact]
    public async Task MinimizeTruthTable_NegativeMaxModels_IsInvalidArgument()
    {
        var request = ManyModels();
        request.MaxModels = -1;

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.MinimizeTruthTableAsync(request, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "max_models");
    }

    /// <summary>
    /// R's QCA refuses the intermediate solution when no row is negative ("All truth table configurations are
    /// used, all conditions are minimized"): FAILED_PRECONDITION saying so, where the conservative one answers.
    /// </summary>
    [Fact]
    public async Task MinimizeTruthTable_IntermediateWithoutANegativeRow_IsFailedPreconditionInRsWords()
    {
        var request = ManyModels();
        request.CaseTable.Cases.RemoveAt(0);
        request.SolutionType = SolutionType.Intermediate;
        request.DirectionalExpectations["X1"] = 1;

        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Client.MinimizeTruthTableAsync(request, cancellationToken: Ct));
        request.SolutionType = SolutionType.Conservative;
        var conservative = await Client.MinimizeTruthTableAsync(request, cancellationToken: Ct);

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations);
        Assert.Equal(("ALL_CONFIGURATIONS_USED", "solution_type"), (violation.Type, violation.Subject));
        Assert.StartsWith("All truth table configurations are used, all conditions are minimized", error.Status.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(conservative.Models);
    }

    private int _pages;
    private IReadOnlyList<string> _lastWarnings = [];

    /// <summary>Follows next_page_token to the end, checking that each page is within the message limit.</summary>
    private async Task<List<SolutionModel>> AllPagesAsync(MinimizeTruthTableRequest request)
    {
        var models = new List<SolutionModel>();
        var totals = new List<int>();
        _pages = 0;
        do
        {
            var response = await Client.MinimizeTruthTableAsync(request, cancellationToken: Ct);
            _pages++;
            Assert.InRange(response.CalculateSize(), 1, MaxMessageBytes);
            models.AddRange(response.Models);
            totals.Add(response.TotalModels);
            _lastWarnings = response.Warnings;
            request.PageToken = response.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        Assert.All(totals, total => Assert.Equal(models.Count, total));
        return models;
    }
}
