using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Graph.Model;
using LocalVision.Graph.Network;
using LocalVision.Graph.Store;
using LocalVision.Server.Access;
using LocalVision.Server.Grpc.Errors;
using LocalVision.Server.Grpc.Mapping;
using LocalVision.Server.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.Options;
using DomainAlgorithm = LocalVision.Graph.Network.CommunityAlgorithm;
using DomainMetrics = LocalVision.Graph.Network.NetworkMetrics;
using MultiEdges = LocalVision.Graph.Network.MultiEdges;

namespace LocalVision.Server.Grpc.Network;

/// <summary>The NetworkService: paths, ego networks, centrality, communities and metrics over a cached projection.</summary>
public sealed class NetworkApi(IGraphStore store, ProjectionCache projections, CommunityCache communities, IOptions<LocalVisionOptions> options) : NetworkService.NetworkServiceBase
{
    private const int MaxPaths = 20;
    private const int MaxPathDepth = 10;
    private const int MaxTop = 10_000;

    private LimitOptions Limits => options.Value.Limits;

    public override async Task<FindPathsResponse> FindPaths(FindPathsRequest request, ServerCallContext context)
    {
        var checks = Projection(new RequestChecks().Name("from", request.From).Name("to", request.To), request.Labels, request.RelationshipTypes);
        var depth = checks.Bounded("max_depth", request.MaxDepth, 6, MaxPathDepth);
        var k = checks.Bounded("k", request.K, 1, MaxPaths);
        var asOf = checks.Date("as_of", request.AsOf);
        var multiEdges = MultiEdgesOf(checks, request.MultiEdges);
        checks.Length("weight_property", request.WeightProperty, 100).ThrowIfAny();
        var spec = new ProjectionSpec(request.Labels, request.RelationshipTypes, WeightProperty: WeightOf(request.WeightProperty), AsOf: asOf, MultiEdges: multiEdges);
        var projection = await ProjectAsync(spec, context.CancellationToken);
        var from = await IndexAsync(projection, "from", request.From, context.CancellationToken);
        var to = await IndexAsync(projection, "to", request.To, context.CancellationToken);
        var redactor = context.Redactor();
        var paths = NetworkPaths.FindPaths(projection, from, to, k, depth, cancellationToken: context.CancellationToken);
        var nodes = await NodeRecordsAsync(projection, paths.SelectMany(p => p.Nodes), context.CancellationToken);
        var relationships = await RelationshipRecordsAsync(projection, paths.SelectMany(p => p.Relationships), context.CancellationToken);
        var response = new FindPathsResponse();
        foreach (var path in paths)
        {
            var proto = new V1.NetworkPath { Cost = path.Cost };
            proto.Nodes.AddRange(path.Nodes.Select(n => nodes[n].ToProto(redactor)));
            proto.Relationships.AddRange(path.Relationships.Select(r => relationships[r].ToProto()));
            response.Paths.Add(proto);
        }
        return response;
    }

    public override async Task<V1.Subgraph> GetEgoNetwork(GetEgoNetworkRequest request, ServerCallContext context)
    {
        var checks = Projection(new RequestChecks().Name("name", request.Name), request.Labels, request.RelationshipTypes);
        var depth = checks.Bounded("depth", request.Depth, 1, Limits.MaxDepth);
        var limit = checks.Bounded("limit", request.Limit, Limits.DefaultNeighborhoodNodes, Limits.MaxNeighborhoodNodes);
        var asOf = checks.Date("as_of", request.AsOf);
        checks.ThrowIfAny();
        // An ego network shows every relationship among its nodes, parallel ones included.
        var projection = await ProjectAsync(new ProjectionSpec([], [], AsOf: asOf, MultiEdges: MultiEdges.Keep), context.CancellationToken);
        var center = await IndexAsync(projection, "name", request.Name, context.CancellationToken);
        var ego = EgoNetwork.Expand(projection, center, depth, request.Labels, request.RelationshipTypes, limit, cancellationToken: context.CancellationToken);
        var nodes = await NodeRecordsAsync(projection, ego.Nodes, context.CancellationToken);
        var relationships = await RelationshipRecordsAsync(projection, ego.Relationships, context.CancellationToken);
        return new Graph.Model.Subgraph(ego.Nodes.Select(n => nodes[n]).ToList(), ego.Relationships.Select(r => relationships[r]).ToList(), ego.Truncated)
            .ToProto(context.Redactor());
    }

