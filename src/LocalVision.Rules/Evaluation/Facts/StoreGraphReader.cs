using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Evaluation.Facts;

/// <summary>Reads straight from a store, page by page.</summary>
public sealed class StoreGraphReader(IGraphStore store) : IGraphReader
{
    private const int PageSize = 1000;

    public async ValueTask<GraphNode?> GetNodeAsync(string name, CancellationToken cancellationToken) =>
        await store.GetNodeAsync(name, cancellationToken);

    public async ValueTask<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        names.Count == 0 ? [] : await store.GetNodesAsync(names, cancellationToken);

    public async ValueTask<IReadOnlyList<GraphRelationship>> GetRelationshipsAsync(
        string node, string? type, Direction direction, CancellationToken cancellationToken)
    {
        var all = new List<GraphRelationship>();
        string? token = null;
        do
        {
            var page = await store.ListRelationshipsAsync(new RelationshipQuery(node, type, direction, PageSize, token), cancellationToken);
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }
}
