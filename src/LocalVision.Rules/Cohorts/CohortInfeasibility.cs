namespace LocalVision.Rules.Cohorts;

/// <summary>A constraint that keeps out every cohort, in words, with what would let one in.</summary>
/// <param name="Subject">What binds, as the request names it: <c>constraints[i]</c>, <c>budget</c>, <c>size</c> or <c>candidates</c>.</param>
/// <param name="Binds">Why no cohort meets it, e.g. "at least 3 London boroughs are asked for, but only 2 applicants qualify".</param>
/// <param name="Relax">The change that would make a cohort possible, e.g. "lower the minimum to 2, or add applicants in London boroughs".</param>
public sealed record BindingConstraint(string Subject, string Binds, string Relax)
{
    public override string ToString() => $"{Binds} ({Relax})";
}

public static partial class CohortSelection
{
    /// <summary>
    /// Why no cohort of <paramref name="size"/> exists: first what any one constraint rules out alone (a minimum more
    /// applicants than qualify, a budget under the cheapest cohort); when none does, the constraints bind together, and
    /// each is relaxed in turn, by search, to the nearest setting at which a cohort exists.
    /// </summary>
    private static CohortInfeasibleException Infeasible(CohortCandidate[] ordered, int size, CohortRequest request, CancellationToken cancellationToken)
    {
        var alone = AloneBinding(ordered, size, request);
        if (alone.Count > 0)
        {
            return new CohortInfeasibleException($"no cohort of {size} meets the constraints: "
                + (alone.Count == 1 ? alone[0].ToString() : "each of these rules out every cohort by itself, so each must change: " + string.Join("; ", alone)),
                alone, together: false);
        }
        var together = TogetherBinding(ordered, size, request, cancellationToken);
        return new CohortInfeasibleException($"no cohort of {size} meets the constraints together"
            + (together.Count > 0
                ? "; any one of these changes would make one possible: " + string.Join("; ", together)
                : ", and no single change to a minimum, a maximum, the budget or the size makes one possible"),
            together, together: true);
    }

    private static List<BindingConstraint> AloneBinding(CohortCandidate[] candidates, int size, CohortRequest request)
    {
        var binding = new List<BindingConstraint>();
        for (var i = 0; i < request.Constraints.Count; i++)
        {
            var constraint = request.Constraints[i];
            if (constraint.Min == 0)
            {
                continue;
            }
            var matching = candidates.Where(constraint.Matches).ToList();
            var available = request.OnePerLocality ? matching.Select(c => c.Locality).Distinct().Count() : matching.Count;
            if (available < constraint.Min)
            {
                var applicants = request.OnePerLocality && matching.Count > available
                    ? $"{Count(matching.Count, "applicant")} in {Count(available, "locality", "localities")}, one project each,"
                    : Count(available, "applicant");
                binding.Add(new BindingConstraint($"constraints[{i}]",
                    $"at least {Count(constraint.Min, Noun(constraint, 1), Noun(constraint, 2))} {(constraint.Min == 1 ? "is" : "are")} asked for, but only {applicants} {(available == 1 && !applicants.EndsWith(',') ? "qualifies" : "qualify")}",
                    (available == 0 ? "drop this minimum" : $"lower the minimum to {available}") + $", or add applicants in {Noun(constraint, 2)}"));
            }
        }
        var minimums = request.Constraints.Sum(c => c.Min);
        if (binding.Count == 0 && minimums > size && DisjointMinimums(request))
        {
            binding.Add(new BindingConstraint("size", $"the minimums add up to {minimums}, more than the {Count(size, "place")}",
                $"fund {Count(minimums, "project")}, or lower the minimums to add up to {size}"));
        }
        var localities = candidates.Select(c => c.Locality).Distinct().Count();
        if (request.OnePerLocality && localities < size)
        {
            binding.Add(new BindingConstraint("candidates", $"the applicants come from only {Count(localities, "locality", "localities")}, and each locality may have one project",
                $"fund {Count(localities, "project")}, or add applicants from other localities"));
        }
        if (request.Budget is { } budget)
        {
            var fundings = candidates.Select(c => c.Funding).Order().ToList();
            var cheapest = fundings.Take(size).Sum();
            if (cheapest > budget)
            {
                var affordable = 0;
                for (var total = 0.0; affordable < fundings.Count && total + fundings[affordable] <= budget; affordable++)
                {
                    total += fundings[affordable];
                }
                binding.Add(new BindingConstraint("budget",
                    $"the {size} cheapest applicants together cost {Pounds.Format(cheapest)}, over the budget of {Pounds.Format(budget)}",
                    $"raise the budget to {Pounds.Format(cheapest)}" + (affordable > 0 ? $", or fund {Count(affordable, "project")}, the most it pays for" : "")));
            }
        }
        return binding;
    }

