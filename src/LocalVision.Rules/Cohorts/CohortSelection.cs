using System.Globalization;

namespace LocalVision.Rules.Cohorts;
/// <summary>
/// Chooses the cohort with the highest total readiness under the constraints, by exact branch and bound (not
/// greedily), breaking ties by <see cref="TieBreak"/>, and explains each pick and each exclusion by re-solving with
/// that candidate forced in.
/// </summary>
public static partial class CohortSelection
{
    /// <summary>
    /// How equally ready cohorts are told apart, in words. The search visits applicants in this rank order, taking
    /// before skipping, so of two cohorts equal in readiness and funding it meets the one with the higher-ranked
    /// applicant first, and keeps it.
    /// </summary>
    public const string TieBreak =
        "cohorts with the same total readiness go to the cheaper one; at the same cost too, to the one with the higher-ranked applicant "
        + "where the two differ (applicants ranked by readiness, then lower funding, then name)";

    /// <summary>Readiness and funding closer than these are equal: sums of doubles differ in their last bits.</summary>
    private const double ScoreTolerance = 1e-9;

    private const double FundingTolerance = 1e-6;

    public static CohortResult Select(CohortRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "the cohort size must be at least 1");
        }
        var ordered = Ranked(request.Candidates);
        var size = Math.Min(request.Size, ordered.Length);
        var warnings = new List<string>();
        if (size < request.Size)
        {
            warnings.Add($"only {ordered.Length} candidates for a cohort of {request.Size}");
        }
        var best = new Search(ordered, size, request, forced: -1, cancellationToken).Run();
        if (best.Picks is null && !best.Complete)
        {
            throw new CohortSearchExhaustedException(
                $"the search tried {request.SearchBudget:N0} partial cohorts without finding one of {size} that meets the constraints; "
                + "one may still exist: loosen a constraint or the budget, or name fewer candidates");
        }
        if (best.Picks is null)
        {
            throw Infeasible(ordered, size, request, cancellationToken);
        }
        if (!best.Complete)
        {
            warnings.Add("the search budget ran out: this is the best selection found, not proven optimal");
        }

        var picked = best.Picks.ToHashSet();
        var tieWins = best.Picks.ToDictionary(i => i, _ => new List<(string Beaten, string Why)>());
        var excluded = new List<CohortDecision>();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (picked.Contains(i))
            {
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            excluded.Add(new CohortDecision(ordered[i], false, ExclusionReasons(ordered, i, size, request, best, tieWins, cancellationToken)));
        }
        var selected = best.Picks.Select(i => new CohortDecision(ordered[i], true, [.. PickReasons(ordered[i], request), .. TieWinReasons(tieWins[i])])).ToList();
        return new CohortResult(selected, excluded, best.Score, best.Funding, best.Complete, warnings);
    }

    /// <summary>The applicants in the rank order of <see cref="TieBreak"/>: readiness, then lower funding, then name.</summary>
    private static CohortCandidate[] Ranked(IEnumerable<CohortCandidate> candidates) =>
        candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Funding).ThenBy(c => c.Initiative, StringComparer.Ordinal).ToArray();

    private static List<string> PickReasons(CohortCandidate candidate, CohortRequest request)
    {
        var reasons = new List<string> { $"readiness {candidate.Score:0.##}" };
        reasons.AddRange(candidate.ScoreReasons);
        reasons.AddRange(request.Constraints.Where(c => c.Min > 0 && c.Matches(candidate)).Select(c => $"counts towards the minimum for {c.Attribute} = {c.Value}"));
        return reasons;
    }

    /// <summary>One reason per way a pick won ties: "chosen on the tie-break over a and b: …".</summary>
    private static IEnumerable<string> TieWinReasons(List<(string Beaten, string Why)> wins) =>
        wins.GroupBy(w => w.Why).Select(g => $"chosen on the tie-break over {Listed(g.Select(w => w.Beaten).ToList())}: {g.Key}");

    private static string Listed(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    /// <param name="tieWins">Where a pick kept this candidate out on the tie-break, whom it beat and why, to say in the pick's reasons.</param>
    private static List<string> ExclusionReasons(
        CohortCandidate[] ordered, int index, int size, CohortRequest request, Outcome best, Dictionary<int, List<(string Beaten, string Why)>> tieWins,
        CancellationToken cancellationToken)
    {
        var candidate = ordered[index];
        var reasons = new List<string> { $"readiness {candidate.Score:0.##}" };
        if (request.Budget is { } budget && candidate.Funding > budget)
        {
            reasons.Add($"its funding {Pounds.Format(candidate.Funding)} alone exceeds the budget of {Pounds.Format(budget)}");
            return reasons;
        }
        var sameLocality = request.OnePerLocality ? best.Picks!.Select(i => ordered[i]).FirstOrDefault(p => p.Locality == candidate.Locality) : null;
        if (sameLocality is not null)
        {
            reasons.Add($"its locality is already represented by {sameLocality.Initiative} (one project per locality)");
        }
        var withIt = new Search(ordered, size, request with { SearchBudget = Math.Max(10_000, request.SearchBudget / 100) }, forced: index, cancellationToken).Run();
        if (withIt.Picks is null)
        {
            reasons.Add(withIt.Complete
                ? "no cohort that includes it meets the constraints and the budget"
                : "the search for a cohort that includes it ran out before finding one that meets the constraints and the budget");
            return reasons;
        }
        var dropped = best.Picks!.Except(withIt.Picks).ToList();
        var replaces = dropped.Count > 0 ? $" (it would replace {string.Join(", ", dropped.Select(i => ordered[i].Initiative))})" : "";
        if (withIt.Score < best.Score - ScoreTolerance)
        {
            var (with, without) = Distinct(withIt.Score, best.Score);
            reasons.Add($"the best cohort that includes it scores {with} against {without}{replaces}");
        }
        else if (withIt.Funding > best.Funding + FundingTolerance)
        {
            reasons.Add($"the best cohort that includes it ties with the chosen one on readiness ({best.Score:0.##}) but costs {Pounds.Format(withIt.Funding)} against "
                + $"{Pounds.Format(best.Funding)}, and ties go to the cheaper cohort{replaces}");
            foreach (var i in dropped)
            {
                tieWins[i].Add((candidate.Initiative, $"the same total readiness for {Pounds.Format(withIt.Funding - best.Funding)} less"));
            }
        }
        else
        {
            // The applicant that decides: the highest-ranked one in one cohort and not the other, which is in the chosen one.
            var decider = withIt.Picks.Concat(best.Picks!).Except(withIt.Picks.Intersect(best.Picks!)).Min();
            var why = RankedAbove(ordered[decider], candidate);
            reasons.Add($"the best cohort that includes it ties with the chosen one on readiness ({best.Score:0.##}) and funding ({Pounds.Format(best.Funding)}), "
                + $"and such ties go to the higher-ranked applicant where the two differ: {ordered[decider].Initiative} ({why}){replaces}");
            if (tieWins.TryGetValue(decider, out var won))
            {
                won.Add((candidate.Initiative, why));
            }
        }
        return reasons;
    }

    /// <summary>Why one applicant ranks above another: the first of readiness, funding and name that differs.</summary>
    private static string RankedAbove(CohortCandidate higher, CohortCandidate lower)
    {
        if (higher.Score > lower.Score + ScoreTolerance)
        {
            var (a, b) = Distinct(higher.Score, lower.Score);
            return $"readiness {a} against {b}";
        }
        return higher.Funding < lower.Funding - FundingTolerance
            ? $"the same readiness for {Pounds.Format(higher.Funding)} against {Pounds.Format(lower.Funding)}"
            : "the same readiness and funding, so the name decided: it comes first";
    }

    /// <summary>Two scores with as many decimals as it takes to tell them apart (never "3.5 against 3.5" for 3.504 and 3.5).</summary>
    private static (string, string) Distinct(double a, double b)
    {
        for (var decimals = 2; decimals < 6; decimals++)
        {
            var format = "0." + new string('#', decimals);
            var (x, y) = (a.ToString(format, CultureInfo.InvariantCulture), b.ToString(format, CultureInfo.InvariantCulture));
            if (x != y)
            {
                return (x, y);
            }
        }
        return (a.ToString("0.######", CultureInfo.InvariantCulture), b.ToString("0.######", CultureInfo.InvariantCulture));
    }
}
