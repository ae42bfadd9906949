using LocalVision.Graph.Model;

namespace LocalVision.Graph.Store;

/// <summary>
/// Where the graph lives. Every store validates writes against <see cref="Schema.GraphSchema"/> before writing,
/// writes each call atomically, and is safe for concurrent readers and writers.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>A human-readable description of where the data is (a path or a server), without secrets.</summary>
    string Location { get; }

    /// <summary>Rises with every committed write; caches compare it to know when they are stale.</summary>
    ValueTask<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What the writes committed after <paramref name="version"/> changed, up to a version at least the current one;
    /// null when the store cannot say (it keeps no such log, the log no longer reaches back that far, a write was too
    /// large to log, or the graph was replaced wholesale), and a cache must read the graph afresh.
    /// </summary>
    Task<GraphChanges?> GetChangesSinceAsync(long version, CancellationToken cancellationToken);

    Task<GraphNode?> GetNodeAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    Task<Page<GraphNode>> ListNodesAsync(NodeQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Whether any node of the label holds a string, number or boolean at the property path (dotted through
    /// objects, as a <see cref="NodeFilter"/> names it): a filter on a path no node has is most likely misspelt.
    /// </summary>
    Task<bool> AnyNodeHasPropertyAsync(string label, string path, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or updates nodes and relationships in one transaction, resolving stored names by the options'
    /// <see cref="WriteOptions.OnConflict"/> (see <see cref="ResolvedBatch"/>); a dry run checks and counts the same
    /// way and writes nothing.
    /// </summary>
    /// <exception cref="GraphValidationException">The batch (merged, for a merge) breaks the schema; nothing was written.</exception>
    /// <exception cref="NodeConflictException">Under <see cref="ConflictPolicy.Fail"/> a node would change a stored one; nothing was written.</exception>
    /// <exception cref="MissingNodesException">A relationship ends at a node that does not exist; nothing was written.</exception>
    Task<WriteResult> WriteAsync(GraphBatch batch, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>Deletes a node, and with <paramref name="cascade"/> its relationships.</summary>
    /// <exception cref="NodeNotFoundException">There is no such node.</exception>
    /// <exception cref="NodeHasRelationshipsException">It has relationships and cascade is false.</exception>
    Task<int> DeleteNodeAsync(string name, bool cascade, CancellationToken cancellationToken);

    Task<Page<GraphRelationship>> ListRelationshipsAsync(RelationshipQuery query, CancellationToken cancellationToken);

    /// <summary>The nodes within <c>Depth</c> hops and the relationships among them.</summary>
    /// <exception cref="NodeNotFoundException">There is no such node.</exception>
    Task<Subgraph> GetNeighborhoodAsync(NeighborhoodQuery query, CancellationToken cancellationToken);

    /// <summary>The stored relationships with these keys, in no particular order; keys that match none are left out.</summary>
    Task<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(IReadOnlyCollection<RelationshipKey> keys, CancellationToken cancellationToken);

    /// <summary>Every node of the given labels (all when empty), in name order.</summary>
    IAsyncEnumerable<GraphNode> ReadNodesAsync(IReadOnlyCollection<string> labels, CancellationToken cancellationToken);

    /// <summary>Every relationship whose ends both have one of the given labels (all when empty).</summary>
    IAsyncEnumerable<GraphRelationship> ReadRelationshipsAsync(IReadOnlyCollection<string> labels, CancellationToken cancellationToken);

    Task<GraphCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Returns once the store has answered a read, at a cost that does not grow with the graph: what a health check
    /// asks, many times a minute, of a store of any size (<see cref="CountAsync"/> reads every record).
    /// </summary>
    /// <exception cref="GraphStoreUnavailableException">The store cannot be read.</exception>
    Task PingAsync(CancellationToken cancellationToken);
}

/// <summary>A page of results and the token for the next (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken, int TotalSize);

/// <param name="Filter">A parsed filter; see <see cref="NodeFilter.Parse"/>.</param>
public sealed record NodeQuery(string? Label, NodeFilter Filter, int PageSize, string? PageToken);

public sealed record RelationshipQuery(string Node, string? Type, Direction Direction, int PageSize, string? PageToken);

/// <param name="Limit">At most this many nodes in the answer, the start among them.</param>
public sealed record NeighborhoodQuery(string Name, int Depth, IReadOnlyCollection<string> RelationshipTypes, IReadOnlyCollection<string> Labels, int Limit)
{
    /// <summary>
    /// At most this many relationships among the nodes found: ten for each node allowed, so a dense neighbourhood is
    /// truncated (and says so) rather than answered with every tie among its nodes. Every store applies this one rule.
    /// </summary>
    public int RelationshipLimit => Limit * 10;
}

/// <param name="RequestId">When set, a write already made under this id is not made again; its first result is returned.</param>
/// <param name="Owner">Who is writing (a key or token subject): a request id names one caller's write, and only theirs.</param>
/// <param name="Fingerprint">A hash of the request: a request id names one request's content, and a retry must repeat it.</param>
/// <param name="OnConflict">What to do with a given node whose name is stored.</param>
/// <param name="DryRun">Check, resolve and count, write nothing (a request id is then neither replayed nor remembered).</param>
/// <param name="DryRunNodes">
/// For a dry run in several batches: the nodes earlier batches would have written, taken as stored (by name), so a
/// later batch's relationships find them and its nodes meet them as a real import's would.
/// </param>
public sealed record WriteOptions(
    string? RequestId = null,
    string? Owner = null,
    string? Fingerprint = null,
    ConflictPolicy OnConflict = ConflictPolicy.Replace,
    bool DryRun = false,
    IReadOnlyDictionary<string, GraphNode>? DryRunNodes = null)
{
    public static WriteOptions None { get; } = new();

    /// <summary>Whether a write remembered under this request id may answer this one.</summary>
    /// <exception cref="RequestIdConflictException">Another caller made it, or it was another request.</exception>
    public void CheckReplay(string? owner, string? fingerprint)
    {
        // Ids remembered before owners and fingerprints were kept have neither, and are answered as before.
        if (owner is not null && !string.Equals(owner, Owner ?? "", StringComparison.Ordinal))
        {
            throw new RequestIdConflictException(
                $"request_id `{RequestId}` names a write another caller made; request ids are chosen by each caller for its own writes, so choose a new one");
        }
        if (fingerprint is not null && !string.Equals(fingerprint, Fingerprint ?? "", StringComparison.Ordinal))
        {
            throw new RequestIdConflictException(
                $"request_id `{RequestId}` names an earlier write with other content; a retry must repeat its request exactly, and a new write needs a new request id");
        }
    }
}

/// <summary>What a write stored: the nodes as now stored (with their times) and the relationships.</summary>
/// <param name="Replayed">True when the request id had been seen and nothing new was written.</param>
/// <param name="Counts">What became of the given nodes; none for a replay of a write remembered without them.</param>
public sealed record WriteResult(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships, bool Replayed = false, NodeWriteCounts? Counts = null)
{
    public NodeWriteCounts NodeCounts => Counts ?? NodeWriteCounts.None;
}
