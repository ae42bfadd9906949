namespace LocalVision.Graph.Network;

public static partial class Communities
{
    /// <summary>
    /// Label propagation (Raghavan et al.), asynchronous: in an order shuffled by <paramref name="seed"/> each node takes
    /// the label of greatest total weight among its neighbours, ties broken at random (seeded), until no label changes.
    /// </summary>
    public static CommunityResult LabelPropagation(
        NetworkProjection projection, int seed = 42, int maxIterations = 100, bool? weighted = null, CancellationToken cancellationToken = default)
    {
        var useWeights = weighted ?? projection.IsWeighted;
        var graph = WeightedGraph.From(projection, useWeights, cancellationToken);
        var n = graph.NodeCount;
        var labels = Identity(n);
        var order = Identity(n);
        var random = new Random(seed);
        var weightOf = new double[n];
        var touched = new List<int>();
        var best = new List<int>();
        var check = new CancellationCheck(cancellationToken);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            CancellationCheck.Observe(cancellationToken);
            random.Shuffle(order);
            var changed = false;
            foreach (var v in order)
            {
                check.Add(graph.Offsets[v + 1] - graph.Offsets[v] + 1);
                touched.Clear();
                for (var a = graph.Offsets[v]; a < graph.Offsets[v + 1]; a++)
                {
                    var u = graph.Targets[a];
                    if (u == v)
                    {
                        continue;
                    }
                    if (weightOf[labels[u]] == 0)
                    {
                        touched.Add(labels[u]);
                    }
                    weightOf[labels[u]] += graph.Weights[a];
                }
                if (touched.Count == 0)
                {
                    continue;
                }
                var max = touched.Max(l => weightOf[l]);
                best.Clear();
                best.AddRange(touched.Where(l => weightOf[l] == max));
                best.Sort();
                foreach (var l in touched)
                {
                    weightOf[l] = 0;
                }
                if (!best.Contains(labels[v]))
                {
                    labels[v] = best[best.Count == 1 ? 0 : random.Next(best.Count)];
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        var count = Renumber(labels);
        return new CommunityResult(labels, count, graph.Modularity(labels, 1.0, cancellationToken));
    }
}
