using LocalVision.Graph.Model;

namespace LocalVision.Rules.Evaluation.Facts;

/// <summary>
/// The reads the fact projection needs. A store answers them with queries (one initiative at a time); a
/// <see cref="GraphSnapshot"/> answers them from memory (evaluating many initiatives at once).
/// </summary>
public interface IGraphReader
{
    ValueTask<GraphNode?> GetNodeAsync(string name, CancellationToken cancellationToken);

    /// <summary>The nodes that exist among the names, in no particular order.</summary>
    ValueTask<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Every relationship at a node, optionally of one type, in one direction.</summary>
    ValueTask<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(
        string node, string? type, Direction direction, CancellationToken cancellationToken);
}
