namespace LocalVision.Graph.Network;

public static partial class NetworkAnalysis
{
    /// <summary>The simple undirected graph on a scope, with sorted neighbour lists.</summary>
    private sealed class SimpleGraph(int[] offsets, int[] targets, int relationships, int[] local)
    {
        private int NodeCount => offsets.Length - 1;

        /// <summary>Per projection node, its index in this graph, or -1 when it is not in it.</summary>
        public int[] Local => local;

        /// <summary>
        /// This graph's indices of the projection nodes <paramref name="sample"/> (those in it), or null (every node)
        /// without a sample.
        /// </summary>
        public int[]? SourcesOf(int[]? sample) => sample?.Select(v => local[v]).Where(v => v >= 0).Order().ToArray();

        public static SimpleGraph From(NetworkProjection projection, IReadOnlyCollection<int>? scope, int exclude, CancellationToken cancellationToken)
        {
            var local = new int[projection.NodeCount];
            int count;
            if (scope is null)
            {
                for (var v = 0; v < local.Length; v++)
                {
                    local[v] = v;
                }
                count = local.Length;
            }
            else
            {
                Array.Fill(local, -1);
                count = 0;
                foreach (var v in scope.Distinct().Order())
                {
                    NetworkPaths.CheckNode(projection, v, nameof(scope));
                    local[v] = count++;
                }
            }
            if (exclude >= 0 && local[exclude] >= 0)
            {
                // Renumber without the removed node.
                var removedAt = local[exclude];
                for (var v = 0; v < local.Length; v++)
                {
                    if (local[v] > removedAt)
                    {
                        local[v]--;
                    }
                }
                local[exclude] = -1;
                count--;
            }
            // Each tie among the graph's nodes is laid out from both ends (a counting sort on the node); a self-loop counts as
            // a relationship but is no edge. Every loop observes the token: at national scale each is tens of millions of steps.
            var check = new CancellationCheck(cancellationToken);
            var offsets = new int[count + 1];
            var relationships = 0;
            for (var r = 0; r < projection.RelationshipCount; r++)
            {
                check.Add(1);
                var a = local[projection.StartOf(r)];
                var b = local[projection.EndOf(r)];
                if (a < 0 || b < 0)
                {
                    continue;
                }
                relationships++;
                if (a != b)
                {
                    offsets[a + 1]++;
                    offsets[b + 1]++;
                }
            }
            for (var u = 0; u < count; u++)
            {
                offsets[u + 1] += offsets[u];
            }
            var targets = new int[offsets[count]];
            var next = offsets[..count];
            for (var r = 0; r < projection.RelationshipCount; r++)
            {
                check.Add(1);
                var a = local[projection.StartOf(r)];
                var b = local[projection.EndOf(r)];
                if (a >= 0 && b >= 0 && a != b)
                {
                    targets[next[a]++] = b;
                    targets[next[b]++] = a;
                }
            }
            // Sorted neighbour lists without repeats (parallel ties are one edge), compacted in place: a node's new
            // start is written once its old one has been read.
            var write = 0;
            var begin = 0;
            for (var u = 0; u < count; u++)
            {
                var end = offsets[u + 1];
                Array.Sort(targets, begin, end - begin);
                offsets[u] = write;
                var first = write;
                for (var i = begin; i < end; i++)
                {
                    if (write == first || targets[write - 1] != targets[i])
                    {
                        targets[write++] = targets[i];
                    }
                }
                check.Add(end - begin + 1);
                begin = end;
            }
            offsets[count] = write;
            return new SimpleGraph(offsets, write == targets.Length ? targets : targets[..write], relationships, local);
        }

        private int Degree(int u) => offsets[u + 1] - offsets[u];

        private ComponentLabels? _components;

        /// <summary>Each node's connected component and the components' sizes, labelled on first use and kept.</summary>
        public ComponentLabels Components(CancellationToken cancellationToken) => _components ??= LabelComponents(cancellationToken);

        private ComponentLabels LabelComponents(CancellationToken cancellationToken)
        {
            var n = NodeCount;
            var of = Fill(new int[n], -1);
            var sizes = new List<int>();
            var walk = new CancellationCheck(cancellationToken);
            var stack = new Stack<int>();
            for (var s = 0; s < n; s++)
            {
                if (of[s] >= 0)
                {
                    continue;
                }
                var id = sizes.Count;
                var size = 0;
                of[s] = id;
                stack.Push(s);
                while (stack.TryPop(out var u))
                {
                    size++;
                    for (var a = offsets[u]; a < offsets[u + 1]; a++)
                    {
                        if (of[targets[a]] < 0)
                        {
                            of[targets[a]] = id;
                            stack.Push(targets[a]);
                        }
                    }
                    walk.Add(offsets[u + 1] - offsets[u] + 1);
                }
                sizes.Add(size);
            }
            return new ComponentLabels(of, sizes);
        }

