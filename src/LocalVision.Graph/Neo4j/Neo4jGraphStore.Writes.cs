using LocalVision.Graph.Import;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Neo4j;

/// <summary>Writes: a batch in one transaction (with request-id replay), and deleting a node.</summary>
public sealed partial class Neo4jGraphStore
{
    public async Task<WriteResult> WriteAsync(GraphBatch batch, WriteOptions options, CancellationToken cancellationToken)
    {
        ResolvedBatch.CheckGiven(batch, options.OnConflict);
        var remembers = options.RequestId is not null && !options.DryRun;
        if (remembers && await FindRequestAsync(options, null, cancellationToken) is { } replayed)
        {
            return replayed;
        }
        var nowMs = _options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
        return await InWriteTransactionAsync(async (tx, token) =>
        {
            // Writes are serialised from here on, so a request id seen now was committed before this transaction,
            // and the stored nodes read now are the ones this write meets.
            if (remembers && await FindRequestAsync(options, tx, token) is { } replay)
            {
                return (replay, false);
            }
            var resolved = ResolvedBatch.Resolve(batch, await StoredNodesAsync(tx, batch, options, token), options.OnConflict);
            var written = resolved.Batch;
            await CheckEndpointsAsync(tx, written, options, token);
            if (options.DryRun)
            {
                return (new WriteResult(written.Nodes, written.Relationships, Counts: resolved.Counts), false);
            }
            var createTimes = await UpsertNodesAsync(tx, resolved.NodesToWrite.ToList(), nowMs, token);
            await UpsertRelationshipsAsync(tx, written, options, token);
            var result = new WriteResult(
                written.Nodes.Select(n => createTimes.TryGetValue(n.Name, out var created)
                    ? n with { CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(created), UpdateTime = now }
                    : n).ToList(),
                written.Relationships,
                Counts: resolved.Counts);
            if (options.RequestId is { } remembered)
            {
                await tx.RunAsync(new Statement(Cypher.RememberRequest, new JsonObject
                {
                    ["id"] = remembered,
                    ["result"] = GraphJson.SerializeResult(result),
                    ["now"] = nowMs,
                    ["owner"] = options.Owner ?? "",
                    ["fingerprint"] = options.Fingerprint ?? "",
                }), token);
            }
            return (result, true);
        }, cancellationToken);
    }

    private async Task<WriteResult?> FindRequestAsync(WriteOptions options, QueryApiTransaction? tx, CancellationToken cancellationToken)
    {
        var statement = new Statement(Cypher.FindRequest, new JsonObject { ["id"] = options.RequestId });
        var result = tx is null ? await ReadAsync(statement, cancellationToken) : await tx.RunAsync(statement, cancellationToken);
        if (result.Rows.Count == 0)
        {
            return null;
        }
        options.CheckReplay(result.Value(0, "owner") as string, result.Value(0, "fingerprint") as string);
        return GraphJson.DeserializeResult((string)result.Value(0, "result")!);
    }

