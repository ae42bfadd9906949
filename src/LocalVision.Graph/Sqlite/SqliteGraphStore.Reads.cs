using System.Globalization;
using System.Runtime.CompilerServices;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>Reads: nodes and relationships by name, by page, by neighbourhood, streamed, and counted.</summary>
public sealed partial class SqliteGraphStore
{
    public async Task<GraphNode?> GetNodeAsync(string name, CancellationToken cancellationToken)
    {
        var nodes = await GetNodesAsync([name], cancellationToken);
        return nodes.Count == 0 ? null : nodes[0];
    }

    public async Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        await _nodeCache.GetAsync(names.Distinct().ToList(), missing => ReadAsync(connection =>
        {
            var nodes = new List<(string, GraphNode)>(missing.Count);
            foreach (var chunk in missing.Chunk(ChunkSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {SqliteRows.NodeColumns} FROM nodes WHERE name IN ({Parameters(command, "n", chunk)})";
                nodes.AddRange(SqliteRows.Nodes(command, Location).Select(node => (node.Name, node)));
            }
            return nodes;
        }, cancellationToken));

    public Task<Page<GraphNode>> ListNodesAsync(NodeQuery query, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            var after = PageToken.Decode(query.PageToken, $"nodes|{query.Label}|{query.Filter.Text}");
            using var command = connection.CreateCommand();
            var where = new List<string>();
            if (!string.IsNullOrEmpty(query.Label))
            {
                where.Add("label = @label");
                command.Parameters.AddWithValue("@label", query.Label);
            }
            for (var i = 0; i < query.Filter.Clauses.Count; i++)
            {
                where.Add(SqliteFilterSql.Clause(query.Filter.Clauses[i], i, command));
            }
            var condition = where.Count == 0 ? "1" : string.Join(" AND ", where);
            command.CommandText = $"SELECT COUNT(*) FROM nodes WHERE {condition}";
            var total = Convert.ToInt32(command.ExecuteScalar());

            command.CommandText = $"SELECT {SqliteRows.NodeColumns} FROM nodes WHERE {condition}"
                + (after is null ? "" : " AND name > @after") + " ORDER BY name LIMIT @limit";
            if (after is not null)
            {
                command.Parameters.AddWithValue("@after", after);
            }
            command.Parameters.AddWithValue("@limit", query.PageSize + 1);
            var nodes = SqliteRows.Nodes(command, Location);
            string? next = null;
            if (nodes.Count > query.PageSize)
            {
                nodes.RemoveAt(nodes.Count - 1);
                next = PageToken.Encode($"nodes|{query.Label}|{query.Filter.Text}", nodes[^1].Name);
            }
            return new Page<GraphNode>(nodes, next, total);
        }, cancellationToken);

