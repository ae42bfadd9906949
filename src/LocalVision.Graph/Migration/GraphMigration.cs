using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;

namespace LocalVision.Graph.Migration;

/// <summary>How far a migration has got; reported after every batch written.</summary>
public sealed record MigrationProgress(long NodesCopied, long NodesTotal, long RelationshipsCopied, long RelationshipsTotal);

/// <summary>What each store held: the target before the copy (empty unless merging), and both stores when the copy was checked.</summary>
/// <param name="TheoryVersions">The versions of the programme theory the target holds afterwards, each as the source kept it.</param>
/// <param name="TheoryVersionsCopied">How many of them the copy wrote (fewer when merging into a target that had the first ones).</param>
public sealed record MigrationReport(GraphCounts Source, GraphCounts TargetBefore, GraphCounts Target, int TheoryVersions = 0, int TheoryVersionsCopied = 0);

/// <summary>Why a migration failed.</summary>
public enum MigrationFailure
{
    /// <summary>The target already holds a graph and merging was not asked for; nothing was copied.</summary>
    TargetNotEmpty,

    /// <summary>Something wrote to the source while it was copied.</summary>
    SourceChanged,

    /// <summary>After copying, the target's counts are not what the source's say they should be.</summary>
    CountsDiffer,

    /// <summary>
    /// The programme theory's history cannot be carried over: the target keeps none, the target's own history is not
    /// the beginning of the source's, or after copying the two differ.
    /// </summary>
    TheoryHistoryDiffers,
}

/// <summary>The migration cannot start, or its final check found the stores differ; the message says how.</summary>
/// <param name="report">The counts that failed the check; null when the migration stopped before it.</param>
public sealed class GraphMigrationException(MigrationFailure failure, string message, MigrationReport? report = null) : Exception(message)
{
    public MigrationFailure Failure { get; } = failure;

    public MigrationReport? Report { get; } = report;
}

/// <summary>
/// Copies a whole graph from one store to another, either way between the embedded and the Neo4j store: nodes in
/// batches, then relationships, reporting progress after each batch; then checks that the target holds as many
/// nodes of each label and relationships of each type as the source, and that nobody wrote to the source meanwhile.
/// Create and update times are not carried over — the target stamps its own, as <see cref="IGraphStore.WriteAsync"/>
/// offers no way to set them. The programme theory's history (<see cref="ITheoryHistory"/>) is copied after the graph,
/// every version with its number, text, author, note and time as the source kept it, and checked version by version.
/// </summary>
/// <param name="mergeIntoNonEmpty">
/// Copy into a target that already holds a graph. Writes replace nodes and relationships of the same name, so the
/// result mixes both graphs; the check can then only bound each count (at least the larger of source and target
/// before, at most their sum). Without it a non-empty target is refused. A target's theory history is kept only when
/// it is the beginning of the source's (the rest is appended); two histories that part ways are refused before
/// anything is copied, as versions cannot be merged.
/// </param>
public sealed class GraphMigration(IGraphStore source, IGraphStore target, int batchSize = 1000, bool mergeIntoNonEmpty = false)
{
    /// <exception cref="GraphMigrationException">The target is not empty, the source changed, or the counts differ.</exception>
    public async Task<MigrationReport> RunAsync(Action<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var existing = await target.CountAsync(cancellationToken);
        var targetHistory = target as ITheoryHistory;
        var targetTheory = targetHistory is null ? [] : await targetHistory.ListTheoryVersionsAsync(cancellationToken);
        if (!mergeIntoNonEmpty && (existing.Nodes > 0 || existing.Relationships > 0 || targetTheory.Count > 0))
        {
            throw new GraphMigrationException(MigrationFailure.TargetNotEmpty,
                $"the target {target.Location} already holds {existing.Nodes} nodes and {existing.Relationships} relationships"
                + (targetTheory.Count > 0 ? $" and {targetTheory.Count} versions of the programme theory" : "") + "; migrate into an empty store");
        }
        var theory = source is ITheoryHistory sourceHistory ? await sourceHistory.ListTheoryVersionsAsync(cancellationToken) : [];
        CheckTheoryCanBeCopied(theory, targetHistory, targetTheory);
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

        foreach (var version in theory.Skip(targetTheory.Count))
        {
            await targetHistory!.CopyTheoryVersionAsync(version, cancellationToken);
        }

        if (await source.GetVersionAsync(cancellationToken) != versionBefore)
        {
            throw new GraphMigrationException(MigrationFailure.SourceChanged,
                $"{source.Location} was written to during the migration; stop writers, empty {target.Location} and migrate again");
        }
        var copiedTheory = targetHistory is null ? [] : await targetHistory.ListTheoryVersionsAsync(cancellationToken);
        var report = new MigrationReport(await source.CountAsync(cancellationToken), existing, await target.CountAsync(cancellationToken),
            copiedTheory.Count, theory.Count - targetTheory.Count);
        if (!copiedTheory.SequenceEqual(theory))
        {
            throw new GraphMigrationException(MigrationFailure.TheoryHistoryDiffers,
                $"after copying, {target.Location} holds {copiedTheory.Count} versions of the programme theory and {source.Location} {theory.Count}, not the same", report);
        }
        var differences = Differences(report.Source.NodesByLabel, report.TargetBefore.NodesByLabel, report.Target.NodesByLabel, "nodes")
            .Concat(Differences(report.Source.RelationshipsByType, report.TargetBefore.RelationshipsByType, report.Target.RelationshipsByType, "relationships"))
            .ToList();
        if (differences.Count > 0)
        {
            throw new GraphMigrationException(MigrationFailure.CountsDiffer, $"after copying, {target.Location} differs from {source.Location}: " + string.Join("; ", differences), report);
        }
        return report;
    }

    /// <summary>Refuses, before anything is written, a theory history the target cannot take as the source kept it.</summary>
    private void CheckTheoryCanBeCopied(IReadOnlyList<TheoryVersionRecord> theory, ITheoryHistory? targetHistory, IReadOnlyList<TheoryVersionRecord> targetTheory)
    {
        if (theory.Count > 0 && targetHistory is null)
        {
            throw new GraphMigrationException(MigrationFailure.TheoryHistoryDiffers,
                $"{source.Location} holds {theory.Count} versions of the programme theory and {target.Location} keeps no theory history");
        }
        if (targetTheory.Count > theory.Count || !targetTheory.SequenceEqual(theory.Take(targetTheory.Count)))
        {
            var parting = targetTheory.Zip(theory).TakeWhile(p => p.First == p.Second).Count() + 1;
            throw new GraphMigrationException(MigrationFailure.TheoryHistoryDiffers,
                $"the programme theory of {target.Location} parts from that of {source.Location} at version {parting}; versions cannot be merged, migrate into a store with no theory history");
        }
    }

    /// <summary>Each label's (or type's) count against what the copy should have left: equal to the source's, or when merging within bounds.</summary>
    private IEnumerable<string> Differences(
        IReadOnlyDictionary<string, long> source, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, string what)
    {
        foreach (var key in source.Keys.Union(before.Keys).Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var (copied, had, has) = (source.GetValueOrDefault(key), before.GetValueOrDefault(key), after.GetValueOrDefault(key));
            if (!mergeIntoNonEmpty && has != copied)
            {
                yield return $"{has} {key} {what} instead of {copied}";
            }
            else if (has < Math.Max(copied, had))
            {
                yield return $"{has} {key} {what}, fewer than the {Math.Max(copied, had)} copied or there before";
            }
            else if (has > copied + had)
            {
                yield return $"{has} {key} {what}, more than the {copied} copied and {had} there before together";
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