    public override async Task ComputeCentrality(ComputeCentralityRequest request, IServerStreamWriter<V1.CentralityScore> responseStream, ServerCallContext context)
    {
        var checks = Projection(new RequestChecks(), request.Labels, request.RelationshipTypes);
        var top = checks.Bounded("top", request.Top, 100, MaxTop);
        var asOf = checks.Date("as_of", request.AsOf);
        var measure = request.Algorithm switch
        {
            CentralityAlgorithm.Degree => CentralityMeasure.Degree,
            CentralityAlgorithm.Betweenness => CentralityMeasure.Betweenness,
            CentralityAlgorithm.Closeness => CentralityMeasure.Closeness,
            CentralityAlgorithm.Harmonic => CentralityMeasure.Harmonic,
            CentralityAlgorithm.Pagerank => CentralityMeasure.PageRank,
            CentralityAlgorithm.Brokerage => CentralityMeasure.Brokerage,
            _ => (CentralityMeasure?)null,
        };
        if (measure is null)
        {
            checks.Add("algorithm", "must be one of DEGREE, BETWEENNESS, CLOSENESS, HARMONIC, PAGERANK, BROKERAGE");
        }
        var sampleSize = request.SampleSize;
        SampleSize(checks, sampleSize);
        if (sampleSize > 0 && measure is CentralityMeasure.Degree or CentralityMeasure.PageRank)
        {
            checks.Add("sample_size", "applies to BETWEENNESS, CLOSENESS, HARMONIC and BROKERAGE only");
        }
        var tolerance = Tolerance(checks, request.Tolerance);
        if (request.Tolerance != 0 && measure is not null and not CentralityMeasure.PageRank)
        {
            checks.Add("tolerance", "applies to PAGERANK only");
        }
        var multiEdges = MultiEdgesOf(checks, request.MultiEdges);
        checks.Length("weight_property", request.WeightProperty, 100).ThrowIfAny();
        var spec = new ProjectionSpec(request.Labels, request.RelationshipTypes, WeightProperty: WeightOf(request.WeightProperty), AsOf: asOf, MultiEdges: multiEdges);
        var projection = await ProjectAsync(spec, context.CancellationToken);
        var result = Centrality.Compute(projection, measure!.Value, new CentralityOptions(sampleSize, request.Seed, tolerance), context.CancellationToken);
        var ranked = Centrality.Rank(projection, result.Scores, top, context.CancellationToken);
        var nodes = await NodeRecordsAsync(projection, ranked.Select(s => s.Node), context.CancellationToken);
        foreach (var score in ranked)
        {
            var node = nodes[score.Node];
            await responseStream.WriteAsync(new V1.CentralityScore
            {
                Name = score.Name, Score = score.Score, Rank = score.Rank, Label = node.Label, DisplayName = node.DisplayName,
                StandardError = result.StandardErrors?[score.Node] ?? 0, ErrorBound = result.ErrorBound,
            }, context.CancellationToken);
        }
    }

    public override async Task<DetectCommunitiesResponse> DetectCommunities(DetectCommunitiesRequest request, ServerCallContext context)
    {
        var checks = Projection(new RequestChecks(), request.Labels, request.RelationshipTypes);
        var asOf = checks.Date("as_of", request.AsOf);
        var algorithm = request.Algorithm switch
        {
            V1.CommunityAlgorithm.Wcc => DomainAlgorithm.WeaklyConnectedComponents,
            V1.CommunityAlgorithm.Louvain => DomainAlgorithm.Louvain,
            V1.CommunityAlgorithm.LabelPropagation => DomainAlgorithm.LabelPropagation,
            _ => (DomainAlgorithm?)null,
        };
        if (algorithm is null)
        {
            checks.Add("algorithm", "must be one of WCC, LOUVAIN, LABEL_PROPAGATION");
        }
        var multiEdges = MultiEdgesOf(checks, request.MultiEdges);
        var pageSize = checks.Bounded("page_size", request.PageSize, CommunityPages.DefaultPageSize, CommunityPages.MaxPageSize);
        if (request.MembersPerCommunity < 0)
        {
            checks.Add("members_per_community", "must not be negative (0 means every member)");
        }
        var start = CommunityPages.Decode(checks, request);
        checks.Length("weight_property", request.WeightProperty, 100).ThrowIfAny();
        var spec = new ProjectionSpec(request.Labels, request.RelationshipTypes, WeightProperty: WeightOf(request.WeightProperty), AsOf: asOf, MultiEdges: multiEdges);
        var projection = await ProjectAsync(spec, context.CancellationToken);
        CommunityPages.CheckUnchanged(start, projection);
        var list = communities.Get(spec, projection, algorithm!.Value, context.CancellationToken);
        return CommunityPages.Page(list, projection, start, pageSize, request.MembersPerCommunity,
            Limits.MaxMessageBytes / 2, CommunityPages.Query(request), context.CancellationToken);
    }

