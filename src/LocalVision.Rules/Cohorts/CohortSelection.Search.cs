using System.Globalization;

namespace LocalVision.Rules.Cohorts;
/// <summary>The exact search behind <see cref="CohortSelection.Select"/>: branch and bound over the ranked applicants.</summary>
public static partial class CohortSelection
{
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
