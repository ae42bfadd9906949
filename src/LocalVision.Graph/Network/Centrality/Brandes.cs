namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>One source of Brandes' algorithm: count shortest paths forward, accumulate dependencies backward.</summary>
    private sealed class Brandes
    {
        private readonly Adjacency _out;
        private readonly Adjacency _in;
        private readonly bool _weighted;
        private readonly int[]? _groups;
        private readonly int[] _hops;
        private readonly double[] _distance;
        private readonly double[] _sigma;
        private readonly double[] _delta;
        private readonly int[] _order;
        private readonly MinHeap _heap = new();
        private CancellationCheck _check;

        public Brandes(NetworkProjection projection, bool weighted, int[]? groups, CancellationToken cancellationToken)
        {
            _check = new CancellationCheck(cancellationToken);
            var n = projection.NodeCount;
            _out = projection.Out;
            _in = projection.In;
            _weighted = weighted;
            _groups = groups;
            _hops = new int[n];
            Array.Fill(_hops, -1);
            _distance = weighted ? Fill(new double[n], double.PositiveInfinity) : [];
            _sigma = new double[n];
            _delta = new double[n];
            _order = new int[n];
        }

        /// <summary>
        /// Adds the source's dependencies to the first n entries of <paramref name="accumulator"/>; when it holds 2n
        /// entries, adds their squares to the second n.
        /// </summary>
        public void Accumulate(int source, double[] accumulator)
        {
            int count;
            if (_weighted)
            {
                count = Dijkstra(source);
                AccumulateWeighted(source, count, accumulator);
            }
            else
            {
                count = BreadthFirst(source);
                AccumulateByHops(source, count, accumulator);
            }
            var order = _order;
            if (accumulator.Length == 2 * _sigma.Length)
            {
                // The second half gathers squared dependencies, for the variance of a sampled estimate.
                var n = _sigma.Length;
                for (var i = 1; i < count; i++)
                {
                    var w = order[i];
                    accumulator[n + w] += _delta[w] * _delta[w];
                }
            }
            for (var i = 0; i < count; i++)
            {
                var v = order[i];
                _hops[v] = -1;
                _sigma[v] = 0;
                _delta[v] = 0;
                if (_weighted)
                {
                    _distance[v] = double.PositiveInfinity;
                }
            }
        }

        /// <summary>1 when the pair (source, w) counts: always, or with groups only across groups.</summary>
        private double EndsAt(int source, int w) =>
            _groups is null ? 1.0 : _groups[w] >= 0 && _groups[w] != _groups[source] ? 1.0 : 0.0;

        private int BreadthFirst(int source)
        {
            var offsets = _out.Offsets;
            var targets = _out.Targets;
            var hops = _hops;
            var sigma = _sigma;
            var order = _order;
            var count = 0;
            hops[source] = 0;
            sigma[source] = 1;
            order[count++] = source;
            for (var head = 0; head < count; head++)
            {
                var u = order[head];
                var next = hops[u] + 1;
                var paths = sigma[u];
                for (int a = offsets[u], end = offsets[u + 1]; a < end; a++)
                {
                    var v = targets[a];
                    var d = hops[v];
                    if (d < 0)
                    {
                        hops[v] = next;
                        sigma[v] = paths;
                        order[count++] = v;
                    }
                    else if (d == next)
                    {
                        sigma[v] += paths;
                    }
                }
                _check.Add(offsets[u + 1] - offsets[u] + 1);
            }
            return count;
        }

        private void AccumulateByHops(int source, int count, double[] accumulator)
        {
            var offsets = _in.Offsets;
            var targets = _in.Targets;
            var hops = _hops;
            var sigma = _sigma;
            var delta = _delta;
            var order = _order;
            for (var i = count - 1; i > 0; i--)
            {
                var w = order[i];
                var coefficient = (EndsAt(source, w) + delta[w]) / sigma[w];
                if (coefficient != 0)
                {
                    var previous = hops[w] - 1;
                    for (int a = offsets[w], end = offsets[w + 1]; a < end; a++)
                    {
                        var v = targets[a];
                        if (hops[v] == previous)
                        {
                            delta[v] += sigma[v] * coefficient;
                        }
                    }
                    _check.Add(offsets[w + 1] - offsets[w]);
                }
                accumulator[w] += delta[w];
                _check.Add(1);
            }
        }

        private void AccumulateWeighted(int source, int count, double[] accumulator)
        {
            for (var i = count - 1; i > 0; i--)
            {
                var w = _order[i];
                var coefficient = (EndsAt(source, w) + _delta[w]) / _sigma[w];
                if (coefficient != 0)
                {
                    for (var a = _in.Offsets[w]; a < _in.Offsets[w + 1]; a++)
                    {
                        var v = _in.Targets[a];
                        if (v != w && _hops[v] >= 0 && _distance[v] + _in.Weights[a] == _distance[w])
                        {
                            _delta[v] += _sigma[v] * coefficient;
                        }
                    }
                    _check.Add(_in.Offsets[w + 1] - _in.Offsets[w]);
                }
                accumulator[w] += _delta[w];
                _check.Add(1);
            }
        }

        /// <summary>Settles nodes in distance order; <c>_hops[v] >= 0</c> marks a settled node.</summary>
        private int Dijkstra(int source)
        {
            var count = 0;
            _distance[source] = 0;
            _heap.Clear();
            _heap.Push(0, source);
            while (_heap.Count > 0)
            {
                var (d, u) = _heap.Pop();
                if (_hops[u] >= 0 || d > _distance[u])
                {
                    continue;
                }
                _hops[u] = count;
                _order[count++] = u;
                for (var a = _out.Offsets[u]; a < _out.Offsets[u + 1]; a++)
                {
                    var v = _out.Targets[a];
                    var candidate = d + _out.Weights[a];
                    if (candidate < _distance[v])
                    {
                        _distance[v] = candidate;
                        _heap.Push(candidate, v);
                    }
                }
                _check.Add(_out.Offsets[u + 1] - _out.Offsets[u] + 1);
            }
            // Paths are counted once every distance is final, in settling order, so ties found late still count.
            _sigma[source] = 1;
            for (var i = 1; i < count; i++)
            {
                var w = _order[i];
                var sigma = 0.0;
                for (var a = _in.Offsets[w]; a < _in.Offsets[w + 1]; a++)
                {
                    var v = _in.Targets[a];
                    if (v != w && _hops[v] >= 0 && _distance[v] + _in.Weights[a] == _distance[w])
                    {
                        sigma += _sigma[v];
                    }
                }
                _sigma[w] = sigma;
                _check.Add(_in.Offsets[w + 1] - _in.Offsets[w] + 1);
            }
            return count;
        }
    }
}