    public override async Task<GetNetworkMetricsResponse> GetNetworkMetrics(GetNetworkMetricsRequest request, ServerCallContext context)
    {
        var checks = Scope(Projection(new RequestChecks(), request.Labels, request.RelationshipTypes), request.Scope);
        var asOf = checks.Date("as_of", request.AsOf);
        var compareTo = checks.Date("compare_to", request.CompareTo);
        SampleSize(checks, request.SampleSize);
        if (request.SampleSize > 0 && compareTo is not null)
        {
            checks.Add("sample_size", "cannot be combined with compare_to");
        }
        checks.ThrowIfAny();
        var scope = await ScopeAsync(request.Scope, context.CancellationToken);
        var now = await ProjectAsync(new ProjectionSpec(request.Labels, request.RelationshipTypes, AsOf: asOf), context.CancellationToken);
        if (compareTo is null)
        {
            return new GetNetworkMetricsResponse { Metrics = ToProto(NetworkAnalysis.Metrics(now, scope, context.CancellationToken, request.SampleSize, request.Seed)) };
        }
        var then = await ProjectAsync(new ProjectionSpec(request.Labels, request.RelationshipTypes, AsOf: compareTo), context.CancellationToken);
        var change = NetworkAnalysis.Compare(then, now, scope, context.CancellationToken);
        var response = new GetNetworkMetricsResponse { Metrics = ToProto(change.Now), Compared = ToProto(change.Then) };
        response.TiesGained.AddRange(change.Gained.Select(k => new Tie { Start = k.Start, End = k.End, Type = k.Type }));
        response.TiesLost.AddRange(change.Lost.Select(k => new Tie { Start = k.Start, End = k.End, Type = k.Type }));
        return response;
    }

    public override async Task<SimulateRemovalResponse> SimulateRemoval(SimulateRemovalRequest request, ServerCallContext context)
    {
        var checks = Scope(Projection(new RequestChecks().Name("remove", request.Remove), request.Labels, request.RelationshipTypes), request.Scope);
        var asOf = checks.Date("as_of", request.AsOf);
        SampleSize(checks, request.SampleSize);
        checks.ThrowIfAny();
        var scope = await ScopeAsync(request.Scope, context.CancellationToken);
        var projection = await ProjectAsync(new ProjectionSpec(request.Labels, request.RelationshipTypes, AsOf: asOf), context.CancellationToken);
        var removed = await IndexAsync(projection, "remove", request.Remove, context.CancellationToken);
        var impact = NetworkAnalysis.SimulateRemoval(projection, scope, projection.NameOf(removed), context.CancellationToken, request.SampleSize, request.Seed);
        var response = new SimulateRemovalResponse { Before = ToProto(impact.Before), After = ToProto(impact.After) };
        response.Disconnected.AddRange(impact.Disconnected);
        return response;
    }

    private static RequestChecks Projection(RequestChecks checks, IReadOnlyList<string> labels, IReadOnlyList<string> types) =>
        checks.Labels("labels", labels).RelationshipTypes("relationship_types", types);

    private static MultiEdges MultiEdgesOf(RequestChecks checks, V1.MultiEdges multiEdges)
    {
        switch (multiEdges)
        {
            case V1.MultiEdges.Unspecified or V1.MultiEdges.Merge:
                return MultiEdges.Merge;
            case V1.MultiEdges.Keep:
                return MultiEdges.Keep;
            default:
                checks.Add("multi_edges", "must be MERGE or KEEP");
                return MultiEdges.Merge;
        }
    }

    private static string? WeightOf(string weightProperty) => weightProperty.Length == 0 ? null : weightProperty;

