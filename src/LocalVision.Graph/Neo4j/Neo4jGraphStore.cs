using LocalVision.Graph.Import;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;

namespace LocalVision.Graph.Neo4j;

/// <summary>
/// The graph in a Neo4j server, cluster or Aura, spoken to over the HTTP Query API v2 (Neo4j 5.26+ and 2025.x).
/// The service keeps no state of its own, so several replicas can share one database: every write transaction
/// first bumps a version stamp kept in Neo4j (which also serialises writes), reads go to cluster readers with
/// the bookmark of this replica's last write, and <see cref="GetVersionAsync"/> reads the stamp so caches notice
/// writes made through other replicas. See <see cref="Cypher"/> for how the graph is laid out.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, ITheoryHistory
{
    private const int StreamPageSize = 1000;

    private readonly Neo4jConnection _connection;
    private readonly Neo4jStoreOptions _options;

    private Neo4jGraphStore(Neo4jConnection connection)
    {
        _connection = connection;
        _options = connection.Options;
    }

    public string Location => "neo4j " + _options.Location;

    /// <summary>The server's version as its discovery endpoint gave it, or null where there is none (Aura).</summary>
    public string? ServerVersion => _connection.ServerVersion;

    /// <summary>
    /// Connects, checks the server, and creates the constraints and indexes the store needs (idempotently).
    /// </summary>
    /// <param name="handler">The HTTP handler to send through (tests, proxies, custom certificates); a pooled one when null.</param>
    /// <exception cref="GraphStoreUnavailableException">
    /// The server cannot be reached, refuses the credentials, has no Query API, or is too old; the message says what to fix.
    /// </exception>
    public static async Task<Neo4jGraphStore> OpenAsync(Neo4jStoreOptions options, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        if (options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "the batch size must be at least 1");
        }
        var connection = await Neo4jConnection.OpenAsync(options, handler, cancellationToken);
        var store = new Neo4jGraphStore(connection);
        try
        {
            await store.StartAsync(cancellationToken);
            return store;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await _connection.EnsureSchemaAsync(Cypher.Schema, cancellationToken);
        await _connection.WriteAsync(new Statement(Cypher.EnsureMeta), cancellationToken);
    }

    public async ValueTask<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var result = await ReadAsync(new Statement(Cypher.ReadVersion), cancellationToken);
        return result.Single<long>("version");
    }

    public async Task<GraphNode?> GetNodeAsync(string name, CancellationToken cancellationToken)
    {
        var nodes = await GetNodesAsync([name], cancellationToken);
        return nodes.Count == 0 ? null : nodes[0];
    }

    public async Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var chunk in names.Distinct().Chunk(_options.BatchSize))
        {
            var result = await ReadAsync(new Statement(Cypher.GetNodes, new JsonObject { ["names"] = Strings(chunk) }), cancellationToken);
            foreach (var row in result.Rows)
            {
                var node = StoredForm.Node(row[0]);
                found[node.Name] = node;
            }
        }
        return names.Where(found.ContainsKey).Select(n => found[n]).ToList();
    }

    public async Task<Page<GraphNode>> ListNodesAsync(NodeQuery query, CancellationToken cancellationToken)
    {
        var fingerprint = $"nodes|{query.Label}|{query.Filter.Text}";
        var after = PageToken.Decode(query.PageToken, fingerprint);
        if (!string.IsNullOrEmpty(query.Label) && !Labels.IsKnown(query.Label))
        {
            return new Page<GraphNode>([], null, 0);
        }
        var result = await ReadAsync(new Statement(Cypher.ListNodes(query.Label), new JsonObject
        {
            ["filter"] = StoredForm.FilterParameter(query.Filter),
            ["after"] = after,
            ["limit"] = query.PageSize + 1,
        }), cancellationToken);
        var nodes = ((IEnumerable<object?>)result.Value(0, "page")!).Select(StoredForm.Node).ToList();
        string? next = null;
        if (nodes.Count > query.PageSize)
        {
            nodes.RemoveAt(nodes.Count - 1);
            next = PageToken.Encode(fingerprint, nodes[^1].Name);
        }
        return new Page<GraphNode>(nodes, next, checked((int)(long)result.Value(0, "total")!));
    }

    public async Task<bool> AnyNodeHasPropertyAsync(string label, string path, CancellationToken cancellationToken)
    {
        if (!Labels.IsKnown(label))
        {
            return false;
        }
        var result = await ReadAsync(new Statement(Cypher.AnyNodeHasProperty(label), new JsonObject { ["key"] = Cypher.CopiedPropertyPrefix + path }), cancellationToken);
        return result.Single<bool>("found");
    }

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

    public async Task<Page<GraphRelationship>> ListRelationshipsAsync(RelationshipQuery query, CancellationToken cancellationToken)
    {
        var fingerprint = $"relationships|{query.Node}|{query.Type}|{query.Direction}";
        var after = PageToken.Decode(query.PageToken, fingerprint);
        var result = await ReadAsync(new Statement(Cypher.ListRelationships(query.Direction), new JsonObject
        {
            ["name"] = query.Node,
            ["type"] = string.IsNullOrEmpty(query.Type) ? null : query.Type,
            ["after"] = after,
            ["limit"] = query.PageSize + 1,
        }), cancellationToken);
        if (result.Rows.Count == 0)
        {
            throw new NodeNotFoundException(query.Node);
        }
        var rows = ((IEnumerable<object?>)result.Value(0, "relationships")!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        string? next = null;
        if (rows.Count > query.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = PageToken.Encode(fingerprint, (string)rows[^1]["key"]!);
        }
        var relationships = rows.Select(r => StoredForm.Relationship((string)r["type"]!, (string)r["startName"]!, (string)r["endName"]!, r["properties"])).ToList();
        return new Page<GraphRelationship>(relationships, next, relationships.Count);
    }

    public async Task<Subgraph> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        if (query.Depth < 1)
        {
            var alone = await GetNodeAsync(query.Name, cancellationToken) ?? throw new NodeNotFoundException(query.Name);
            return new Subgraph([alone], [], false);
        }
        // The start node counts against the limit, as in the embedded store.
        var others = Math.Max(query.Limit - 1, 0);
        var types = Strings(query.RelationshipTypes);
        var result = await ReadAsync(new Statement(Cypher.Neighborhood(Math.Min(query.Depth, Cypher.MaxDepth)), new JsonObject
        {
            ["name"] = query.Name,
            ["types"] = types,
            ["labels"] = Strings(query.Labels),
            ["limit"] = others + 1,
        }), cancellationToken);
        if (result.Rows.Count == 0)
        {
            throw new NodeNotFoundException(query.Name);
        }
        var reached = ((IEnumerable<object?>)result.Value(0, "reached")!).Cast<string>().ToList();
        var nodesTruncated = reached.Count > others;
        var names = new List<string> { (string)result.Value(0, "start")! };
        names.AddRange(reached.Take(others));

        var relationshipLimit = query.RelationshipLimit;
        var among = await ReadAsync(new Statement(Cypher.RelationshipsAmong, new JsonObject
        {
            ["names"] = Strings(names),
            ["types"] = (JsonArray)types.DeepClone(),
            ["limit"] = relationshipLimit + 1,
        }), cancellationToken);
        var relationships = Enumerable.Range(0, among.Rows.Count)
            .Select(i => StoredForm.Relationship((string)among.Value(i, "type")!, (string)among.Value(i, "startName")!, (string)among.Value(i, "endName")!, among.Value(i, "properties")))
            .ToList();
        var relationshipsTruncated = relationships.Count > relationshipLimit;
        if (relationshipsTruncated)
        {
            relationships.RemoveRange(relationshipLimit, relationships.Count - relationshipLimit);
        }
        var nodes = await GetNodesAsync(names, cancellationToken);
        return new Subgraph(nodes, relationships, nodesTruncated || relationshipsTruncated);
    }

    public async Task<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(IReadOnlyCollection<RelationshipKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var rows = new JsonArray(keys.Distinct().Select(k => (JsonNode)new JsonObject { ["type"] = k.Type, ["start"] = k.Start, ["end"] = k.End }).ToArray());
        var result = await ReadAsync(new Statement(Cypher.RelationshipsByKey, new JsonObject { ["keys"] = rows }), cancellationToken);
        return Enumerable.Range(0, result.Rows.Count)
            .Select(i => StoredForm.Relationship((string)result.Value(i, "type")!, (string)result.Value(i, "startName")!, (string)result.Value(i, "endName")!, result.Value(i, "properties")))
            .ToList();
    }

    public async IAsyncEnumerable<GraphNode> ReadNodesAsync(IReadOnlyCollection<string> labels, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var result = await ReadAsync(new Statement(Cypher.ReadNodes, new JsonObject
            {
                ["labels"] = Strings(labels),
                ["after"] = after,
                ["limit"] = StreamPageSize,
            }), cancellationToken);
            foreach (var row in result.Rows)
            {
                var node = StoredForm.Node(row[0]);
                after = node.Name;
                yield return node;
            }
            if (result.Rows.Count < StreamPageSize)
            {
                yield break;
            }
        }
    }

    public async IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync(IReadOnlyCollection<string> labels, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            // Each row is a start node and the relationships it starts; pages count start nodes.
            var result = await ReadAsync(new Statement(Cypher.ReadRelationships, new JsonObject
            {
                ["labels"] = Strings(labels),
                ["after"] = after,
                ["limit"] = StreamPageSize,
            }), cancellationToken);
            for (var i = 0; i < result.Rows.Count; i++)
            {
                after = (string)result.Value(i, "startName")!;
                foreach (var relationship in ((IEnumerable<object?>)result.Value(i, "relationships")!).Cast<IReadOnlyDictionary<string, object?>>())
                {
                    yield return StoredForm.Relationship((string)relationship["type"]!, after, (string)relationship["endName"]!, relationship["properties"]);
                }
            }
            if (result.Rows.Count < StreamPageSize)
            {
                yield break;
            }
        }
    }

    public async Task<GraphCounts> CountAsync(CancellationToken cancellationToken)
    {
        var result = await ReadAsync(new Statement(Cypher.Count), cancellationToken);
        var byLabel = Tally(result.Value(0, "byLabel"), "label", "nodes");
        var byType = Tally(result.Value(0, "byType"), "type", "relationships");
        return new GraphCounts(byLabel.Values.Sum(), byType.Values.Sum(), byLabel, byType);
    }

    private static Dictionary<string, long> Tally(object? rows, string key, string count) =>
        ((IEnumerable<object?>)rows!).Cast<IReadOnlyDictionary<string, object?>>()
            .ToDictionary(m => (string)m[key]!, m => (long)m[count]!, StringComparer.Ordinal);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private Task<QueryResult> ReadAsync(Statement statement, CancellationToken cancellationToken) =>
        _connection.ReadAsync(statement, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction opened by the version bump and committed with a read of the
    /// new version (rolled back when the work says so, or throws).
    /// </summary>
    private Task<T> InWriteTransactionAsync<T>(Func<QueryApiTransaction, CancellationToken, Task<(T Value, bool Commit)>> work, CancellationToken cancellationToken) =>
        _connection.InTransactionAsync(new Statement(Cypher.BumpVersion), new Statement(Cypher.ReadVersion), work, cancellationToken);

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
