using Grpc.Core;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Server.Access;
using LocalVision.Server.Grpc.Errors;
using LocalVision.Server.Grpc.Mapping;
using LocalVision.Server.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.Options;
using NodeWriteCounts = LocalVision.Graph.Store.NodeWriteCounts;
using WriteOptions = LocalVision.Graph.Store.WriteOptions;

namespace LocalVision.Server.Grpc;

/// <summary>The GraphService: reading and writing nodes and relationships, bulk import and export.</summary>
public sealed class GraphApi(IGraphStore store, IOptions<LocalVisionOptions> options) : GraphService.GraphServiceBase
{
    private const int MaxRequestIdLength = 128;

    private LimitOptions Limits => options.Value.Limits;

    public override async Task<Node> GetNode(GetNodeRequest request, ServerCallContext context)
    {
        new RequestChecks().Name("name", request.Name).ThrowIfAny();
        var node = await store.GetNodeAsync(request.Name, context.CancellationToken) ?? throw new NodeNotFoundException(request.Name);
        return node.ToProto(context.Redactor());
    }

    public override async Task<ListNodesResponse> ListNodes(ListNodesRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks().Label("label", request.Label);
        var pageSize = checks.PageSize("page_size", request.PageSize, Limits.DefaultPageSize, Limits.MaxPageSize);
        var filter = checks.Filter("filter", request.Filter);
        checks.ThrowIfAny();
        ConfidentialFilter.Check(context.Redactor(), request.Label, filter);
        if (request.Label.Length > 0 && !request.AllowUnknownProperties)
        {
            await FilterProperties.CheckAsync(store, "filter", request.Label, filter, context.CancellationToken);
        }
        var page = await store.ListNodesAsync(new NodeQuery(request.Label, filter, pageSize, request.PageToken), context.CancellationToken);
        var response = new ListNodesResponse { NextPageToken = page.NextPageToken ?? "", TotalSize = page.TotalSize };
        response.Nodes.AddRange(page.Items.Select(n => n.ToProto(context.Redactor())));
        return response;
    }

    public override async Task<UpsertNodesResponse> UpsertNodes(UpsertNodesRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks()
            .Count("nodes", request.Nodes.Count, Limits.MaxBatchSize)
            .Length("request_id", request.RequestId, MaxRequestIdLength);
        var policy = checks.OnConflict("on_conflict", request.OnConflict);
        var nodes = request.Nodes.ToDomain("nodes", checks.Violations);
        checks.ThrowIfAny();
        var options = RequestOptions(request.RequestId, context, request.Clone(), r => r.RequestId = "") with { OnConflict = policy, DryRun = request.DryRun };
        var result = await store.WriteAsync(new GraphBatch(nodes, []), options, context.CancellationToken);
        var response = new UpsertNodesResponse { Counts = result.NodeCounts.ToProto() };
        response.Nodes.AddRange(result.Nodes.Select(n => n.ToProto(context.Redactor())));
        return response;
    }

    public override async Task<DeleteNodeResponse> DeleteNode(DeleteNodeRequest request, ServerCallContext context)
    {
        new RequestChecks().Name("name", request.Name).ThrowIfAny();
        var removed = await store.DeleteNodeAsync(request.Name, request.Cascade, context.CancellationToken);
        return new DeleteNodeResponse { RelationshipsDeleted = removed };
    }

    public override async Task<UpsertRelationshipsResponse> UpsertRelationships(UpsertRelationshipsRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks()
            .Count("relationships", request.Relationships.Count, Limits.MaxBatchSize)
            .Length("request_id", request.RequestId, MaxRequestIdLength);
        var relationships = request.Relationships.ToDomain("relationships", checks.Violations);
        checks.ThrowIfAny();
        var result = await store.WriteAsync(new GraphBatch([], relationships), RequestOptions(request.RequestId, context, request.Clone(), r => r.RequestId = ""), context.CancellationToken);
        var response = new UpsertRelationshipsResponse();
        response.Relationships.AddRange(result.Relationships.Select(r => r.ToProto()));
        return response;
    }

    public override async Task<ListRelationshipsResponse> ListRelationships(ListRelationshipsRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks().Name("node", request.Node).RelationshipType("type", request.Type);
        var pageSize = checks.PageSize("page_size", request.PageSize, Limits.DefaultPageSize, Limits.MaxPageSize);
        if (!System.Enum.IsDefined(request.Direction))
        {
            checks.Add("direction", "is not a Direction");
        }
        checks.ThrowIfAny();
        var page = await store.ListRelationshipsAsync(
            new RelationshipQuery(request.Node, request.Type, request.Direction.ToDomain(), pageSize, request.PageToken), context.CancellationToken);
        var response = new ListRelationshipsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Relationships.AddRange(page.Items.Select(r => r.ToProto()));
        return response;
    }

