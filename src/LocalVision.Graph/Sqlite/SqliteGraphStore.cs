using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using LocalVision.Graph.Import;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;
using LocalVision.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>Settings of the embedded store.</summary>
/// <param name="Durable">Sync the write-ahead log on every commit (survives power loss, not only process death).</param>
/// <param name="CachedNodes">How many parsed nodes to keep for hot reads (0 turns the cache off).</param>
/// <param name="CachedRelationships">How many parsed relationships to keep for hot reads.</param>
/// <param name="Init">Make a new store in an existing empty (0-byte) file, which is otherwise refused as damaged.</param>
/// <param name="FullCheck">Check the whole file at open (<c>integrity_check</c>) instead of SQLite's quicker check.</param>
public sealed record SqliteStoreOptions(
    bool Durable = true, TimeProvider? Clock = null, int CachedNodes = 200_000, int CachedRelationships = 1_000_000, bool Init = false, bool FullCheck = false);

/// <summary>
/// The embedded graph store: one SQLite file in WAL mode, owned by one process (a lock on the file itself),
/// with an in-memory adjacency index for traversals. Writes are serialised and atomic; reads run concurrently.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore, IStoreBackup, ITheoryHistory
{
    private const int ChunkSize = 500;

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly FileStream _ownership;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly AdjacencyIndex _index = new();
    private readonly TimeProvider _clock;
    private readonly RecordCache<string, GraphNode> _nodeCache;
    private readonly RecordCache<long, GraphRelationship> _relationshipCache;
    private int _nextNodeId;
    private long _nextRelationshipId;
    private long _version;
    private bool _disposed;

    private SqliteGraphStore(string path, string connectionString, SqliteConnection writer, FileStream ownership, SqliteStoreOptions options)
    {
        _nodeCache = new RecordCache<string, GraphNode>(options.CachedNodes, StringComparer.Ordinal);
        _relationshipCache = new RecordCache<long, GraphRelationship>(options.CachedRelationships);
        Location = path;
        _connectionString = connectionString;
        _writer = writer;
        _ownership = ownership;
        _clock = options.Clock ?? TimeProvider.System;
    }

    public string Location { get; }

    /// <summary>The in-memory index the store keeps; exposed for traversals and projections.</summary>
    public AdjacencyIndex Index => _index;

    /// <summary>Opens (creating if needed) the store at a path.</summary>
    /// <exception cref="GraphStoreUnavailableException">Another process holds it, or the file is not a usable store.</exception>
    public static SqliteGraphStore Open(string path, SqliteStoreOptions? options = null)
    {
        options ??= new SqliteStoreOptions();
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existed = File.Exists(path);
        var ownership = StoreOwnership.Take(path);
        if (existed && ownership.Length == 0 && !options.Init)
        {
            ownership.Dispose();
            throw new GraphStoreUnavailableException(StoreFault.Corrupt,
                $"the store {path} is an empty file (0 bytes), which a store never is: it was truncated or replaced; "
                + $"{StoreIntegrity.RestoreAdvice}, or start with --init to make a new, empty store in it");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var writer = new SqliteConnection(connectionString);
        var store = new SqliteGraphStore(path, connectionString, writer, ownership, options);
        try
        {
            writer.Open();
            store.Execute("PRAGMA journal_mode = WAL");
            store.Execute($"PRAGMA synchronous = {(options.Durable ? "FULL" : "NORMAL")}");
            store.Execute("PRAGMA foreign_keys = ON");
            SqliteMigrations.Apply(writer);
            StoreIntegrity.Check(writer, path, options.FullCheck);
            store.LoadIndex();
            return store;
        }
        catch (SqliteException e)
        {
            writer.Dispose();
            ownership.Dispose();
            throw Translate(e, path);
        }
        catch (InvalidOperationException e)
        {
            writer.Dispose();
            ownership.Dispose();
            throw new GraphStoreUnavailableException(StoreFault.Rejected, $"the store {path} cannot be used: {e.Message}", e);
        }
        catch (GraphStoreUnavailableException)
        {
            writer.Dispose();
            ownership.Dispose();
            throw;
        }
    }

    public ValueTask<long> GetVersionAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Interlocked.Read(ref _version));

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
                command.CommandText = $"SELECT name, label, display_name, properties, create_time, update_time FROM nodes WHERE name IN ({Parameters(command, "n", chunk)})";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var node = ReadNode(reader);
                    nodes.Add((node.Name, node));
                }
            }
            return nodes;
        }));

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
                where.Add(FilterSql(query.Filter.Clauses[i], i, command));
            }
            var condition = where.Count == 0 ? "1" : string.Join(" AND ", where);
            command.CommandText = $"SELECT COUNT(*) FROM nodes WHERE {condition}";
            var total = Convert.ToInt32(command.ExecuteScalar());

            command.CommandText = $"SELECT name, label, display_name, properties, create_time, update_time FROM nodes WHERE {condition}"
                + (after is null ? "" : " AND name > @after") + " ORDER BY name LIMIT @limit";
            if (after is not null)
            {
                command.Parameters.AddWithValue("@after", after);
            }
            command.Parameters.AddWithValue("@limit", query.PageSize + 1);
            var nodes = new List<GraphNode>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    nodes.Add(ReadNode(reader));
                }
            }
            string? next = null;
            if (nodes.Count > query.PageSize)
            {
                nodes.RemoveAt(nodes.Count - 1);
                next = PageToken.Encode($"nodes|{query.Label}|{query.Filter.Text}", nodes[^1].Name);
            }
            return new Page<GraphNode>(nodes, next, total);
        });

    public Task<bool> AnyNodeHasPropertyAsync(string label, string path, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM nodes WHERE label = @label "
                + "AND json_type(properties, @path) IN ('text', 'integer', 'real', 'true', 'false'))";
            command.Parameters.AddWithValue("@label", label);
            command.Parameters.AddWithValue("@path", "$." + path);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        });

    public async Task<WriteResult> WriteAsync(GraphBatch batch, WriteOptions options, CancellationToken cancellationToken)
    {
        ResolvedBatch.CheckGiven(batch, options.OnConflict);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (!options.DryRun && options.RequestId is { } requestId && FindRequest(requestId, options) is { } replayed)
            {
                return replayed;
            }
            // Writes are serialised by the gate, so the stored nodes read now are the ones this write meets.
            var resolved = ResolvedBatch.Resolve(batch, await StoredNodesAsync(batch, options, cancellationToken), options.OnConflict);
            return WriteLocked(resolved, options, cancellationToken);
        }
        catch (SqliteException e)
        {
            throw Translate(e, Location);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The stored nodes of the batch's names (and, in a dry run, those earlier batches of it would have written).</summary>
    private async Task<IReadOnlyDictionary<string, GraphNode>> StoredNodesAsync(GraphBatch batch, WriteOptions options, CancellationToken cancellationToken)
    {
        // Only names the index knows are read, so a batch of new nodes (a first import) costs no reads.
        var stored = (await GetNodesAsync(batch.Nodes.Select(n => n.Name).Where(n => _index.TryGetId(n, out _)).ToList(), cancellationToken))
            .ToDictionary(n => n.Name, StringComparer.Ordinal);
        foreach (var (name, node) in options.DryRunNodes ?? new Dictionary<string, GraphNode>())
        {
            stored[name] = node;
        }
        return stored;
    }

    private WriteResult WriteLocked(ResolvedBatch resolved, WriteOptions options, CancellationToken cancellationToken)
    {
        var batch = resolved.Batch;
        // Times are stored to the millisecond; answer with exactly what a later read will see.
        var nowMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
        var nodeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var newNodes = new HashSet<string>(StringComparer.Ordinal);
        var nextNodeId = _nextNodeId;
        foreach (var node in batch.Nodes)
        {
            if (_index.TryGetId(node.Name, out var id))
            {
                nodeIds[node.Name] = id;
            }
            else
            {
                nodeIds[node.Name] = nextNodeId++;
                newNodes.Add(node.Name);
            }
        }

        var missing = new List<FieldViolation>();
        for (var i = 0; i < batch.Relationships.Count; i++)
        {
            var relationship = batch.Relationships[i];
            foreach (var (field, name) in new[] { ("start", relationship.Start), ("end", relationship.End) })
            {
                if (!nodeIds.ContainsKey(name))
                {
                    if (_index.TryGetId(name, out var id))
                    {
                        nodeIds[name] = id;
                    }
                    else if (options.DryRunNodes?.ContainsKey(name) != true)
                    {
                        missing.Add(new($"relationships[{i}].{field}", $"node `{name}` does not exist"));
                    }
                }
            }
        }
        if (missing.Count > 0)
        {
            throw new MissingNodesException(missing);
        }
        if (options.DryRun)
        {
            return new WriteResult(batch.Nodes, batch.Relationships, Counts: resolved.Counts);
        }

        var written = new List<GraphNode>(batch.Nodes.Count);
        var relationshipIds = new List<(long Id, bool IsNew)>(batch.Relationships.Count);
        var nextRelationshipId = _nextRelationshipId;
        using var transaction = _writer.BeginTransaction();
        using (var insertNode = Command(transaction,
            "INSERT INTO nodes (id, name, label, display_name, properties, create_time, update_time) VALUES (@id, @name, @label, @display, @props, @now, @now)"))
        using (var updateNode = Command(transaction,
            "UPDATE nodes SET display_name = @display, properties = @props, update_time = @now WHERE id = @id RETURNING create_time"))
        {
            for (var i = 0; i < batch.Nodes.Count; i++)
            {
                var node = batch.Nodes[i];
                if (resolved.Outcomes[i] == NodeOutcome.Unchanged)
                {
                    written.Add(node);
                    continue;
                }
                var id = nodeIds[node.Name];
                var properties = node.Properties.ToJsonString();
                var created = now;
                if (newNodes.Contains(node.Name))
                {
                    Bind(insertNode, ("@id", id), ("@name", node.Name), ("@label", node.Label), ("@display", node.DisplayName), ("@props", properties), ("@now", nowMs));
                    insertNode.ExecuteNonQuery();
                }
                else
                {
                    Bind(updateNode, ("@id", id), ("@display", node.DisplayName), ("@props", properties), ("@now", nowMs));
                    created = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(updateNode.ExecuteScalar()));
                }
                written.Add(node with { CreateTime = created, UpdateTime = now });
            }
        }
        cancellationToken.ThrowIfCancellationRequested();

        using (var insertRelationship = Command(transaction,
            "INSERT INTO relationships (id, type, start_id, end_id, properties) VALUES (@id, @type, @start, @end, @props)"))
        using (var updateRelationship = Command(transaction, "UPDATE relationships SET properties = @props WHERE id = @id"))
        {
            foreach (var relationship in batch.Relationships)
            {
                var start = nodeIds[relationship.Start];
                var end = nodeIds[relationship.End];
                var existing = newNodes.Contains(relationship.Start) || newNodes.Contains(relationship.End)
                    ? null
                    : _index.Read(r => r.FindRelationship(start, AdjacencyIndex.TypeCode(relationship.Type), end));
                var properties = relationship.Properties.ToJsonString();
                if (existing is { } id)
                {
                    Bind(updateRelationship, ("@id", id), ("@props", properties));
                    updateRelationship.ExecuteNonQuery();
                    relationshipIds.Add((id, false));
                }
                else
                {
                    id = nextRelationshipId++;
                    Bind(insertRelationship, ("@id", id), ("@type", relationship.Type), ("@start", start), ("@end", end), ("@props", properties));
                    insertRelationship.ExecuteNonQuery();
                    relationshipIds.Add((id, true));
                }
            }
        }

        var version = Interlocked.Read(ref _version) + 1;
        using (var bump = Command(transaction, "UPDATE meta SET value = @v WHERE key = 'graph_version'"))
        {
            Bind(bump, ("@v", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            bump.ExecuteNonQuery();
        }
        var result = new WriteResult(written, batch.Relationships, Counts: resolved.Counts);
        if (options.RequestId is { } requestId)
        {
            using var remember = Command(transaction,
                "INSERT INTO requests (request_id, result, create_time, owner, fingerprint) VALUES (@id, @result, @now, @owner, @fingerprint)");
            Bind(remember, ("@id", requestId), ("@result", GraphJson.SerializeResult(result)), ("@now", nowMs),
                ("@owner", options.Owner ?? ""), ("@fingerprint", options.Fingerprint ?? ""));
            remember.ExecuteNonQuery();
        }
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();

        _nextNodeId = nextNodeId;
        _nextRelationshipId = nextRelationshipId;
        Interlocked.Exchange(ref _version, version);
        _nodeCache.Evict(batch.Nodes.Select(n => n.Name));
        _relationshipCache.Evict(relationshipIds.Where(r => !r.IsNew).Select(r => r.Id));
        _index.Apply(index =>
        {
            foreach (var name in newNodes)
            {
                index.AddNode(nodeIds[name], name, Labels.OfName(name)!);
            }
            for (var i = 0; i < batch.Relationships.Count; i++)
            {
                if (relationshipIds[i].IsNew)
                {
                    var relationship = batch.Relationships[i];
                    index.AddRelationship(relationshipIds[i].Id, nodeIds[relationship.Start], AdjacencyIndex.TypeCode(relationship.Type), nodeIds[relationship.End]);
                }
            }
        });
        return result;
    }

    public async Task<int> DeleteNodeAsync(string name, bool cascade, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (!_index.TryGetId(name, out var id))
            {
                throw new NodeNotFoundException(name);
            }
            var relationships = _index.Read(r => r.EdgesOf(id).Select(e => e.RelationshipId).Distinct().Count());
            if (relationships > 0 && !cascade)
            {
                throw new NodeHasRelationshipsException(name, relationships);
            }
            using var transaction = _writer.BeginTransaction();
            using (var deleteRelationships = Command(transaction, "DELETE FROM relationships WHERE start_id = @id OR end_id = @id"))
            {
                Bind(deleteRelationships, ("@id", id));
                deleteRelationships.ExecuteNonQuery();
            }
            using (var deleteNode = Command(transaction, "DELETE FROM nodes WHERE id = @id"))
            {
                Bind(deleteNode, ("@id", id));
                deleteNode.ExecuteNonQuery();
            }
            var version = Interlocked.Read(ref _version) + 1;
            using (var bump = Command(transaction, "UPDATE meta SET value = @v WHERE key = 'graph_version'"))
            {
                Bind(bump, ("@v", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                bump.ExecuteNonQuery();
            }
            transaction.Commit();
            Interlocked.Exchange(ref _version, version);
            var removedRelationships = _index.Read(r => r.EdgesOf(id).Select(e => e.RelationshipId).ToList());
            _index.Apply(index => index.RemoveNode(id));
            _nodeCache.Evict([name]);
            _relationshipCache.Evict(removedRelationships);
            return relationships;
        }
        catch (SqliteException e)
        {
            throw Translate(e, Location);
        }
        finally
        {
            _writeGate.Release();
        }
    }

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
                "SELECT r.id, r.type, s.name, e.name, r.properties FROM relationships r "
                + "JOIN nodes s ON s.id = r.start_id JOIN nodes e ON e.id = r.end_id "
                + $"WHERE {ends}" + (string.IsNullOrEmpty(query.Type) ? "" : " AND r.type = @type")
                + " AND r.id > @after ORDER BY r.id LIMIT @limit";
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@type", query.Type ?? "");
            command.Parameters.AddWithValue("@after", after is null ? -1 : RelationshipPosition(after));
            command.Parameters.AddWithValue("@limit", query.PageSize + 1);
            var rows = new List<(long Id, GraphRelationship Relationship)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), ReadRelationship(reader, Location)));
                }
            }
            string? next = null;
            if (rows.Count > query.PageSize)
            {
                rows.RemoveAt(rows.Count - 1);
                next = PageToken.Encode(fingerprint, rows[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return new Page<GraphRelationship>(rows.Select(r => r.Relationship).ToList(), next, rows.Count);
        });

    public async Task<Subgraph> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken)
    {
        if (!_index.TryGetId(query.Name, out var start))
        {
            throw new NodeNotFoundException(query.Name);
        }
        var types = query.RelationshipTypes.Count == 0 ? null : query.RelationshipTypes.Select(AdjacencyIndex.TypeCode).ToHashSet();
        var labels = query.Labels.Count == 0 ? null : query.Labels.Select(AdjacencyIndex.LabelCode).ToHashSet();
        var (ids, nodesTruncated) = _index.Expand(start, query.Depth, types, labels, query.Limit, cancellationToken);
        var (relationshipIds, relationshipsTruncated) = _index.RelationshipsAmong(ids.ToHashSet(), types, query.Limit * 10);
        var names = _index.Read(r => ids.Select(r.NameOf).ToList());
        var nodes = await GetNodesAsync(names, cancellationToken);
        var relationships = await GetRelationshipsAsync(relationshipIds, cancellationToken);
        return new Subgraph(nodes, relationships, nodesTruncated || relationshipsTruncated);
    }

    private Task<List<GraphRelationship>> GetRelationshipsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        _relationshipCache.GetAsync(ids, missing => ReadAsync(connection => ReadRelationshipsById(connection, Location, missing, cancellationToken)));

    public Task<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(IReadOnlyCollection<RelationshipKey> keys, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<GraphRelationship>>(connection =>
        {
            // One prepared lookup per key through the (start_id, type, end_id) index; results show tens of ties, not millions.
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT r.id, r.type, s.name, e.name, r.properties FROM nodes s CROSS JOIN relationships r CROSS JOIN nodes e "
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
                    found.Add(ReadRelationship(reader, Location));
                }
            }
            return found;
        });

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
                using var reader = command.ExecuteReader();
                var nodes = new List<GraphNode>();
                while (reader.Read())
                {
                    nodes.Add(ReadNode(reader));
                }
                return nodes;
            });
            foreach (var node in page)
            {
                yield return node;
            }
            if (page.Count < 1000)
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
                using var reader = command.ExecuteReader();
                var rows = new List<(long, GraphRelationship)>();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), ReadRelationship(reader, Location)));
                }
                return rows;
            });
            foreach (var (_, relationship) in page)
            {
                yield return relationship;
            }
            if (page.Count < 1000)
            {
                yield break;
            }
            after = page[^1].Item1;
        }
    }

    /// <summary>
    /// A page of <see cref="ReadNodesAsync"/>: the next 1000 nodes after <c>@after</c> in name order, walking the
    /// name index. The label test is written <c>+label</c> so that SQLite cannot pick the label index instead: that
    /// plan finds every node of the labels and sorts them all again for each page.
    /// </summary>
    internal static string ReadNodesQuery(string labelParameters, bool byLabel) =>
        "SELECT name, label, display_name, properties, create_time, update_time FROM nodes "
        + $"WHERE {(byLabel ? $"+label IN ({labelParameters})" : "1")} AND name > @after ORDER BY name LIMIT 1000";

    /// <summary>
    /// A page of <see cref="ReadRelationshipsAsync"/>: the next 1000 relationships after id <c>@after</c>, walking
    /// the relationships table in id order and looking each end up by its key. CROSS JOIN fixes that order of the
    /// loops (SQLite never reorders it): with a plain join the planner starts from the label index and sorts every
    /// matching relationship again for each page, which made a labelled read of a million ties take half an hour.
    /// </summary>
    internal static string ReadRelationshipsQuery(string startLabels, string endLabels, bool byLabel) =>
        "SELECT r.id, r.type, s.name, e.name, r.properties FROM relationships r "
        + "CROSS JOIN nodes s ON s.id = r.start_id CROSS JOIN nodes e ON e.id = r.end_id "
        + $"WHERE {(byLabel ? $"s.label IN ({startLabels}) AND e.label IN ({endLabels})" : "1")} AND r.id > @after ORDER BY r.id LIMIT 1000";

    public Task<GraphCounts> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            var byLabel = CountGroups(command, "SELECT label, COUNT(*) FROM nodes GROUP BY label");
            var byType = CountGroups(command, "SELECT type, COUNT(*) FROM relationships GROUP BY type");
            return new GraphCounts(byLabel.Values.Sum(), byType.Values.Sum(), byLabel, byType);
        });

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

    public async Task<BackupInfo> BackupAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path) || string.Equals(path, Location, StringComparison.Ordinal))
        {
            throw new GraphStoreUnavailableException(StoreFault.Rejected, $"the backup file {path} already exists; choose another name");
        }
        try
        {
            // VACUUM INTO copies one read snapshot, so writers carry on and the copy holds whole transactions only.
            await using (var connection = new SqliteConnection(_connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO @path";
                command.Parameters.AddWithValue("@path", path);
                command.ExecuteNonQuery();
            }
            var counts = CheckBackup(path);
            return new BackupInfo(path, new FileInfo(path).Length, counts);
        }
        catch (Exception e) when (e is SqliteException or GraphStoreUnavailableException or IOException)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            throw e switch
            {
                SqliteException sqlite => Translate(sqlite, path),
                GraphStoreUnavailableException unavailable => unavailable,
                _ => new GraphStoreUnavailableException(StoreFault.Unreachable, $"the backup {path} could not be written: {e.Message}", e),
            };
        }
    }

    public async Task<GraphCounts> RestoreAsync(string path, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new GraphStoreUnavailableException(StoreFault.Unreachable, $"there is no backup {path}");
        }
        var counts = CheckBackup(path);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var previous = Interlocked.Read(ref _version);
            using (var source = new SqliteConnection(ReadOnlyConnectionString(path)))
            {
                source.Open();
                // One write transaction on the live file: readers see the old contents or the new, never a mixture.
                source.BackupDatabase(_writer);
            }
            Execute("PRAGMA journal_mode = WAL");
            SqliteMigrations.Apply(_writer);
            LoadIndex();
            var version = Math.Max(previous, _version) + 1;
            using (var bump = _writer.CreateCommand())
            {
                bump.CommandText = "UPDATE meta SET value = @v WHERE key = 'graph_version'";
                bump.Parameters.AddWithValue("@v", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                bump.ExecuteNonQuery();
            }
            Interlocked.Exchange(ref _version, version);
            return counts;
        }
        catch (SqliteException e)
        {
            throw Translate(e, Location);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Checks that a file is a whole, consistent store this version can read, and counts what it holds.</summary>
    /// <exception cref="GraphStoreUnavailableException">It is not.</exception>
    public static GraphCounts CheckBackup(string path)
    {
        try
        {
            using var connection = new SqliteConnection(ReadOnlyConnectionString(path));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var integrity = command.ExecuteScalar() as string;
            if (integrity != "ok")
            {
                throw new GraphStoreUnavailableException(StoreFault.Corrupt, $"the backup {path} failed its integrity check: {integrity}");
            }
            command.CommandText = "PRAGMA user_version";
            var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (version < 1 || version > SqliteMigrations.Latest)
            {
                throw new GraphStoreUnavailableException(StoreFault.Rejected, version < 1
                    ? $"{path} is not a LocalVision store"
                    : $"the backup {path} has schema version {version}, newer than this server understands ({SqliteMigrations.Latest})");
            }
            command.CommandText = "SELECT COUNT(*) FROM pragma_foreign_key_check";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new GraphStoreUnavailableException(StoreFault.Corrupt, $"the backup {path} has relationships whose nodes are missing");
            }
            command.CommandText = "SELECT COUNT(*) FROM nodes";
            var nodes = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "SELECT COUNT(*) FROM relationships";
            var relationships = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return new GraphCounts(nodes, relationships, new Dictionary<string, long>(), new Dictionary<string, long>());
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            throw new GraphStoreUnavailableException(StoreFault.Corrupt, $"the backup {path} is corrupt or not a LocalVision store: {e.Message}", e);
        }
        catch (SqliteException e)
        {
            throw Translate(e, path);
        }
    }

    /// <summary>A relationship id from a page token; a token forged with the right fingerprint but no number is refused like any bad token.</summary>
    private static long RelationshipPosition(string position) =>
        long.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw GraphValidationException.Single("page_token", "is not a token this query returned; start again without it");

    private static string ReadOnlyConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            await _writer.DisposeAsync();
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
            await _ownership.DisposeAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void LoadIndex()
    {
        var maxNode = -1;
        var maxRelationship = -1L;
        _index.Apply(index =>
        {
            index.Clear();
            using (var command = _writer.CreateCommand())
            {
                command.CommandText = "SELECT id, name, label FROM nodes ORDER BY id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetInt32(0);
                    index.AddNode(id, reader.GetString(1), reader.GetString(2));
                    maxNode = id;
                }
            }
            using (var command = _writer.CreateCommand())
            {
                command.CommandText = "SELECT id, type, start_id, end_id FROM relationships";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    index.AddRelationship(id, reader.GetInt32(2), AdjacencyIndex.TypeCode(reader.GetString(1)), reader.GetInt32(3));
                    maxRelationship = Math.Max(maxRelationship, id);
                }
            }
        });
        _nextNodeId = maxNode + 1;
        _nextRelationshipId = maxRelationship + 1;
        using var version = _writer.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE key = 'graph_version'";
        _version = long.Parse((string)version.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private WriteResult? FindRequest(string requestId, WriteOptions options)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "SELECT result, owner, fingerprint FROM requests WHERE request_id = @id";
        command.Parameters.AddWithValue("@id", requestId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        options.CheckReplay(reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        return GraphJson.DeserializeResult(reader.GetString(0));
    }

    private static List<(long Id, GraphRelationship Relationship)> ReadRelationshipsById(SqliteConnection connection, string path, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var relationships = new List<(long, GraphRelationship)>(ids.Count);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT r.id, r.type, s.name, e.name, r.properties FROM relationships r "
                + "JOIN nodes s ON s.id = r.start_id JOIN nodes e ON e.id = r.end_id "
                + $"WHERE r.id IN ({Parameters(command, "r", chunk.Cast<object>().ToArray())}) ORDER BY r.id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                relationships.Add((reader.GetInt64(0), ReadRelationship(reader, path)));
            }
        }
        return relationships;
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            return read(connection);
        }
        catch (SqliteException e)
        {
            throw Translate(e, Location);
        }
    }

    /// <summary>A relationship row (id, type, start name, end name, properties).</summary>
    private static GraphRelationship ReadRelationship(SqliteDataReader reader, string path) => new(
        reader.GetString(1), reader.GetString(2), reader.GetString(3),
        StoreIntegrity.Properties(reader.GetString(4), path, () => $"relationship {reader.GetInt64(0)} ({reader.GetString(1)})"));

    private GraphNode ReadNode(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        StoreIntegrity.Properties(reader.GetString(3), Location, () => $"node `{reader.GetString(0)}`"),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    private static string FilterSql(FilterClause clause, int i, SqliteCommand command)
    {
        var op = clause.Operator switch
        {
            FilterOperator.Equal or FilterOperator.NotEqual => "=",
            FilterOperator.Less => "<",
            FilterOperator.LessOrEqual => "<=",
            FilterOperator.Greater => ">",
            _ => ">=",
        };
        string comparison;
        if (clause.Property == NodeFilter.DisplayNameProperty)
        {
            command.Parameters.AddWithValue($"@v{i}", clause.Value is string ? clause.Value : "\u0000never");
            comparison = clause.Value is string ? $"display_name {op} @v{i}" : "0";
        }
        else
        {
            command.Parameters.AddWithValue($"@p{i}", "$." + clause.Property);
            comparison = clause.Value switch
            {
                string s => Bound(command, i, s, $"(json_type(properties, @p{i}) = 'text' AND json_extract(properties, @p{i}) {op} @v{i})"),
                double d => Bound(command, i, d, $"(json_type(properties, @p{i}) IN ('integer', 'real') AND json_extract(properties, @p{i}) {op} @v{i})"),
                bool b => Bound(command, i, b ? "true" : "false", $"(json_type(properties, @p{i}) = @v{i})"),
                _ => "0",
            };
        }
        return clause.Operator == FilterOperator.NotEqual ? $"NOT COALESCE({comparison}, 0)" : $"COALESCE({comparison}, 0)";
    }

    private static string Bound(SqliteCommand command, int i, object value, string sql)
    {
        command.Parameters.AddWithValue($"@v{i}", value);
        return sql;
    }

    private static string Parameters(SqliteCommand command, string prefix, IEnumerable<object> values)
    {
        var names = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            var name = $"@{prefix}{i++}";
            command.Parameters.AddWithValue(name, value);
            names.Append(names.Length == 0 ? "" : ", ").Append(name);
        }
        return i == 0 ? "NULL" : names.ToString();
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }
    }

    private void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static GraphStoreUnavailableException Translate(SqliteException e, string path) => e.SqliteErrorCode switch
    {
        13 => new(StoreFault.DiskFull, $"the disk holding {path} is full; nothing of this request was written", e),
        8 => new(StoreFault.ReadOnly, $"the store {path} is read-only; check the file's and folder's permissions", e),
        11 or 26 => new(StoreFault.Corrupt, $"the store {path} is corrupt or not a LocalVision store; restore it from a backup or move it aside", e),
        5 or 6 => new(StoreFault.InUse, $"the store {path} is locked by another process", e),
        14 => new(StoreFault.Unreachable, $"the store {path} cannot be opened: {e.Message}", e),
        _ => new(StoreFault.Unreachable, $"the store {path} failed: {e.Message}", e),
    };
}