    public Task<bool> AnyNodeHasPropertyAsync(string label, string path, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM nodes WHERE label = @label "
                + "AND json_type(properties, @path) IN ('text', 'integer', 'real', 'true', 'false'))";
            command.Parameters.AddWithValue("@label", label);
            command.Parameters.AddWithValue("@path", "$." + path);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        }, cancellationToken);

    public Task<Page<GraphRelationship>> ListRelationshipsAsync(RelationshipQuery query, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            if (!_index.TryGetId(query.Node, out var id))
            {
                throw new NodeNotFoundException(query.Node);
            }
            var fingerprint = $"relationships|{query.Node}|{query.Type}|{query.Direction}";
            var after = PageToken.Decode(query.PageToken, fingerprint);
            using var command = connection.CreateCommand();
            var ends = query.Direction switch
            {
                Direction.Outgoing => "r.start_id = @id",
                Direction.Incoming => "r.end_id = @id",
                _ => "(r.start_id = @id OR r.end_id = @id)",
            };
            command.CommandText =
                $"SELECT {SqliteRows.RelationshipColumns} FROM relationships r "
                + "JOIN nodes s ON s.id = r.start_id JOIN nodes e ON e.id = r.end_id "
                + $"WHERE {ends}" + (string.IsNullOrEmpty(query.Type) ? "" : " AND r.type = @type")
                + " AND r.id > @after ORDER BY r.id LIMIT @limit";
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@type", query.Type ?? "");
            command.Parameters.AddWithValue("@after", after is null ? -1 : RelationshipPosition(after));
            command.Parameters.AddWithValue("@limit", query.PageSize + 1);
            var rows = SqliteRows.Relationships(command, Location);
            string? next = null;
            if (rows.Count > query.PageSize)
            {
                rows.RemoveAt(rows.Count - 1);
                next = PageToken.Encode(fingerprint, rows[^1].Id.ToString(CultureInfo.InvariantCulture));
            }
            return new Page<GraphRelationship>(rows.Select(r => r.Relationship).ToList(), next, rows.Count);
        }, cancellationToken);

    public async Task<Subgraph> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        if (!_index.TryGetId(query.Name, out var start))
        {
            throw new NodeNotFoundException(query.Name);
        }
        var types = query.RelationshipTypes.Count == 0 ? null : query.RelationshipTypes.Select(AdjacencyIndex.TypeCode).ToHashSet();
        var labels = query.Labels.Count == 0 ? null : query.Labels.Select(AdjacencyIndex.LabelCode).ToHashSet();
        var (ids, nodesTruncated) = _index.Expand(start, query.Depth, types, labels, query.Limit, cancellationToken);
        var (relationshipIds, relationshipsTruncated) = _index.RelationshipsAmong(ids.ToHashSet(), types, query.RelationshipLimit);
        var names = _index.Read(r => ids.Select(r.NameOf).ToList());
        var nodes = await GetNodesAsync(names, cancellationToken);
        var relationships = await GetRelationshipsAsync(relationshipIds, cancellationToken);
        return new Subgraph(nodes, relationships, nodesTruncated || relationshipsTruncated);
    }

    private Task<List<GraphRelationship>> GetRelationshipsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        _relationshipCache.GetAsync(ids, missing => ReadAsync(connection => ReadRelationshipsById(connection, missing, cancellationToken), cancellationToken));

    public Task<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(IReadOnlyCollection<RelationshipKey> keys, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<GraphRelationship>>(connection =>
        {
            // One prepared lookup per key through the (start_id, type, end_id) index; results show tens of ties, not millions.
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {SqliteRows.RelationshipColumns} FROM nodes s CROSS JOIN relationships r CROSS JOIN nodes e "
                + "WHERE s.name = @start AND r.start_id = s.id AND r.type = @type AND e.id = r.end_id AND e.name = @end";
            var start = command.Parameters.Add("@start", SqliteType.Text);
            var type = command.Parameters.Add("@type", SqliteType.Text);
            var end = command.Parameters.Add("@end", SqliteType.Text);
            var found = new List<GraphRelationship>(keys.Count);
            foreach (var key in keys.Distinct())
            {
                cancellationToken.ThrowIfCancellationRequested();
                (start.Value, type.Value, end.Value) = (key.Start, key.Type, key.End);
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    found.Add(SqliteRows.Relationship(reader, Location));
                }
            }
            return found;
        }, cancellationToken);

    public async IAsyncEnumerable<GraphNode> ReadNodesAsync(IReadOnlyCollection<string> labels, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await ReadAsync(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = ReadNodesQuery(Parameters(command, "l", labels), labels.Count > 0);
                command.Parameters.AddWithValue("@after", after ?? "");
                return SqliteRows.Nodes(command, Location);
            }, cancellationToken);
            foreach (var node in page)
            {
                yield return node;
            }
            if (page.Count < StreamPageSize)
            {
                yield break;
            }
            after = page[^1].Name;
        }
    }

    public async IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync(IReadOnlyCollection<string> labels, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = -1L;
        while (true)
        {
            var page = await ReadAsync(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = ReadRelationshipsQuery(Parameters(command, "l", labels), Parameters(command, "m", labels), labels.Count > 0);
                command.Parameters.AddWithValue("@after", after);
                return SqliteRows.Relationships(command, Location);
            }, cancellationToken);
            foreach (var (_, relationship) in page)
            {
                yield return relationship;
            }
            if (page.Count < StreamPageSize)
            {
                yield break;
            }
            after = page[^1].Id;
        }
    }

    /// <summary>
    /// A page of <see cref="ReadNodesAsync"/>: the next <see cref="StreamPageSize"/> nodes after <c>@after</c> in name order, walking the
    /// name index. The label test is written <c>+label</c> so that SQLite cannot pick the label index instead: that
    /// plan finds every node of the labels and sorts them all again for each page.
    /// </summary>
    internal static string ReadNodesQuery(string labelParameters, bool byLabel) =>
        $"SELECT {SqliteRows.NodeColumns} FROM nodes "
        + $"WHERE {(byLabel ? $"+label IN ({labelParameters})" : "1")} AND name > @after ORDER BY name LIMIT {StreamPageSize}";

    /// <summary>
    /// A page of <see cref="ReadRelationshipsAsync"/>: the next <see cref="StreamPageSize"/> relationships after id <c>@after</c>, walking
    /// the relationships table in id order and looking each end up by its key. CROSS JOIN fixes that order of the
    /// loops (SQLite never reorders it): with a plain join the planner starts from the label index and sorts every
    /// matching relationship again for each page, which made a labelled read of a million ties take half an hour.
    /// </summary>
    internal static string ReadRelationshipsQuery(string startLabels, string endLabels, bool byLabel) =>
        $"SELECT {SqliteRows.RelationshipColumns} FROM relationships r "
        + "CROSS JOIN nodes s ON s.id = r.start_id CROSS JOIN nodes e ON e.id = r.end_id "
        + $"WHERE {(byLabel ? $"s.label IN ({startLabels}) AND e.label IN ({endLabels})" : "1")} AND r.id > @after ORDER BY r.id LIMIT {StreamPageSize}";

    public Task<GraphCounts> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            var byLabel = CountGroups(command, "SELECT label, COUNT(*) FROM nodes GROUP BY label");
            var byType = CountGroups(command, "SELECT type, COUNT(*) FROM relationships GROUP BY type");
            return new GraphCounts(byLabel.Values.Sum(), byType.Values.Sum(), byLabel, byType);
        }, cancellationToken);

    /// <summary>Reads the version stamp on a connection of its own: one row of the file, however large the graph.</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = ReadVersionStamp;
            return command.ExecuteScalar();
        }, cancellationToken);

    private static Dictionary<string, long> CountGroups(SqliteCommand command, string sql)
    {
        command.CommandText = sql;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>A relationship id from a page token; a token forged with the right fingerprint but no number is refused like any bad token.</summary>
    private static long RelationshipPosition(string position) =>
        long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw GraphValidationException.Single("page_token", "is not a token this query returned; start again without it");

    private List<(long Id, GraphRelationship Relationship)> ReadRelationshipsById(SqliteConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var relationships = new List<(long, GraphRelationship)>(ids.Count);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {SqliteRows.RelationshipColumns} FROM relationships r "
                + "JOIN nodes s ON s.id = r.start_id JOIN nodes e ON e.id = r.end_id "
                + $"WHERE r.id IN ({Parameters(command, "r", chunk.Cast<object>().ToArray())}) ORDER BY r.id";
            relationships.AddRange(SqliteRows.Relationships(command, Location));
        }
        return relationships;
    }
}