    public override async Task<V1.Subgraph> GetNeighborhood(GetNeighborhoodRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks()
            .Name("name", request.Name)
            .RelationshipTypes("relationship_types", request.RelationshipTypes)
            .Labels("labels", request.Labels);
        var depth = checks.Bounded("depth", request.Depth, 1, Limits.MaxDepth);
        var limit = checks.Bounded("limit", request.Limit, Limits.DefaultNeighborhoodNodes, Limits.MaxNeighborhoodNodes);
        checks.ThrowIfAny();
        var subgraph = await store.GetNeighborhoodAsync(
            new NeighborhoodQuery(request.Name, depth, request.RelationshipTypes.Distinct().ToList(), request.Labels.Distinct().ToList(), limit),
            context.CancellationToken);
        return subgraph.ToProto(context.Redactor());
    }

    public override async Task<ImportGraphResponse> ImportGraph(IAsyncStreamReader<ImportGraphRequest> requestStream, ServerCallContext context)
    {
        var response = new ImportGraphResponse();
        var counts = NodeWriteCounts.None;
        WriteOptions? options = null;
        // A dry run writes nothing, so the nodes its earlier messages would have written are carried to the later ones.
        var planned = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var checks = new RequestChecks().Count("nodes", message.Nodes.Count + message.Relationships.Count, Limits.MaxBatchSize);
            options ??= new WriteOptions(OnConflict: checks.OnConflict("on_conflict", message.OnConflict), DryRun: message.DryRun, DryRunNodes: planned);
            checks.SameAsFirst("on_conflict", message.OnConflict, options.OnConflict).SameAsFirst("dry_run", message.DryRun, options.DryRun);
            var batch = new GraphBatch(message.Nodes.ToDomain("nodes", checks.Violations), message.Relationships.ToDomain("relationships", checks.Violations));
            WriteResult result;
            try
            {
                checks.ThrowIfAny();
                result = await store.WriteAsync(batch, options, context.CancellationToken);
            }
            catch (Exception e) when (e is GraphValidationException or MissingNodesException or NodeConflictException)
            {
                throw new ImportBatchRejectedException(e, response.Batches, response.NodesWritten, response.RelationshipsWritten, options.DryRun);
            }
            if (options.DryRun)
            {
                foreach (var node in result.Nodes)
                {
                    planned[node.Name] = node;
                }
            }
            counts = counts.Add(result.NodeCounts);
            response.Batches++;
            response.NodesWritten = counts.Written;
            response.RelationshipsWritten += batch.Relationships.Count;
        }
        response.Counts = counts.ToProto();
        response.DryRun = options?.DryRun ?? false;
        return response;
    }

    public override async Task ExportGraph(ExportGraphRequest request, IServerStreamWriter<ExportGraphResponse> responseStream, ServerCallContext context)
    {
        var checks = new RequestChecks().Labels("labels", request.Labels);
        var batchSize = checks.Bounded("batch_size", request.BatchSize, 1000, Limits.MaxBatchSize);
        checks.ThrowIfAny();
        var labels = request.Labels.Distinct().ToList();
        var redactor = context.Redactor();
        var counts = await store.CountAsync(context.CancellationToken);
        var batch = new ExportGraphResponse
        {
            ExpectedNodes = labels.Count == 0 ? counts.Nodes : labels.Sum(l => counts.NodesByLabel.GetValueOrDefault(l)),
            ExpectedRelationships = counts.Relationships,
        };
        await foreach (var node in store.ReadNodesAsync(labels, context.CancellationToken))
        {
            batch.Nodes.Add(node.ToProto(redactor));
            if (batch.Nodes.Count >= batchSize)
            {
                await responseStream.WriteAsync(batch, context.CancellationToken);
                batch = new ExportGraphResponse();
            }
        }
        await foreach (var relationship in store.ReadRelationshipsAsync(labels, context.CancellationToken))
        {
            batch.Relationships.Add(relationship.ToProto());
            if (batch.Nodes.Count + batch.Relationships.Count >= batchSize)
            {
                await responseStream.WriteAsync(batch, context.CancellationToken);
                batch = new ExportGraphResponse();
            }
        }
        if (batch.Nodes.Count + batch.Relationships.Count > 0)
        {
            await responseStream.WriteAsync(batch, context.CancellationToken);
        }
    }

    /// <summary>
    /// A request id names one caller's write of one request: a retry by the same caller with the same content is
    /// answered from the first write; anyone else's use of the id, or other content under it, is refused.
    /// </summary>
    private static WriteOptions RequestOptions<T>(string requestId, ServerCallContext context, T withoutId, Action<T> clearId)
        where T : Google.Protobuf.IMessage
    {
        if (requestId.Length == 0)
        {
            return WriteOptions.None;
        }
        clearId(withoutId);
        return new WriteOptions(requestId, context.GetCaller()?.Principal ?? "", RequestFingerprint.Of(withoutId));
    }
}
