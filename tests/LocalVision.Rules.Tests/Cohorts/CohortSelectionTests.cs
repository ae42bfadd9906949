using CsCheck;
using LocalVision.Rules.Cohorts;

namespace LocalVision.Rules.Tests.Cohorts;

public sealed class CohortSelectionTests
{
    private static CohortCandidate Candidate(string name, double score, string laType = "UNITARY", double funding = 27_000, string? locality = null) =>
        new($"initiatives/{name}", locality ?? $"localities/{name}",
            new Dictionary<string, IReadOnlyList<string>> { ["laType"] = [laType] }, funding, score, []);

    [Fact]
    public void Select_MinimumPerLaType_PicksALowerScoringLondonBoroughOverAHigherUnitary()
    {
        var request = new CohortRequest(
            [Candidate("a", 5), Candidate("b", 4), Candidate("c", 3), Candidate("hackney", 1, "LONDON_BOROUGH")],
            Size: 2,
            [new CohortConstraint("laType", "LONDON_BOROUGH", 1, null)]);

        var result = CohortSelection.Select(request, TestContext.Current.CancellationToken);

        Assert.Equal(["initiatives/a", "initiatives/hackney"], result.Selected.Select(d => d.Candidate.Initiative).Order());
        Assert.Equal(6, result.TotalScore);
        Assert.True(result.Optimal);
        Assert.Contains(result.Selected.Single(d => d.Candidate.Initiative == "initiatives/hackney").Reasons, r => r.Contains("minimum for laType = LONDON_BOROUGH"));
        Assert.Contains(result.Excluded.Single(d => d.Candidate.Initiative == "initiatives/b").Reasons, r => r.Contains("scores 5 against 6"));
    }

    [Fact]
    public void Select_TwoProjectsInOneLocality_TakesOnlyTheBetterAndSaysWhy()
    {
        var request = new CohortRequest([Candidate("p1", 5, locality: "localities/plymouth"), Candidate("p2", 4, locality: "localities/plymouth"), Candidate("k", 1)], 2, []);

        var result = CohortSelection.Select(request, TestContext.Current.CancellationToken);

        Assert.Equal(["initiatives/k", "initiatives/p1"], result.Selected.Select(d => d.Candidate.Initiative).Order());
        Assert.Contains(result.Excluded.Single().Reasons, r => r.Contains("already represented by initiatives/p1"));
    }

    [Fact]
    public void Select_Budget_KeepsTheTotalWithinIt()
    {
        var request = new CohortRequest([Candidate("rich", 10, funding: 90_000), Candidate("b", 4), Candidate("c", 3)], 2, [], Budget: 60_000);

        var result = CohortSelection.Select(request, TestContext.Current.CancellationToken);

        Assert.Equal(["initiatives/b", "initiatives/c"], result.Selected.Select(d => d.Candidate.Initiative).Order());
        Assert.True(result.TotalFunding <= 60_000);
    }

    [Fact]
    public void Select_BudgetBelowTheCheapestCohort_IsProvedInfeasibleWithoutSearching()
    {
        // 20 places at £20,000 each cannot fit £399,999; the cheapest-cohort bound sees it at the root.
        var candidates = Enumerable.Range(0, 300).Select(i => Candidate($"applicant-{i}", i % 7, funding: 20_000)).ToArray();
        var request = new CohortRequest(candidates, 20, [], Budget: 399_999, SearchBudget: 1_000);

        var error = Assert.Throws<CohortInfeasibleException>(() => CohortSelection.Select(request, TestContext.Current.CancellationToken));

        Assert.Contains("over the budget", error.Message);
    }

    [Fact]
    public void Select_SearchBudgetRunsOutBeforeAnyCohort_SaysOneMayStillExistInsteadOfNoneExists()
    {
        var request = new CohortRequest([Candidate("a", 3), Candidate("b", 2), Candidate("c", 1)], 2, [], SearchBudget: 1);

        var error = Assert.Throws<CohortSearchExhaustedException>(() => CohortSelection.Select(request, TestContext.Current.CancellationToken));

        Assert.Contains("may still exist", error.Message);
    }

