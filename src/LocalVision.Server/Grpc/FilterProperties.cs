using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Server.Grpc;

/// <summary>
/// A filter on a property that the schema does not name for the label and no stored node of it has is most
/// likely misspelt: it would match nothing and say nothing. It is refused, with the property meant when one is near.
/// </summary>
public static class FilterProperties
{
    /// <exception cref="GraphValidationException">A property of the filter is unknown for the label.</exception>
    public static async Task CheckAsync(IGraphStore store, string field, string label, NodeFilter filter, CancellationToken cancellationToken)
    {
        var declared = GraphSchema.DeclaredProperties(label).ToList();
        var violations = new List<FieldViolation>();
        // A dotted path into a declared object (indicators.population.value) is looked for in the data, like any other.
        foreach (var property in filter.Clauses.Select(c => c.Property).Distinct(StringComparer.Ordinal))
        {
            if (property == NodeFilter.DisplayNameProperty || declared.Contains(property)
                || await store.AnyNodeHasPropertyAsync(label, property, cancellationToken))
            {
                continue;
            }
            violations.Add(new(field, $"no {label} node has the property `{property}`{Suggestion.DidYouMean(property, declared)}; "
                + "set allow_unknown_properties to filter on it anyway"));
        }
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }
    }
}
