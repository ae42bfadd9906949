using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Testing.Stores;

/// <summary>
/// A store whose whole-graph relationship reads (what a network projection reads) wait until <see cref="Open"/>:
/// a projection build that takes as long as a test wants, without racing a clock. After
/// <see cref="HoldLookupsPastTheirCaller"/>, relationship lookups by key (what a result's mapping reads) wait until their
/// caller's token fires and then answer anyway: a lookup that finished after the call's time ran out. After
/// <see cref="HoldCounts"/>, counts wait at the gate as well. Everything else
/// passes straight through, and disposing it disposes the store it wraps.
/// </summary>
public sealed class GatedStore(IGraphStore inner) : IGraphStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outlasted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _holdLookups;
    private volatile bool _holdCounts;

    /// <summary>Completes when a relationship read has reached the gate.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Completes when a held lookup has answered after its caller's token fired.</summary>
    public Task LookupOutlastedItsCaller => _outlasted.Task;

    /// <summary>Lets waiting and later reads through.</summary>
    public void Open() => _gate.TrySetResult();

    /// <summary>From now on, counts (which read every record) wait at the gate too, as on a store too large to count quickly.</summary>
    public void HoldCounts() => _holdCounts = true;

    /// <summary>From now on, relationship lookups by key answer only once their caller's token has fired.</summary>
    public void HoldLookupsPastTheirCaller() => _holdLookups = true;

    public string Location => inner.Location;

    public ValueTask<long> GetVersionAsync(CancellationToken cancellationToken) => inner.GetVersionAsync(cancellationToken);

    public Task<GraphChanges?> GetChangesSinceAsync(long version, CancellationToken cancellationToken) => inner.GetChangesSinceAsync(version, cancellationToken);

    public Task<GraphNode?> GetNodeAsync(string name, CancellationToken cancellationToken) => inner.GetNodeAsync(name, cancellationToken);

    public Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) => inner.GetNodesAsync(names, cancellationToken);

    public Task<Page<GraphNode>> ListNodesAsync(NodeQuery query, CancellationToken cancellationToken) => inner.ListNodesAsync(query, cancellationToken);

    public Task<bool> AnyNodeHasPropertyAsync(string label, string path, CancellationToken cancellationToken) =>
        inner.AnyNodeHasPropertyAsync(label, path, cancellationToken);

    public Task<WriteResult> WriteAsync(GraphBatch batch, WriteOptions options, CancellationToken cancellationToken) => inner.WriteAsync(batch, options, cancellationToken);

    public Task<int> DeleteNodeAsync(string name, bool cascade, CancellationToken cancellationToken) => inner.DeleteNodeAsync(name, cascade, cancellationToken);

    public Task<Page<GraphRelationship>> ListRelationshipsAsync(RelationshipQuery query, CancellationToken cancellationToken) => inner.ListRelationshipsAsync(query, cancellationToken);

    public Task<Subgraph> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken) => inner.GetNeighborhoodAsync(query, cancellationToken);

    public async Task<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(IReadOnlyCollection<RelationshipKey> keys, CancellationToken cancellationToken)
    {
        if (!_holdLookups || !cancellationToken.CanBeCanceled)
        {
            return await inner.GetRelationshipsAsync(keys, cancellationToken);
        }
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => fired.TrySetResult()))
        {
            await fired.Task;
        }
        var answer = await inner.GetRelationshipsAsync(keys, CancellationToken.None);
        _outlasted.TrySetResult();
        return answer;
    }

    public IAsyncEnumerable<GraphNode> ReadNodesAsync(IReadOnlyCollection<string> labels, CancellationToken cancellationToken) =>
        inner.ReadNodesAsync(labels, cancellationToken);

    public async IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync(
        IReadOnlyCollection<string> labels, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        await foreach (var relationship in inner.ReadRelationshipsAsync(labels, cancellationToken))
        {
            yield return relationship;
        }
    }

    public async Task<GraphCounts> CountAsync(CancellationToken cancellationToken)
    {
        if (_holdCounts)
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }
        return await inner.CountAsync(cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