    [Fact]
    public void Select_ImpossibleMinimum_SaysWhichConstraintCannotBeMet()
    {
        var request = new CohortRequest([Candidate("a", 1), Candidate("b", 1)], 2, [new CohortConstraint("laType", "COUNTY", 1, null)]);

        var error = Assert.Throws<CohortInfeasibleException>(() => CohortSelection.Select(request, TestContext.Current.CancellationToken));

        Assert.Contains("laType = COUNTY", error.Message);
    }

    /// <summary>
    /// A cancelled token stops the branch and bound itself. 300 applicants with scattered readiness and funding, under a
    /// budget so tight that the search (whose bound ignores the budget) visits its whole budget of two million nodes
    /// without finding a cohort: only the search's own checks can end it with a cancellation rather than a
    /// CohortInfeasibleException, since the explanations that check the token too come after a cohort is found.
    /// </summary>
    [Fact]
    public void Select_LargeApplicantSetCancelled_StopsTheSearch()
    {
        string[] types = ["UNITARY", "COUNTY", "LONDON_BOROUGH", "METROPOLITAN_BOROUGH"];
        var random = new Random(8);
        var candidates = Enumerable.Range(0, 300)
            .Select(i =>
            {
                var laType = types[random.Next(types.Length)];
                var funding = 10_000 + random.Next(0, 9) * 5_000;
                return Candidate($"applicant-{i}", Math.Round(random.NextDouble() * 10, 2), laType, funding);
            })
            .ToArray();
        var request = new CohortRequest(candidates, 15,
            [new CohortConstraint("laType", "COUNTY", 3, null), new CohortConstraint("laType", "LONDON_BOROUGH", 3, 5)],
            Budget: 382_500, SearchBudget: 2_000_000);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CohortSelection.Select(request, cancelled.Token));
    }

    /// <summary>Branch and bound agrees with trying every subset on small random instances.</summary>
    [Fact]
    public void Select_RandomInstances_MatchesBruteForce()
    {
        var candidate = Gen.Select(Gen.Int[0, 20], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[1, 4]);
        Gen.Select(candidate.Array[3, 9], Gen.Int[1, 4], Gen.Int[0, 2], Gen.Int[60, 200]).Sample((raw, size, minimum, budgetK) =>
        {
            string[] types = ["UNITARY", "COUNTY", "LONDON_BOROUGH", "METROPOLITAN_BOROUGH"];
            var candidates = raw.Select((c, i) => Candidate($"c{i}", c.Item1 - 5, types[c.Item2], c.Item4 * 20_000, $"localities/l{c.Item3}")).ToArray();
            var request = new CohortRequest(candidates, size, [new CohortConstraint("laType", "LONDON_BOROUGH", minimum, null)], Budget: budgetK * 1000);

            var brute = BruteForce(request);
            CohortResult? result = null;
            try
            {
                result = CohortSelection.Select(request, TestContext.Current.CancellationToken);
            }
            catch (CohortInfeasibleException)
            {
            }

            if (brute is null)
            {
                return result is null;
            }
            return result is not null && Math.Abs(result.TotalScore - brute.Value) < 1e-9;
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    private static double? BruteForce(CohortRequest request)
    {
        var n = request.Candidates.Count;
        var size = Math.Min(request.Size, n);
        double? best = null;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var picks = Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).Select(i => request.Candidates[i]).ToList();
            if (picks.Count != size
                || picks.Select(p => p.Locality).Distinct().Count() != picks.Count
                || picks.Sum(p => p.Funding) > request.Budget
                || request.Constraints.Any(c => picks.Count(c.Matches) < c.Min || (c.Max is { } max && picks.Count(c.Matches) > max)))
            {
                continue;
            }
            var score = picks.Sum(p => p.Score);
            best = best is null ? score : Math.Max(best.Value, score);
        }
        return best;
    }
}
