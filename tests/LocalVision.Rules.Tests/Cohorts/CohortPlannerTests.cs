using LocalVision.Graph.Store;
using LocalVision.Rules.Cohorts;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Tests.Evaluation.Support;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Cohorts;

/// <summary>The cohort planner over a real store, with no server: candidates read to the last page, scores, the empty case.</summary>
public sealed class CohortPlannerTests
{
    private static readonly DateOnly AsOf = new(2015, 9, 1);

    private static async Task<TempStore> ApplicantsAsync(int count)
    {
        var temp = TempStore.Create();
        for (var i = 0; i < count; i++)
        {
            var graph = new InitiativeGraph($"applicant-{i:00}").With("applicant", true).With("funding", 1000 + i);
            await temp.Store.WriteAsync(graph.Batch(), WriteOptions.None, CancellationToken.None);
        }
        return temp;
    }

    private static CohortPlanRequest Request(int size, params string[] candidates) =>
        new(candidates, NodeFilter.Parse("applicant = true"), size, [], null, AsOf);

    [Fact]
    public async Task Plan_MoreApplicantsThanOnePage_ConsidersEveryApplicant()
    {
        await using var temp = await ApplicantsAsync(5);
        var planner = new CohortPlanner(temp.Store, new EvaluationEngine(temp.Store), pageSize: 2);

        var result = await planner.PlanAsync(Request(2), CancellationToken.None);

        var considered = result.Selected.Concat(result.Excluded).Select(d => d.Candidate.Initiative).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"initiatives/applicant-{i:00}"), considered);
        Assert.Equal(2, result.Selected.Count);
    }

    [Fact]
    public async Task Plan_EqualReadiness_PicksTheCheapestAndReadsFundingAndLocality()
    {
        await using var temp = await ApplicantsAsync(3);
        var planner = new CohortPlanner(temp.Store, new EvaluationEngine(temp.Store));

        var result = await planner.PlanAsync(Request(1), CancellationToken.None);

        var pick = Assert.Single(result.Selected).Candidate;
        Assert.Equal(("initiatives/applicant-00", 1000.0, "localities/applicant-00"), (pick.Initiative, pick.Funding, pick.Locality));
        Assert.Equal(["UNITARY"], pick.Attributes["laType"]);
        Assert.Contains(result.Warnings, w => w.Contains("too few evaluated projects", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_NoApplicantMarked_ThrowsNoCandidates()
    {
        await using var temp = TempStore.Create();
        await temp.Store.WriteAsync(new InitiativeGraph("not-applying").Batch(), WriteOptions.None, CancellationToken.None);
        var planner = new CohortPlanner(temp.Store, new EvaluationEngine(temp.Store));

        await Assert.ThrowsAsync<NoCohortCandidatesException>(() => planner.PlanAsync(Request(1), CancellationToken.None));
    }

    [Fact]
    public async Task Plan_NamedCandidateNotInTheGraph_ThrowsNotFound()
    {
        await using var temp = await ApplicantsAsync(1);
        var planner = new CohortPlanner(temp.Store, new EvaluationEngine(temp.Store));

        var error = await Assert.ThrowsAsync<NodeNotFoundException>(() => planner.PlanAsync(Request(1, "initiatives/nowhere"), CancellationToken.None));
        Assert.Equal("initiatives/nowhere", error.Name);
    }
}
