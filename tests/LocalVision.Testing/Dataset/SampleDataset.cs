using LocalVision.Graph.Import;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Testing.Dataset;

/// <summary>The shipped Local Vision dataset (<c>data/localvision.jsonl</c>), copied beside the test assemblies.</summary>
public static class SampleDataset
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "localvision.jsonl");

    /// <summary>Loads the dataset into a store, batch by batch.</summary>
    public static async Task LoadAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        await foreach (var batch in JsonLinesReader.ReadFileAsync(Path, 500, cancellationToken))
        {
            await store.WriteAsync(batch, WriteOptions.None, cancellationToken);
        }
    }

    /// <summary>Every record of the dataset, in file order.</summary>
    public static async Task<(List<GraphNode> Nodes, List<GraphRelationship> Relationships)> ReadAllAsync()
    {
        var nodes = new List<GraphNode>();
        var relationships = new List<GraphRelationship>();
        await foreach (var batch in JsonLinesReader.ReadFileAsync(Path, 10_000, CancellationToken.None))
        {
            nodes.AddRange(batch.Nodes);
            relationships.AddRange(batch.Relationships);
        }
        return (nodes, relationships);
    }
}
