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

        Assert.Contains("at least 1 county is asked for, but only 0 applicants qualify", error.Message);
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

    [Fact]
    public void Select_TieOnReadiness_ChoosesTheCheaperCohortAndSaysSoInTheReasons()
    {
        var request = new CohortRequest([Candidate("top", 4), Candidate("dear", 2, funding: 81_000), Candidate("cheap", 2, funding: 54_000)], 2, []);

        var result = CohortSelection.Select(request, TestContext.Current.CancellationToken);

        Assert.Equal(["initiatives/cheap", "initiatives/top"], result.Selected.Select(d => d.Candidate.Initiative).Order());
        var dear = Assert.Single(result.Excluded).Reasons;
        Assert.Contains(dear, r => r.Contains("ties with the chosen one on readiness (6) but costs £108,000 against £81,000, and ties go to the cheaper cohort (it would replace initiatives/cheap)"));
        Assert.Contains(result.Selected.Single(d => d.Candidate.Initiative == "initiatives/cheap").Reasons,
            r => r == "chosen on the tie-break over initiatives/dear: the same total readiness for £27,000 less");
    }

    [Fact]
    public void Select_TieOnReadinessAndFunding_ChoosesTheHigherRankedByNameAndSaysWhy()
    {
        var request = new CohortRequest([Candidate("bexley", 3.5), Candidate("aldershot", 3.5), Candidate("croydon", 3.5), Candidate("camden", 5)], 2, []);

        var result = CohortSelection.Select(request, TestContext.Current.CancellationToken);

        Assert.Equal(["initiatives/aldershot", "initiatives/camden"], result.Selected.Select(d => d.Candidate.Initiative).Order());
        var reason = result.Excluded.Single(d => d.Candidate.Initiative == "initiatives/bexley").Reasons.Last();
        Assert.Equal("the best cohort that includes it ties with the chosen one on readiness (8.5) and funding (£54,000), and such ties go to the higher-ranked "
            + "applicant where the two differ: initiatives/aldershot (the same readiness and funding, so the name decided: it comes first) (it would replace initiatives/aldershot)", reason);
        Assert.Contains(result.Selected.Single(d => d.Candidate.Initiative == "initiatives/aldershot").Reasons,
            r => r == "chosen on the tie-break over initiatives/bexley and initiatives/croydon: the same readiness and funding, so the name decided: it comes first");
        Assert.Contains("higher-ranked applicant", CohortSelection.TieBreak);
    }

    [Fact]
    public void Select_ScoresThatRoundAlike_AreShownWithTheDecimalsThatTellThemApart()
    {
        var request = new CohortRequest([Candidate("a", 3.504), Candidate("b", 3.5)], 1, []);

        var result = CohortSelection.Select(request, TestContext.Current.CancellationToken);

        Assert.Contains(result.Excluded.Single().Reasons, r => r.Contains("scores 3.5 against 3.504"));
    }

    [Fact]
    public void Select_CandidateDearerThanTheBudget_SaysSoInPounds()
    {
        var request = new CohortRequest([Candidate("rich", 10, funding: 90_000), Candidate("b", 4), Candidate("c", 3)], 2, [], Budget: 60_000);

        var result = CohortSelection.Select(request, TestContext.Current.CancellationToken);

        Assert.Contains(result.Excluded.Single().Reasons, r => r == "its funding £90,000 alone exceeds the budget of £60,000");
    }

    [Fact]
    public void Select_MinimumMoreThanQualify_NamesTheConstraintAndHowFarToLowerIt()
    {
        var request = new CohortRequest([Candidate("a", 1), Candidate("hackney", 1, "LONDON_BOROUGH"), Candidate("merton", 1, "LONDON_BOROUGH")], 3,
            [new CohortConstraint("laType", "UNITARY", 1, null), new CohortConstraint("laType", "LONDON_BOROUGH", 3, null)]);

        var error = Assert.Throws<CohortInfeasibleException>(() => CohortSelection.Select(request, TestContext.Current.CancellationToken));

        var binding = Assert.Single(error.Binding);
        Assert.Equal("constraints[1]", binding.Subject);
        Assert.Equal("at least 3 London boroughs are asked for, but only 2 applicants qualify", binding.Binds);
        Assert.Equal("lower the minimum to 2, or add applicants in London boroughs", binding.Relax);
    }

    [Fact]
    public void Select_BudgetUnderTheCheapestCohort_SaysWhatItWouldTakeAndWhatItPaysFor()
    {
        var request = new CohortRequest([Candidate("a", 1, funding: 40_000), Candidate("b", 1, funding: 30_000), Candidate("c", 1, funding: 27_000)], 3, [], Budget: 60_000);

        var error = Assert.Throws<CohortInfeasibleException>(() => CohortSelection.Select(request, TestContext.Current.CancellationToken));

        var binding = Assert.Single(error.Binding);
        Assert.Equal("budget", binding.Subject);
        Assert.Equal("the 3 cheapest applicants together cost £97,000, over the budget of £60,000", binding.Binds);
        Assert.Equal("raise the budget to £97,000, or fund 2 projects, the most it pays for", binding.Relax);
    }

    [Fact]
    public void Select_BudgetAndMinimumTogether_NamesBothAndTheNearestSettingOfEach()
    {
        // Either alone can be met; London boroughs are dear, so two of them and a third project cost £130,000.
        var request = new CohortRequest(
            [Candidate("a", 5, funding: 20_000), Candidate("b", 4, funding: 20_000), Candidate("hackney", 1, "LONDON_BOROUGH", 50_000), Candidate("merton", 1, "LONDON_BOROUGH", 60_000)],
            3, [new CohortConstraint("laType", "LONDON_BOROUGH", 2, null)], Budget: 100_000);

        var error = Assert.Throws<CohortInfeasibleException>(() => CohortSelection.Select(request, TestContext.Current.CancellationToken));

        Assert.Equal(["budget", "constraints[0]"], error.Binding.Select(b => b.Subject));
        Assert.Equal("raise the budget to £130,000", error.Binding[0].Relax);
        Assert.Equal("lower the minimum to 1", error.Binding[1].Relax);
        Assert.Contains("no cohort has at least 2 London boroughs", error.Binding[1].Binds);
    }

    /// <summary>
    /// Branch and bound agrees with trying every subset on small random instances: the same cohort, ties included
    /// (small whole scores and four funding levels make many), broken by the stated rule.
    /// </summary>
    [Fact]
    public void Select_RandomInstances_MatchesBruteForceIncludingTheTieBreak()
    {
        var candidate = Gen.Select(Gen.Int[0, 20], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[1, 4]);
        Gen.Select(candidate.Array[3, 9], Gen.Int[1, 4], Gen.Int[0, 2], Gen.Int[60, 200]).Sample((raw, size, minimum, budgetK) =>
        {
            var request = RandomRequest(raw, size, minimum, budgetK);

            var brute = BruteForce(request);
            var chosen = Chosen(request);

            return brute is null ? chosen is null : chosen is not null && brute.SequenceEqual(chosen);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    /// <summary>
    /// The same on instances made of ties: readiness 0 to 2 and three funding levels, so cohorts often tie on both and
    /// the ranking of their members decides, funding before name.
    /// </summary>
    [Fact]
    public void Select_RandomInstancesFullOfTies_MatchesBruteForce()
    {
        var candidate = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 7], Gen.Int[1, 3]);
        Gen.Select(candidate.Array[4, 10], Gen.Int[2, 4], Gen.Int[0, 1], Gen.Int[100, 400]).Sample((raw, size, minimum, budgetK) =>
        {
            var request = RandomRequest(raw.Select(c => (c.Item1 + 5, c.Item2, c.Item3, c.Item4)).ToArray(), size, minimum, budgetK);

            var brute = BruteForce(request);
            var chosen = Chosen(request);

            return brute is null ? chosen is null : chosen is not null && brute.SequenceEqual(chosen);
        }, iter: 500, seed: "0N0XIzNsQ0O2");
    }

    /// <summary>
    /// What an infeasible request is told holds, as trying every subset confirms: a constraint said to bind by itself
    /// leaves no cohort with the others dropped, and a change offered for constraints that bind together makes one possible.
    /// </summary>
    [Fact]
    public void Select_RandomInfeasibleInstances_EveryBindingConstraintAndRelaxationIsTrue()
    {
        var candidate = Gen.Select(Gen.Int[0, 20], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[1, 4]);
        var (alone, together) = (0, 0);
        Gen.Select(candidate.Array[3, 8], Gen.Int[1, 5], Gen.Int[0, 3], Gen.Int[40, 160]).Sample((raw, size, minimum, budgetK) =>
        {
            var request = RandomRequest(raw, size, minimum, budgetK);
            if (BruteForce(request) is not null)
            {
                return true;
            }
            var error = Assert.Throws<CohortInfeasibleException>(() => CohortSelection.Select(request, TestContext.Current.CancellationToken));
            if (error.Together)
            {
                together++;
                return error.Binding.All(b => Relaxed(request, b) is { } relaxed && BruteForce(relaxed) is not null);
            }
            alone++;
            return error.Binding.Count > 0 && error.Binding.All(b => BruteForce(Only(request, b)) is null);
        }, iter: 400, seed: "0N0XIzNsQ0O2");
        Assert.True(alone > 20 && together > 0, $"drew {alone} instances ruled out by one constraint and {together} by constraints together");
    }

    /// <summary>The request with only what a binding constraint names: that constraint, the budget, the minimums, or nothing but the places.</summary>
    private static CohortRequest Only(CohortRequest request, BindingConstraint binding) => binding.Subject switch
    {
        "budget" => request with { Constraints = [] },
        "size" => request with { Budget = null },
        "candidates" => request with { Constraints = [], Budget = null },
        var subject => request with
        {
            Budget = null,
            Constraints = [request.Constraints[int.Parse(subject["constraints[".Length..^1], System.Globalization.CultureInfo.InvariantCulture)]],
        },
    };

    /// <summary>The request with one stated relaxation applied (the first alternative offered), or null when it is not a number to set.</summary>
    private static CohortRequest? Relaxed(CohortRequest request, BindingConstraint binding)
    {
        var relax = binding.Relax.Split(", or ")[0];
        var number = System.Text.RegularExpressions.Regex.Match(relax, @"[\d,]+$").Value.Replace(",", "", StringComparison.Ordinal);
        if (relax.StartsWith("raise the budget to £", StringComparison.Ordinal))
        {
            return request with { Budget = double.Parse(number, System.Globalization.CultureInfo.InvariantCulture) };
        }
        if (relax.StartsWith("fund ", StringComparison.Ordinal))
        {
            return request with { Size = int.Parse(relax.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) };
        }
        if (relax == "drop this minimum" || relax.StartsWith("lower the minimum to ", StringComparison.Ordinal))
        {
            var index = int.Parse(binding.Subject["constraints[".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            var min = relax == "drop this minimum" ? 0 : int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
            return request with { Constraints = [.. request.Constraints.Select((c, i) => i == index ? c with { Min = min } : c)] };
        }
        return null;
    }

    /// <summary>The names of the cohort chosen, sorted, or null when the request is infeasible.</summary>
    private static List<string>? Chosen(CohortRequest request)
    {
        try
        {
            return [.. CohortSelection.Select(request, TestContext.Current.CancellationToken).Selected.Select(d => d.Candidate.Initiative).Order(StringComparer.Ordinal)];
        }
        catch (CohortInfeasibleException)
        {
            return null;
        }
    }

    private static CohortRequest RandomRequest((int, int, int, int)[] raw, int size, int minimum, int budgetK)
    {
        string[] types = ["UNITARY", "COUNTY", "LONDON_BOROUGH", "METROPOLITAN_BOROUGH"];
        var candidates = raw.Select((c, i) => Candidate($"c{i}", c.Item1 - 5, types[c.Item2], c.Item4 * 20_000, $"localities/l{c.Item3}")).ToArray();
        return new CohortRequest(candidates, size, [new CohortConstraint("laType", "LONDON_BOROUGH", minimum, null)], Budget: budgetK * 1000);
    }

    /// <summary>
    /// The cohort every subset tried would choose: the most ready, then the cheapest, then the one holding the
    /// highest-ranked applicant of those where two differ (ranked by readiness, lower funding, name); its names, sorted.
    /// </summary>
    private static List<string>? BruteForce(CohortRequest request)
    {
        var ranked = request.Candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Funding).ThenBy(c => c.Initiative, StringComparer.Ordinal).ToList();
        var n = ranked.Count;
        var size = Math.Min(request.Size, n);
        (double Score, double Funding, int[] Ranks)? best = null;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var ranks = Enumerable.Range(0, n).Where(i => (mask & (1 << i)) != 0).ToArray();
            var picks = ranks.Select(i => ranked[i]).ToList();
            if (picks.Count != size
                || picks.Select(p => p.Locality).Distinct().Count() != picks.Count
                || picks.Sum(p => p.Funding) > request.Budget
                || request.Constraints.Any(c => picks.Count(c.Matches) < c.Min || (c.Max is { } max && picks.Count(c.Matches) > max)))
            {
                continue;
            }
            var score = picks.Sum(p => p.Score);
            var funding = picks.Sum(p => p.Funding);
            if (best is not { } b
                || score > b.Score + 1e-9
                || (Math.Abs(score - b.Score) <= 1e-9 && (funding < b.Funding - 1e-6
                    || (Math.Abs(funding - b.Funding) <= 1e-6 && ranks.Except(b.Ranks).Min() < b.Ranks.Except(ranks).Min()))))
            {
                best = (score, funding, ranks);
            }
        }
        return best?.Ranks.Select(i => ranked[i].Initiative).Order(StringComparer.Ordinal).ToList();
    }
}
