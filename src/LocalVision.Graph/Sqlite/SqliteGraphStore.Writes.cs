using System.Text;
using System.Text.Json.Nodes;
using LocalVision.Graph.Import;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>Writes: a batch in one transaction (with request-id replay), and deleting a node.</summary>
public sealed partial class SqliteGraphStore
{
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
            throw SqliteFaults.Translate(e, Location);
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

        var version = StoreNextVersion(transaction);
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
        _changes.Record(version,
            written.Where((_, i) => resolved.Outcomes[i] != NodeOutcome.Unchanged)
                .Select(n => new NodeChange(newNodes.Contains(n.Name) ? ChangeKind.Added : ChangeKind.Updated, n)).ToList(),
            batch.Relationships.Select((r, i) => new RelationshipChange(relationshipIds[i].IsNew ? ChangeKind.Added : ChangeKind.Updated, r)).ToList());
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
            var version = StoreNextVersion(transaction);
            transaction.Commit();
            _changes.Record(version, [new NodeChange(ChangeKind.Removed, new GraphNode(name, Labels.OfName(name)!, name, []))], RemovedWith(id, name));
            Interlocked.Exchange(ref _version, version);
            var removedRelationships = _index.Read(r => r.EdgesOf(id).Select(e => e.RelationshipId).ToList());
            _index.Apply(index => index.RemoveNode(id));
            _nodeCache.Evict([name]);
            _relationshipCache.Evict(removedRelationships);
            return relationships;
        }
        catch (SqliteException e)
        {
            throw SqliteFaults.Translate(e, Location);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The relationships that go with a deleted node, as keys (a self-loop is listed once).</summary>
    private List<RelationshipChange> RemovedWith(int id, string name) =>
        _index.Read(r => r.EdgesOf(id)
            .DistinctBy(e => e.RelationshipId)
            .Select(e => new GraphRelationship(AdjacencyIndex.TypeName(e.Type), e.Outgoing ? name : r.NameOf(e.Other), e.Outgoing ? r.NameOf(e.Other) : name, []))
            .Select(relationship => new RelationshipChange(ChangeKind.Removed, relationship))
            .ToList());

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
}