    /// <summary>PageRank's stopping tolerance: 0 means the default; otherwise from 1e-15 (below it rounding error is larger) to 1.</summary>
    private static double Tolerance(RequestChecks checks, double tolerance)
    {
        if (tolerance == 0)
        {
            return CentralityOptions.DefaultPageRankTolerance;
        }
        if (!(tolerance is >= 1e-15 and <= 1))
        {
            checks.Add("tolerance", $"must be from 1e-15 to 1 (0 means {CentralityOptions.DefaultPageRankTolerance:R})");
        }
        return tolerance;
    }

    private static RequestChecks Scope(RequestChecks checks, string scope) =>
        scope.Length == 0 ? checks : checks.Name("scope", scope, "Locality");

    private async Task<IReadOnlyCollection<string>?> ScopeAsync(string scope, CancellationToken cancellationToken) =>
        scope.Length == 0 ? null : (IReadOnlyCollection<string>)await NetworkAnalysis.LocalityScopeAsync(store, scope, cancellationToken);

    private Task<NetworkProjection> ProjectAsync(ProjectionSpec spec, CancellationToken cancellationToken) =>
        projections.GetAsync(spec, cancellationToken);

    /// <summary>
    /// The stored records of the nodes a result shows, by projection index: projections keep only names and arcs. A
    /// node deleted since the projection was read comes back with its name and label alone.
    /// </summary>
    private async Task<Dictionary<int, GraphNode>> NodeRecordsAsync(NetworkProjection projection, IEnumerable<int> indices, CancellationToken cancellationToken)
    {
        var wanted = indices.Distinct().ToList();
        var stored = (await store.GetNodesAsync(wanted.Select(projection.NameOf).ToList(), cancellationToken)).ToDictionary(n => n.Name, StringComparer.Ordinal);
        // A lookup that finished after the budget ended does not make the answer on time.
        cancellationToken.ThrowIfCancellationRequested();
        return wanted.ToDictionary(i => i, i => stored.GetValueOrDefault(projection.NameOf(i)) ?? projection.BareNode(i));
    }

    /// <summary>The stored records of the relationships a result shows, by projection index (without properties if deleted since).</summary>
    private async Task<Dictionary<int, GraphRelationship>> RelationshipRecordsAsync(NetworkProjection projection, IEnumerable<int> indices, CancellationToken cancellationToken)
    {
        var wanted = indices.Distinct().ToList();
        var stored = (await store.GetRelationshipsAsync(wanted.Select(projection.KeyOf).ToList(), cancellationToken)).ToDictionary(r => r.Key);
        cancellationToken.ThrowIfCancellationRequested();
        return wanted.ToDictionary(i => i, i => stored.GetValueOrDefault(projection.KeyOf(i)) ?? projection.BareRelationship(i));
    }

    /// <summary>A node's place in the projection: NOT_FOUND if it does not exist, INVALID_ARGUMENT if the projection leaves it out.</summary>
    private async Task<int> IndexAsync(NetworkProjection projection, string field, string name, CancellationToken cancellationToken)
    {
        var index = projection.IndexOf(name);
        if (index >= 0)
        {
            return index;
        }
        if (await store.GetNodeAsync(name, cancellationToken) is null)
        {
            throw new NodeNotFoundException(name);
        }
        throw GraphValidationException.Single(field, $"`{name}` is not in the network chosen by labels, relationship_types and as_of");
    }

    private static V1.NetworkMetrics ToProto(DomainMetrics metrics) => new()
    {
        Nodes = metrics.Nodes,
        Edges = metrics.Edges,
        Density = metrics.Density,
        DegreeCentralization = metrics.DegreeCentralization,
        AveragePathLength = metrics.AveragePathLength,
        Diameter = metrics.Diameter,
        AverageClustering = metrics.AverageClustering,
        Transitivity = metrics.Transitivity,
        Components = metrics.Components,
        Estimated = metrics.IsEstimate,
        DiameterIsLowerBound = metrics.IsEstimate,
        SampledSources = metrics.SampledSources,
    };

    private static void SampleSize(RequestChecks checks, int sampleSize)
    {
        if (sampleSize is < 0 or 1)
        {
            checks.Add("sample_size", "must be 0 (exact) or at least 2 (an estimate's standard error needs two sources)");
        }
    }
}