        /// <summary>
        /// The metrics; path lengths from <paramref name="sources"/> only when given (fewer than every node): the
        /// average over the ordered pairs they start, and the diameter as the largest eccentricity among them, a lower bound.
        /// </summary>
        public NetworkMetrics Measure(CancellationToken cancellationToken, int[]? sources = null)
        {
            var n = NodeCount;
            var edges = targets.Length / 2;
            var density = n > 1 ? 2.0 * edges / ((double)n * (n - 1)) : 0;
            var maxDegree = 0;
            for (var u = 0; u < n; u++)
            {
                maxDegree = Math.Max(maxDegree, Degree(u));
            }
            var centralisation = 0.0;
            if (n > 2)
            {
                var sum = 0.0;
                for (var u = 0; u < n; u++)
                {
                    sum += maxDegree - Degree(u);
                }
                centralisation = sum / ((n - 1.0) * (n - 2.0));
            }
            var (clustering, transitivity) = Clustering(cancellationToken);
            var estimated = sources is not null && sources.Length < n;
            var origins = estimated ? sources! : null;
            var searches = origins?.Length ?? n;
            var distanceSum = new long[searches];
            var reached = new long[searches];
            var eccentricity = new int[searches];
            SourceParallel.ForEach(searches, () => (Distance: Fill(new int[n], -1), Queue: new int[n]), (worker, i) =>
            {
                var check = new CancellationCheck(cancellationToken);
                var s = origins is null ? i : origins[i];
                var (distance, queue) = worker;
                distance[s] = 0;
                queue[0] = s;
                int head = 0, tail = 1;
                long sum = 0;
                var max = 0;
                while (head < tail)
                {
                    var u = queue[head++];
                    for (var a = offsets[u]; a < offsets[u + 1]; a++)
                    {
                        var v = targets[a];
                        if (distance[v] < 0)
                        {
                            distance[v] = distance[u] + 1;
                            sum += distance[v];
                            max = Math.Max(max, distance[v]);
                            queue[tail++] = v;
                        }
                    }
                    check.Add(offsets[u + 1] - offsets[u] + 1);
                }
                for (var j = 0; j < tail; j++)
                {
                    distance[queue[j]] = -1;
                }
                distanceSum[i] = sum;
                reached[i] = tail - 1;
                eccentricity[i] = max;
            }, cancellationToken);
            var orderedPairs = reached.Sum();
            var average = orderedPairs > 0 ? (double)distanceSum.Sum() / orderedPairs : 0;
            var diameter = searches > 0 ? eccentricity.Max() : 0;
            var (_, sizes) = Components(cancellationToken);
            var connectedPairs = sizes.Sum(size => (long)size * (size - 1) / 2);
            return new NetworkMetrics(n, edges, relationships, density, centralisation, average, diameter, clustering, transitivity, sizes.Count,
                connectedPairs, estimated ? searches : 0);
        }

        private (double Average, double Transitivity) Clustering(CancellationToken cancellationToken)
        {
            var n = NodeCount;
            if (n == 0)
            {
                return (0, 0);
            }
            var mark = Fill(new int[n], -1);
            double coefficients = 0, triangles = 0, triples = 0;
            var check = new CancellationCheck(cancellationToken);
            for (var u = 0; u < n; u++)
            {
                check.Add(1);
                var degree = Degree(u);
                if (degree < 2)
                {
                    continue;
                }
                for (var a = offsets[u]; a < offsets[u + 1]; a++)
                {
                    mark[targets[a]] = u;
                }
                long links = 0;
                for (var a = offsets[u]; a < offsets[u + 1]; a++)
                {
                    var v = targets[a];
                    for (var b = offsets[v]; b < offsets[v + 1]; b++)
                    {
                        if (mark[targets[b]] == u)
                        {
                            links++;
                        }
                    }
                    check.Add(offsets[v + 1] - offsets[v] + 1);
                }
                // Each link among u's neighbours was seen from both of its ends.
                var t = links / 2.0;
                var possible = degree * (degree - 1) / 2.0;
                coefficients += t / possible;
                triangles += t;
                triples += possible;
            }
            return (coefficients / n, triples > 0 ? triangles / triples : 0);
        }

        private static int[] Fill(int[] array, int value)
        {
            Array.Fill(array, value);
            return array;
        }
    }

    /// <summary>Per node of a <see cref="SimpleGraph"/>, the index of its connected component; per component, its size.</summary>
    private sealed record ComponentLabels(int[] Of, IReadOnlyList<int> Sizes);
}
