using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Graph.Store;

/// <summary>What becomes of one given node.</summary>
public enum NodeOutcome
{
    Created,
    Replaced,
    Merged,
    Unchanged,
}

/// <summary>
/// A batch as it will be written: each given node as it will be stored (merged, or the stored node itself when
/// unchanged) and what becomes of it. Every store resolves a batch here, inside its write transaction, so they
/// agree on what is a conflict, what a merge keeps and what is counted.
/// </summary>
public sealed record ResolvedBatch(GraphBatch Batch, IReadOnlyList<NodeOutcome> Outcomes, NodeWriteCounts Counts)
{
    /// <summary>The nodes to write: all but those left unchanged.</summary>
    public IEnumerable<GraphNode> NodesToWrite => Batch.Nodes.Where((_, i) => Outcomes[i] != NodeOutcome.Unchanged);

    /// <summary>
    /// Checks what can be checked before the stored nodes are read: a batch that replaces or creates whole nodes
    /// must be valid as given; a merge is checked once merged, since it may give only some properties.
    /// </summary>
    /// <exception cref="GraphValidationException">The batch breaks the schema.</exception>
    public static void CheckGiven(GraphBatch batch, ConflictPolicy policy)
    {
        if (policy != ConflictPolicy.Merge)
        {
            ThrowIfInvalid(batch);
        }
    }

    /// <summary>Resolves the batch against the stored nodes of its names (a name given twice is refused by the schema).</summary>
    /// <param name="stored">The stored node of each given name that exists (more names do no harm).</param>
    /// <exception cref="NodeConflictException">The policy is <see cref="ConflictPolicy.Fail"/> and a given node would change a stored one.</exception>
    /// <exception cref="GraphValidationException">A merged node breaks the schema.</exception>
    public static ResolvedBatch Resolve(GraphBatch batch, IReadOnlyDictionary<string, GraphNode> stored, ConflictPolicy policy)
    {
        var nodes = new List<GraphNode>(batch.Nodes.Count);
        var outcomes = new List<NodeOutcome>(batch.Nodes.Count);
        var conflicts = new List<FieldViolation>();
        var conflictNames = new List<string>();
        for (var i = 0; i < batch.Nodes.Count; i++)
        {
            var given = batch.Nodes[i];
            if (!stored.TryGetValue(given.Name, out var before))
            {
                nodes.Add(given);
                outcomes.Add(NodeOutcome.Created);
            }
            else
            {
                var after = policy == ConflictPolicy.Merge ? Merge(before, given) : given;
                if (Same(before, after))
                {
                    nodes.Add(before);
                    outcomes.Add(NodeOutcome.Unchanged);
                }
                else
                {
                    if (policy == ConflictPolicy.Fail)
                    {
                        conflicts.Add(new FieldViolation($"nodes[{i}].name", $"node `{given.Name}` already exists and would be changed"));
                        conflictNames.Add(given.Name);
                    }
                    nodes.Add(after);
                    outcomes.Add(policy == ConflictPolicy.Merge ? NodeOutcome.Merged : NodeOutcome.Replaced);
                }
            }
        }
        if (conflicts.Count > 0)
        {
            throw new NodeConflictException(conflicts, conflictNames.Distinct(StringComparer.Ordinal).ToList());
        }
        var resolved = batch with { Nodes = nodes };
        if (policy == ConflictPolicy.Merge)
        {
            ThrowIfInvalid(resolved);
        }
        return new ResolvedBatch(resolved, outcomes, new NodeWriteCounts(
            outcomes.Count(o => o == NodeOutcome.Created),
            outcomes.Count(o => o == NodeOutcome.Replaced),
            outcomes.Count(o => o == NodeOutcome.Merged),
            outcomes.Count(o => o == NodeOutcome.Unchanged)));
    }

    /// <summary>The stored node with the given properties written over its own; an empty display name is one not given.</summary>
    private static GraphNode Merge(GraphNode stored, GraphNode given)
    {
        var properties = (JsonObject)stored.Properties.DeepClone();
        foreach (var (key, value) in given.Properties)
        {
            properties[key] = value?.DeepClone();
        }
        return given with { DisplayName = given.DisplayName.Length == 0 ? stored.DisplayName : given.DisplayName, Properties = properties };
    }

    private static bool Same(GraphNode stored, GraphNode given) =>
        stored.Label == given.Label && stored.DisplayName == given.DisplayName && JsonNode.DeepEquals(stored.Properties, given.Properties);

    private static void ThrowIfInvalid(GraphBatch batch)
    {
        var violations = GraphSchema.Validate(batch);
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }
    }
}
