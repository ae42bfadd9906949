using System.Globalization;

namespace LocalVision.Rules.Cohorts;

/// <summary>An applicant: its locality's attributes (laType may hold several values), proposed funding and readiness score.</summary>
public sealed record CohortCandidate(
    string Initiative,
    string Locality,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    double Funding,
    double Score,
    IReadOnlyList<string> ScoreReasons);

/// <summary>At least <paramref name="Min"/> and at most <paramref name="Max"/> picks (null: no maximum) whose attribute holds the value.</summary>
public sealed record CohortConstraint(string Attribute, string Value, int Min, int? Max)
{
    public bool Matches(CohortCandidate candidate) =>
        candidate.Attributes.TryGetValue(Attribute, out var values) && values.Contains(Value, StringComparer.Ordinal);

    public override string ToString() => $"{Attribute} = {Value}" + (Max is { } max ? $" ({Min} to {max})" : $" (at least {Min})");
}

/// <param name="Budget">Total funding available; null means no limit.</param>
/// <param name="OnePerLocality">At most one pick per locality.</param>
/// <param name="SearchBudget">Most search nodes before the answer is returned as the best found, not proven optimal.</param>
public sealed record CohortRequest(
    IReadOnlyList<CohortCandidate> Candidates,
    int Size,
    IReadOnlyList<CohortConstraint> Constraints,
    double? Budget = null,
    bool OnePerLocality = true,
    long SearchBudget = 20_000_000);

public sealed record CohortDecision(CohortCandidate Candidate, bool Selected, IReadOnlyList<string> Reasons);

public sealed record CohortResult(
    IReadOnlyList<CohortDecision> Selected,
    IReadOnlyList<CohortDecision> Excluded,
    double TotalScore,
    double TotalFunding,
    bool Optimal,
    IReadOnlyList<string> Warnings);

/// <summary>No selection of the requested size meets the constraints; <see cref="Binding"/> says which bind and what would relax each.</summary>
/// <param name="Together">
/// False: each binding constraint rules out every cohort by itself, so each must be relaxed. True: no one of them does,
/// they bind together, and relaxing any one as said makes a cohort possible.
/// </param>
public sealed class CohortInfeasibleException(string message, IReadOnlyList<BindingConstraint> binding, bool together) : Exception(message)
{
    public IReadOnlyList<BindingConstraint> Binding { get; } = binding;

    public bool Together { get; } = together;
}