    /// <summary>The stored nodes of the batch's names, read in the write transaction (and, in a dry run, those earlier batches of it would have written).</summary>
    private async Task<IReadOnlyDictionary<string, GraphNode>> StoredNodesAsync(QueryApiTransaction tx, GraphBatch batch, WriteOptions options, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var chunk in batch.Nodes.Select(n => n.Name).Chunk(_options.BatchSize))
        {
            var result = await tx.RunAsync(new Statement(Cypher.GetNodes, new JsonObject { ["names"] = Strings(chunk) }), cancellationToken);
            foreach (var row in result.Rows)
            {
                var node = StoredForm.Node(row[0]);
                stored[node.Name] = node;
            }
        }
        foreach (var (name, node) in options.DryRunNodes ?? new Dictionary<string, GraphNode>())
        {
            stored[name] = node;
        }
        return stored;
    }

    /// <summary>Relationship ends that are neither in the batch nor in the graph fail the batch, named as the embedded store names them.</summary>
    private async Task CheckEndpointsAsync(QueryApiTransaction tx, GraphBatch batch, WriteOptions options, CancellationToken cancellationToken)
    {
        var inBatch = batch.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        inBatch.UnionWith(options.DryRunNodes?.Keys ?? []);
        var outside = batch.Relationships.SelectMany(r => new[] { r.Start, r.End }).Where(n => !inBatch.Contains(n)).Distinct().ToList();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in outside.Chunk(_options.BatchSize))
        {
            var result = await tx.RunAsync(new Statement(Cypher.MissingNodes, new JsonObject { ["names"] = Strings(chunk) }), cancellationToken);
            missing.UnionWith(((IEnumerable<object?>)result.Value(0, "missing")!).Cast<string>());
        }
        if (missing.Count == 0)
        {
            return;
        }
        var violations = new List<FieldViolation>();
        for (var i = 0; i < batch.Relationships.Count; i++)
        {
            foreach (var (field, name) in new[] { ("start", batch.Relationships[i].Start), ("end", batch.Relationships[i].End) })
            {
                if (missing.Contains(name))
                {
                    violations.Add(new($"relationships[{i}].{field}", $"node `{name}` does not exist"));
                }
            }
        }
        throw new MissingNodesException(violations);
    }

    private async Task<Dictionary<string, long>> UpsertNodesAsync(QueryApiTransaction tx, IReadOnlyList<GraphNode> nodes, long nowMs, CancellationToken cancellationToken)
    {
        var createTimes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var byLabel in nodes.GroupBy(n => n.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var chunk in byLabel.Chunk(_options.BatchSize))
            {
                var rows = new JsonArray(chunk.Select(n => (JsonNode?)new JsonObject { ["name"] = n.Name, ["fields"] = StoredForm.NodeFields(n) }).ToArray());
                var result = await tx.RunAsync(new Statement(Cypher.UpsertNodes(byLabel.Key), new JsonObject { ["rows"] = rows, ["now"] = nowMs }), cancellationToken);
                for (var i = 0; i < result.Rows.Count; i++)
                {
                    createTimes[(string)result.Value(i, "name")!] = (long)result.Value(i, "createTime")!;
                }
            }
        }
        return createTimes;
    }

    private async Task UpsertRelationshipsAsync(QueryApiTransaction tx, GraphBatch batch, WriteOptions options, CancellationToken cancellationToken)
    {
        foreach (var byType in batch.Relationships.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var chunk in byType.Chunk(_options.BatchSize))
            {
                var rows = new JsonArray(chunk.Select(r => (JsonNode?)new JsonObject
                {
                    ["start"] = r.Start,
                    ["end"] = r.End,
                    ["properties"] = r.Properties.ToJsonString(),
                }).ToArray());
                var result = await tx.RunAsync(new Statement(Cypher.UpsertRelationships(byType.Key), new JsonObject { ["rows"] = rows }), cancellationToken);
                var written = result.Single<long>("written");
                if (written < chunk.Length)
                {
                    // Only a node deleted behind the version lock could do this; say which ends are gone.
                    await CheckEndpointsAsync(tx, batch with { Nodes = [] }, options, cancellationToken);
                    throw new GraphStoreUnavailableException(StoreFault.Rejected,
                        $"Neo4j wrote {written} of {chunk.Length} {byType.Key} relationships although their nodes exist; nothing of this request was written");
                }
            }
        }
    }

    public Task<int> DeleteNodeAsync(string name, bool cascade, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(async (tx, token) =>
        {
            var found = await tx.RunAsync(new Statement(Cypher.CountRelationshipsOfNode, new JsonObject { ["name"] = name }), token);
            if (found.Rows.Count == 0)
            {
                throw new NodeNotFoundException(name);
            }
            var relationships = checked((int)found.Single<long>("relationships"));
            if (relationships > 0 && !cascade)
            {
                throw new NodeHasRelationshipsException(name, relationships);
            }
            await tx.RunAsync(new Statement(Cypher.DeleteNode, new JsonObject { ["name"] = name }), token);
            return (relationships, true);
        }, cancellationToken);
}
