using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Neo4j;

/// <summary>Reads: nodes and relationships by name, by page, by neighbourhood, streamed, and counted.</summary>
public sealed partial class Neo4jGraphStore
{
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

    /// <summary>Reads the version node: one lookup, however large the graph.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => ReadAsync(new Statement(Cypher.ReadVersion), cancellationToken);

    private static Dictionary<string, long> Tally(object? rows, string key, string count) =>
        ((IEnumerable<object?>)rows!).Cast<IReadOnlyDictionary<string, object?>>()
            .ToDictionary(m => (string)m[key]!, m => (long)m[count]!, StringComparer.Ordinal);
}
