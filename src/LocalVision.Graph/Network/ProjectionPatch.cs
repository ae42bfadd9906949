using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Network;

/// <summary>
/// Brings a projection up to date with what a store's writes changed, without reading the store. The result equals
/// a fresh build: same nodes in the same order, and the relationships in the store's order (a new relationship
/// comes last, as its id does). Changes are applied as states, not steps, so a change the projection already holds
/// (a build that raced a write reads some of it) is applied again harmlessly.
/// </summary>
internal static class ProjectionPatch
{
    /// <summary>
    /// The projection after the changes: the same arrays restamped when nothing it holds changed, new relationship
    /// arrays when only ties among its nodes did; null when only a fresh build can say (a node of its labels came,
    /// went or changed kind; an old relationship came into it, say by its dates; a weight a build would refuse).
    /// </summary>
    public static NetworkProjection? Apply(NetworkProjection projection, ProjectionSpec spec, GraphChanges changes)
    {
        var labels = spec.Labels.Count == 0 ? null : spec.Labels.ToHashSet(StringComparer.Ordinal);
        foreach (var change in changes.Nodes)
        {
            if (labels is null || labels.Contains(change.Node.Label))
            {
                var node = projection.IndexOf(change.Node.Name);
                if (change.Kind != ChangeKind.Updated || node < 0 || projection.KindOf(node) != change.Node.GetString("kind"))
                {
                    return null;
                }
            }
        }
        var ties = Fold(projection, spec, changes.Relationships);
        if (ties.Count == 0)
        {
            return projection.Restamped(changes.Until);
        }
        foreach (var tie in ties.Values)
        {
            if (tie.Final is { } relationship && (spec.AsOf is not { } date || NetworkProjection.IsValidOn(relationship, date)))
            {
                tie.Weight = NetworkProjection.ValidWeightOf(relationship, spec);
                if (tie.Weight is null)
                {
                    return null;
                }
            }
        }
        return Rewrite(projection, ties, changes.Until);
    }

    /// <summary>The last state of each relationship of the projection's types between two of its nodes, by its ends' indices.</summary>
    private static Dictionary<(int Start, int End, string Type), Tie> Fold(NetworkProjection projection, ProjectionSpec spec, IReadOnlyList<RelationshipChange> changes)
    {
        var types = spec.RelationshipTypes.Count == 0 ? null : spec.RelationshipTypes.ToHashSet(StringComparer.Ordinal);
        var ties = new Dictionary<(int, int, string), Tie>();
        for (var i = 0; i < changes.Count; i++)
        {
            var (kind, relationship) = (changes[i].Kind, changes[i].Relationship);
            var start = projection.IndexOf(relationship.Start);
            var end = projection.IndexOf(relationship.End);
            if ((types is not null && !types.Contains(relationship.Type)) || start < 0 || end < 0)
            {
                // Not the projection's: another type, or an end outside its labels (a new end of its labels was seen above).
                continue;
            }
            var key = (start, end, relationship.Type);
            var tie = ties.TryGetValue(key, out var seen) ? seen : ties[key] = new Tie();
            tie.Final = kind == ChangeKind.Removed ? null : relationship;
            if (kind == ChangeKind.Added)
            {
                // A new id: after every relationship the projection held, in the order the additions were made.
                tie.AddedAt = i;
            }
        }
        return ties;
    }

    private static NetworkProjection? Rewrite(NetworkProjection projection, Dictionary<(int Start, int End, string Type), Tie> ties, long version)
    {
        var typeNames = new List<string>();
        var typeIds = new Dictionary<string, byte>(StringComparer.Ordinal);
        var m = projection.RelationshipCount;
        var starts = new List<int>(m + ties.Count);
        var ends = new List<int>(m + ties.Count);
        var types = new List<byte>(m + ties.Count);
        var weights = new List<double>(m + ties.Count);
        void Add(int start, int end, string type, double weight)
        {
            if (!typeIds.TryGetValue(type, out var id))
            {
                // Numbered in order of first sight, as a build numbers them, so a type no relationship has any more is gone.
                id = typeIds[type] = (byte)typeNames.Count;
                typeNames.Add(type);
            }
            starts.Add(start);
            ends.Add(end);
            types.Add(id);
            weights.Add(weight);
        }

        for (var r = 0; r < m; r++)
        {
            var (start, end, type) = (projection.StartOf(r), projection.EndOf(r), projection.TypeNames[projection.TypeIdOf(r)]);
            if (!ties.TryGetValue((start, end, type), out var tie))
            {
                Add(start, end, type, projection.WeightOf(r));
                continue;
            }
            tie.Held = true;
            if (tie.AddedAt < 0 && tie.Weight is { } weight)
            {
                Add(start, end, type, weight);
            }
        }
        foreach (var tie in ties.Values)
        {
            if (tie.AddedAt < 0 && !tie.Held && tie.Weight is not null)
            {
                // Stored before the projection was built, and not in it then: where it falls among the others is unknown here.
                return null;
            }
        }
        foreach (var ((start, end, type), tie) in ties.Where(t => t.Value.AddedAt >= 0 && t.Value.Weight is not null).OrderBy(t => t.Value.AddedAt))
        {
            Add(start, end, type, tie.Weight!.Value);
        }
        return projection.WithRelationships([.. starts], [.. ends], [.. types], [.. typeNames], [.. weights], version);
    }

    /// <summary>What the changes leave of one relationship.</summary>
    private sealed class Tie
    {
        /// <summary>The relationship as stored after the changes; null when removed.</summary>
        public GraphRelationship? Final { get; set; }

        /// <summary>The position among the changes of the addition that made it, or -1 when it was stored before them.</summary>
        public int AddedAt { get; set; } = -1;

        /// <summary>Its cost in the projection; null when it is not in the projection after the changes.</summary>
        public double? Weight { get; set; }

        /// <summary>Whether the projection held it before the changes.</summary>
        public bool Held { get; set; }
    }
}