/// <summary>The search budget ran out before any selection meeting the constraints was found; one may still exist.</summary>
public sealed class CohortSearchExhaustedException(string message) : Exception(message);

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

    private sealed record Outcome(int[]? Picks, double Score, double Funding, bool Complete);

    /// <summary>
    /// Depth-first over candidates in rank order: take or skip each, pruning by an optimistic bound and by what the
    /// minimums still need. A leaf replaces the best only when strictly better in readiness, or equal in readiness and
    /// cheaper, and a subtree is pruned unless it could be: so of equal cohorts the first met, the higher-ranked, stays.
    /// </summary>
    private sealed class Search
    {
        private readonly CohortCandidate[] _candidates;
        private readonly int _size;
        private readonly CohortRequest _request;
        private readonly int _forced;
        private readonly CancellationToken _cancellationToken;
        private readonly bool[][] _matches;
        private readonly int[][] _matchingFrom;
        private readonly int[] _counts;
        private readonly double[][] _cheapestFrom;
        private readonly HashSet<string> _localities = new(StringComparer.Ordinal);
        private readonly List<int> _current = [];
        private int[]? _best;
        private double _bestScore = double.NegativeInfinity;
        private double _bestFunding = double.PositiveInfinity;
        private long _nodes;

        public Search(CohortCandidate[] candidates, int size, CohortRequest request, int forced, CancellationToken cancellationToken)
        {
            _candidates = candidates;
            _size = size;
            _request = request;
            _forced = forced;
            _cancellationToken = cancellationToken;
            _matches = request.Constraints.Select(c => candidates.Select(c.Matches).ToArray()).ToArray();
            // How many candidates from position i on match each constraint: the most a minimum can still gain.
            _matchingFrom = _matches.Select(m =>
            {
                var counts = new int[candidates.Length + 1];
                for (var i = candidates.Length - 1; i >= 0; i--)
                {
                    counts[i] = counts[i + 1] + (m[i] ? 1 : 0);
                }
                return counts;
            }).ToArray();
            _counts = new int[request.Constraints.Count];
            _cheapestFrom = CheapestFrom(candidates, size, forced);
        }

        /// <summary>
        /// For each position, the summed funding of the cheapest 0, 1, … <paramref name="size"/> candidates from there
        /// on (the forced one aside): what filling the remaining places must cost at least.
        /// </summary>
        private static double[][] CheapestFrom(CohortCandidate[] candidates, int size, int forced)
        {
            var result = new double[candidates.Length + 1][];
            var cheapest = new List<double>(size + 1);
            for (var i = candidates.Length; i >= 0; i--)
            {
                if (i < candidates.Length && i != forced)
                {
                    var funding = candidates[i].Funding;
                    var at = cheapest.BinarySearch(funding);
                    cheapest.Insert(at < 0 ? ~at : at, funding);
                    if (cheapest.Count > size)
                    {
                        cheapest.RemoveAt(cheapest.Count - 1);
                    }
                }
                var sums = new double[cheapest.Count + 1];
                for (var k = 0; k < cheapest.Count; k++)
                {
                    sums[k + 1] = sums[k] + cheapest[k];
                }
                result[i] = sums;
            }
            return result;
        }

        /// <summary>
        /// The least the places left after taking one more can cost, filled from <paramref name="position"/> on:
        /// checked when a candidate is taken (not at every node, which would cost more than it prunes).
        /// </summary>
        private double CheapestRest(int position) => Cheapest(position, _size - _current.Count - 1);

        /// <summary>The least <paramref name="places"/> candidates from <paramref name="position"/> on can cost.</summary>
        private double Cheapest(int position, int places)
        {
            var sums = _cheapestFrom[position];
            return places < sums.Length ? sums[places] : double.PositiveInfinity;
        }

        public Outcome Run()
        {
            if (_forced >= 0 && !CanTake(_forced, 0, restFrom: 0))
            {
                return new Outcome(null, 0, 0, true);
            }
            if (_forced >= 0)
            {
                Take(_forced);
            }
            var complete = Visit(0, _forced >= 0 ? _candidates[_forced].Score : 0, _forced >= 0 ? _candidates[_forced].Funding : 0);
            return new Outcome(_best, _bestScore, _bestFunding, complete);
        }

        private bool Visit(int position, double score, double funding)
        {
            if (++_nodes > _request.SearchBudget)
            {
                return false;
            }
            if ((_nodes & 0xFFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }
            if (_current.Count == _size)
            {
                if (Improves(score, funding) && MinimumsMet())
                {
                    _bestScore = score;
                    _bestFunding = funding;
                    _best = [.. _current.Order()];
                }
                return true;
            }
            if (position >= _candidates.Length || !MinimumsReachable(position))
            {
                return true;
            }
            var bound = Bound(position, score);
            if (double.IsNegativeInfinity(bound) || !Improves(bound, funding + Cheapest(position, _size - _current.Count)))
            {
                return true;
            }
            var complete = true;
            if (position != _forced && CanTake(position, funding, restFrom: position + 1))
            {
                Take(position);
                complete &= Visit(position + 1, score + _candidates[position].Score, funding + _candidates[position].Funding);
                Untake(position);
            }
            return complete & Visit(position + 1, score, funding);
        }

        /// <summary>Whether a cohort of this readiness and funding would beat the best so far: more ready, or as ready and cheaper.</summary>
        private bool Improves(double score, double funding) =>
            score > _bestScore + ScoreTolerance || (score >= _bestScore - ScoreTolerance && funding < _bestFunding - FundingTolerance);

        /// <summary>The current score plus the best scores still available: candidates are sorted, so the next ones.</summary>
        private double Bound(int position, double score)
        {
            var needed = _size - _current.Count;
            for (var i = position; i < _candidates.Length && needed > 0; i++)
            {
                if (i == _forced)
                {
                    continue;
                }
                score += _candidates[i].Score;
                needed--;
            }
            return needed > 0 ? double.NegativeInfinity : score;
        }

        private bool MinimumsReachable(int position)
        {
            var slots = _size - _current.Count;
            var shortfall = 0;
            for (var c = 0; c < _counts.Length; c++)
            {
                var missing = _request.Constraints[c].Min - _counts[c];
                if (missing <= 0)
                {
                    continue;
                }
                if (_matchingFrom[c][position] < missing)
                {
                    return false;
                }
                shortfall = Math.Max(shortfall, missing);
            }
            return shortfall <= slots;
        }

        private bool MinimumsMet()
        {
            for (var c = 0; c < _counts.Length; c++)
            {
                if (_counts[c] < _request.Constraints[c].Min)
                {
                    return false;
                }
            }
            return true;
        }

        /// <param name="restFrom">Where the places left after this one would be filled from.</param>
        private bool CanTake(int index, double funding, int restFrom)
        {
            var candidate = _candidates[index];
            if (_request.Budget is { } budget && funding + candidate.Funding + CheapestRest(restFrom) > budget + 1e-9)
            {
                return false;
            }
            if (_request.OnePerLocality && _localities.Contains(candidate.Locality))
            {
                return false;
            }
            for (var c = 0; c < _counts.Length; c++)
            {
                if (_matches[c][index] && _request.Constraints[c].Max is { } max && _counts[c] >= max)
                {
                    return false;
                }
            }
            return true;
        }

        private void Take(int index)
        {
            _current.Add(index);
            _localities.Add(_candidates[index].Locality);
            for (var c = 0; c < _counts.Length; c++)
            {
                _counts[c] += _matches[c][index] ? 1 : 0;
            }
        }

        private void Untake(int index)
        {
            _current.RemoveAt(_current.Count - 1);
            _localities.Remove(_candidates[index].Locality);
            for (var c = 0; c < _counts.Length; c++)
            {
                _counts[c] -= _matches[c][index] ? 1 : 0;
            }
        }
    }
}
