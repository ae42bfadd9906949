using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Schema;

/// <summary>
/// Hides what respondents said from callers who may not read confidential evidence (report §3.2, note 10).
/// An Evidence node marked <c>confidential: true</c> keeps only the properties known to be safe — its kind,
/// date, report section and the flag itself; every other property, <c>summary</c> and <c>respondentRole</c>
/// among them, is replaced by <see cref="Placeholder"/>, so a property added later is hidden until someone
/// decides it is safe. Every other node passes through unchanged.
/// </summary>
public sealed class EvidenceRedactor
{
    public const string Placeholder = "[confidential]";

    /// <summary>The properties of confidential evidence that anyone may read.</summary>
    public static IReadOnlySet<string> VisibleProperties { get; } =
        new HashSet<string>(["kind", "date", "reportSection", "confidential"], StringComparer.Ordinal);

    private EvidenceRedactor(bool redacts) => Redacts = redacts;

    /// <summary>For callers who may not read confidential evidence.</summary>
    public static EvidenceRedactor Redacting { get; } = new(redacts: true);

    /// <summary>For callers who may (evidence readers and admins).</summary>
    public static EvidenceRedactor Revealing { get; } = new(redacts: false);

    public static EvidenceRedactor For(bool mayReadConfidentialEvidence) => mayReadConfidentialEvidence ? Revealing : Redacting;

    public bool Redacts { get; }

    public static bool IsConfidential(GraphNode node) =>
        node.Label == Labels.Evidence && JsonValues.AsBoolean(node.Properties["confidential"]) == true;

    /// <summary>
    /// Whether this caller may filter nodes of a label (null or empty: every label) on a property. A filter over
    /// evidence on a hidden property would let a caller probe hidden values (<c>respondentRole = "..."</c>) through
    /// which nodes match, so only the visible properties and the display name may be filtered on there.
    /// </summary>
    public bool MayFilter(string? label, string property) =>
        !Redacts
        || (!string.IsNullOrEmpty(label) && label != Labels.Evidence)
        || property == NodeFilter.DisplayNameProperty
        || VisibleProperties.Contains(property.Split('.')[0]);

    /// <summary>The node as this caller may see it: a redacted copy of confidential evidence, otherwise the node itself.</summary>
    public GraphNode Apply(GraphNode node)
    {
        if (!Redacts || !IsConfidential(node))
        {
            return node;
        }
        var properties = new JsonObject();
        foreach (var (key, value) in node.Properties)
        {
            properties[key] = VisibleProperties.Contains(key) ? value?.DeepClone() : JsonValue.Create(Placeholder);
        }
        return node with { Properties = properties };
    }
}