    /// <summary>No two minimums can be met by one pick (no applicant matches two), so their sum is a true lower bound on the places.</summary>
    private static bool DisjointMinimums(CohortRequest request)
    {
        var minimums = request.Constraints.Where(c => c.Min > 0).ToList();
        return !request.Candidates.Any(candidate => minimums.Count(c => c.Matches(candidate)) > 1);
    }

    private static List<BindingConstraint> TogetherBinding(CohortCandidate[] ordered, int size, CohortRequest request, CancellationToken cancellationToken)
    {
        var binding = new List<BindingConstraint>();
        var probe = request with { SearchBudget = Math.Max(10_000, request.SearchBudget / 100) };
        if (request.Budget is { } budget && CheapestCohort(ordered, size, probe with { Budget = null }, cancellationToken) is { } cheapest && cheapest > budget)
        {
            binding.Add(new BindingConstraint("budget",
                $"the cheapest cohort of {size} that meets the other constraints costs {Pounds.Format(cheapest)}, over the budget of {Pounds.Format(budget)}",
                $"raise the budget to {Pounds.Format(cheapest)}"));
        }
        for (var i = 0; i < request.Constraints.Count; i++)
        {
            var constraint = request.Constraints[i];
            var index = i;
            CohortRequest With(CohortConstraint changed) => probe with { Constraints = [.. request.Constraints.Select((c, j) => j == index ? changed : c)] };
            if (constraint.Min > 0 && Nearest(constraint.Min - 1, 0, -1, min => Exists(ordered, size, With(constraint with { Min = min }), cancellationToken)) is { } min)
            {
                binding.Add(new BindingConstraint($"constraints[{i}]",
                    $"with the other constraints, no cohort has at least {Count(constraint.Min, Noun(constraint, 1), Noun(constraint, 2))}",
                    min == 0 ? "drop this minimum" : $"lower the minimum to {min}"));
            }
            if (constraint.Max is { } max && Nearest(max + 1, size, 1, raised => Exists(ordered, size, With(constraint with { Max = raised }), cancellationToken)) is { } higher)
            {
                binding.Add(new BindingConstraint($"constraints[{i}]",
                    $"with the other constraints, no cohort has at most {Count(max, Noun(constraint, 1), Noun(constraint, 2))}",
                    $"raise the maximum to {higher}"));
            }
        }
        if (size > 1 && Nearest(size - 1, 1, -1, smaller => Exists(ordered, smaller, probe, cancellationToken)) is { } fewer)
        {
            binding.Add(new BindingConstraint("size", $"{size} projects cannot all meet the constraints together", $"fund {Count(fewer, "project")}"));
        }
        return binding;
    }

    /// <summary>The first setting from <paramref name="from"/> towards <paramref name="to"/> at which a cohort exists.</summary>
    private static int? Nearest(int from, int to, int step, Func<int, bool> exists)
    {
        for (var value = from; step < 0 ? value >= to : value <= to; value += step)
        {
            if (exists(value))
            {
                return value;
            }
        }
        return null;
    }

    private static bool Exists(CohortCandidate[] ordered, int size, CohortRequest request, CancellationToken cancellationToken) =>
        new Search(ordered, size, request, forced: -1, cancellationToken).Run().Picks is not null;

    /// <summary>The least funding of any cohort meeting the constraints: the same search, maximising minus the funding.</summary>
    private static double? CheapestCohort(CohortCandidate[] candidates, int size, CohortRequest request, CancellationToken cancellationToken)
    {
        var byCost = candidates.Select(c => c with { Score = -c.Funding }).OrderByDescending(c => c.Score).ThenBy(c => c.Initiative, StringComparer.Ordinal).ToArray();
        var found = new Search(byCost, size, request, forced: -1, cancellationToken).Run();
        return found.Picks is null ? null : -found.Score;
    }

    /// <summary>The picks a constraint counts, in words: "London borough", "counties".</summary>
    private static string Noun(CohortConstraint constraint, int n)
    {
        if (constraint.Attribute != "laType")
        {
            return $"{(n == 1 ? "locality" : "localities")} with {constraint.Attribute} {constraint.Value}";
        }
        var (one, many) = constraint.Value switch
        {
            "COUNTY" => ("county", "counties"),
            "UNITARY" => ("unitary authority", "unitary authorities"),
            "METROPOLITAN_BOROUGH" => ("metropolitan borough", "metropolitan boroughs"),
            "LONDON_BOROUGH" => ("London borough", "London boroughs"),
            var other => ($"{other.ToLowerInvariant().Replace('_', ' ')} area", $"{other.ToLowerInvariant().Replace('_', ' ')} areas"),
        };
        return n == 1 ? one : many;
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
