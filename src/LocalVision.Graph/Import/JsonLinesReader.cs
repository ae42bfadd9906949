using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;

namespace LocalVision.Graph.Import;

/// <summary>A line of a JSON-lines file that is not a node or relationship record.</summary>
public sealed class JsonLinesFormatException(int line, string message) : Exception($"line {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>Reads the JSON-lines record format into batches of at most a given size, keeping file order.</summary>
public static class JsonLinesReader
{
    public static async IAsyncEnumerable<GraphBatch> ReadBatchesAsync(
        TextReader reader, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var nodes = new List<GraphNode>();
        var relationships = new List<GraphRelationship>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonObject record;
            try
            {
                record = JsonNode.Parse(line) as JsonObject ?? throw new JsonLinesFormatException(lineNumber, "is not a JSON object");
            }
            catch (JsonException e)
            {
                throw new JsonLinesFormatException(lineNumber, "is not valid JSON: " + e.Message);
            }
            switch (record)
            {
                case { Count: 1 } when record["node"] is JsonObject n:
                    nodes.Add(GraphJson.NodeFromJson(n));
                    break;
                case { Count: 1 } when record["relationship"] is JsonObject r:
                    relationships.Add(GraphJson.RelationshipFromJson(r));
                    break;
                default:
                    throw new JsonLinesFormatException(lineNumber, "must be {\"node\":{...}} or {\"relationship\":{...}}");
            }
            if (nodes.Count + relationships.Count >= batchSize)
            {
                yield return new GraphBatch(nodes, relationships);
                nodes = [];
                relationships = [];
            }
        }
        if (nodes.Count + relationships.Count > 0)
        {
            yield return new GraphBatch(nodes, relationships);
        }
    }

    /// <summary>Reads a whole file as batches.</summary>
    public static async IAsyncEnumerable<GraphBatch> ReadFileAsync(
        string path, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        await foreach (var batch in ReadBatchesAsync(reader, batchSize, cancellationToken))
        {
            yield return batch;
        }
    }
}
