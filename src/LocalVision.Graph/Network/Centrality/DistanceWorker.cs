namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>Single-source shortest paths, reporting how many nodes were reached and Σd, Σ1/d.</summary>
    private sealed class DistanceWorker(int n, CancellationToken cancellationToken)
    {
        private readonly double[] _distance = Fill(new double[n], double.PositiveInfinity);
        private readonly int[] _order = new int[n];
        private readonly MinHeap _heap = new();
        private CancellationCheck _check = new(cancellationToken);

        public (int Reached, double Sum, double InverseSum) Run(Adjacency adjacency, int source, bool weighted)
        {
            var count = Search(adjacency, source, weighted);
            double sum = 0, inverseSum = 0;
            for (var i = 0; i < count; i++)
            {
                var d = _distance[_order[i]];
                if (d > 0)
                {
                    sum += d;
                    inverseSum += 1 / d;
                }
            }
            Reset(count);
            return (count, sum, inverseSum);
        }

        /// <summary>
        /// Adds, for every node v the source reaches (v ≠ source), 1 to reach[v], d to sum[v], d² to sum²[v], 1/d to
        /// inverse[v] and 1/d² to inverse²[v]: five blocks of n in <paramref name="accumulator"/>, in that order.
        /// </summary>
        public void AccumulateFrom(Adjacency adjacency, int source, bool weighted, double[] accumulator)
        {
            var count = Search(adjacency, source, weighted);
            for (var i = 0; i < count; i++)
            {
                var v = _order[i];
                var d = _distance[v];
                if (v == source)
                {
                    continue;
                }
                accumulator[v] += 1;
                accumulator[n + v] += d;
                accumulator[(2 * n) + v] += d * d;
                if (d > 0)
                {
                    accumulator[(3 * n) + v] += 1 / d;
                    accumulator[(4 * n) + v] += 1 / (d * d);
                }
            }
            Reset(count);
        }

        private void Reset(int count)
        {
            for (var i = 0; i < count; i++)
            {
                _distance[_order[i]] = double.PositiveInfinity;
            }
        }

        /// <summary>Settles the nodes the source reaches into _order (returning how many) with their distances in _distance.</summary>
        private int Search(Adjacency adjacency, int source, bool weighted)
        {
            var count = 0;
            _distance[source] = 0;
            if (weighted)
            {
                _heap.Clear();
                _heap.Push(0, source);
                while (_heap.Count > 0)
                {
                    // Each (distance, node) is pushed once, only when it improves, so a pop at the current distance is the settling one.
                    var (d, u) = _heap.Pop();
                    if (d > _distance[u])
                    {
                        continue;
                    }
                    _order[count++] = u;
                    for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                    {
                        var v = adjacency.Targets[a];
                        var candidate = d + adjacency.Weights[a];
                        if (candidate < _distance[v])
                        {
                            _distance[v] = candidate;
                            _heap.Push(candidate, v);
                        }
                    }
                    _check.Add(adjacency.Offsets[u + 1] - adjacency.Offsets[u] + 1);
                }
            }
            else
            {
                _order[count++] = source;
                for (var head = 0; head < count; head++)
                {
                    var u = _order[head];
                    var next = _distance[u] + 1;
                    for (var a = adjacency.Offsets[u]; a < adjacency.Offsets[u + 1]; a++)
                    {
                        var v = adjacency.Targets[a];
                        if (double.IsPositiveInfinity(_distance[v]))
                        {
                            _distance[v] = next;
                            _order[count++] = v;
                        }
                    }
                    _check.Add(adjacency.Offsets[u + 1] - adjacency.Offsets[u] + 1);
                }
            }
            return count;
        }
    }
}
