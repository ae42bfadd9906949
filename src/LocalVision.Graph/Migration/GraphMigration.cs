using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Migration;

/// <summary>How far a migration has got; reported after every batch written.</summary>
public sealed record MigrationProgress(long NodesCopied, long NodesTotal, long RelationshipsCopied, long RelationshipsTotal);

/// <summary>What each store held when the copy was checked.</summary>
public sealed record MigrationReport(GraphCounts Source, GraphCounts Target);

/// <summary>The migration cannot start, or its final check found the stores differ; the message says how.</summary>
public sealed class GraphMigrationException(string message) : Exception(message);

/// <summary>
/// Copies a whole graph from one store to another, either way between the embedded and the Neo4j store: nodes in
/// batches, then relationships, reporting progress after each batch; then checks that the target holds as many
/// nodes of each label and as many relationships as the source, and that nobody wrote to the source meanwhile.
/// The target must start empty. Create and update times are not carried over — the target stamps its own, as
/// <see cref="IGraphStore.WriteAsync"/> offers no way to set them.
/// </summary>
public sealed class GraphMigration(IGraphStore source, IGraphStore target, int batchSize = 1000)
{
    /// <exception cref="GraphMigrationException">The target is not empty, the source changed, or the counts differ.</exception>
    public async Task<MigrationReport> RunAsync(Action<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var existing = await target.CountAsync(cancellationToken);
        if (existing.Nodes > 0 || existing.Relationships > 0)
        {
            throw new GraphMigrationException(
                $"the target {target.Location} already holds {existing.Nodes} nodes and {existing.Relationships} relationships; migrate into an empty store");
        }
        var versionBefore = await source.GetVersionAsync(cancellationToken);
        var total = await source.CountAsync(cancellationToken);
        long nodes = 0;
        long relationships = 0;
        progress?.Invoke(new MigrationProgress(0, total.Nodes, 0, total.Relationships));

        await foreach (var chunk in Batches(source.ReadNodesAsync([], cancellationToken), cancellationToken))
        {
            await target.WriteAsync(new GraphBatch(chunk, []), WriteOptions.None, cancellationToken);
            nodes += chunk.Count;
            progress?.Invoke(new MigrationProgress(nodes, total.Nodes, 0, total.Relationships));
        }
        await foreach (var chunk in Batches(source.ReadRelationshipsAsync([], cancellationToken), cancellationToken))
        {
            await target.WriteAsync(new GraphBatch([], chunk), WriteOptions.None, cancellationToken);
            relationships += chunk.Count;
            progress?.Invoke(new MigrationProgress(nodes, total.Nodes, relationships, total.Relationships));
        }

        if (await source.GetVersionAsync(cancellationToken) != versionBefore)
        {
            throw new GraphMigrationException(
                $"{source.Location} was written to during the migration; stop writers, empty {target.Location} and migrate again");
        }
        var report = new MigrationReport(await source.CountAsync(cancellationToken), await target.CountAsync(cancellationToken));
        var differences = Differences(report).ToList();
        if (differences.Count > 0)
        {
            throw new GraphMigrationException($"after copying, {target.Location} differs from {source.Location}: " + string.Join("; ", differences));
        }
        return report;
    }

    private static IEnumerable<string> Differences(MigrationReport report)
    {
        if (report.Source.Relationships != report.Target.Relationships)
        {
            yield return $"{report.Target.Relationships} relationships instead of {report.Source.Relationships}";
        }
        foreach (var label in report.Source.NodesByLabel.Keys.Union(report.Target.NodesByLabel.Keys).Order(StringComparer.Ordinal))
        {
            var (expected, actual) = (report.Source.NodesByLabel.GetValueOrDefault(label), report.Target.NodesByLabel.GetValueOrDefault(label));
            if (expected != actual)
            {
                yield return $"{actual} {label} nodes instead of {expected}";
            }
        }
    }

    private async IAsyncEnumerable<List<T>> Batches<T>(IAsyncEnumerable<T> items, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<T>(batchSize);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            chunk.Add(item);
            if (chunk.Count == batchSize)
            {
                yield return chunk;
                chunk = new List<T>(batchSize);
            }
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
