namespace LocalVision.Graph.Network;

public static partial class Centrality
{
    /// <summary>Single-source shortest paths, reporting how many nodes were reached and Σd, Σ1/d.</summary>
    private sealed class DistanceWorker(int n)
    {
        private readonly double[] _distance = Fill(new double[n], double.PositiveInfinity);
        private readonly int[] _order = new int[n];
        private readonly MinHeap _heap = new();

        public (int Reached, double Sum, double InverseSum) Run(Adjacency adjacency, int source, bool weighted)
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
                }
            }
            double sum = 0, inverseSum = 0;
            for (var i = 0; i < count; i++)
            {
                var d = _distance[_order[i]];
                if (d > 0)
                {
                    sum += d;
                    inverseSum += 1 / d;
                }
                _distance[_order[i]] = double.PositiveInfinity;
            }
            return (count, sum, inverseSum);
        }
    }
}
