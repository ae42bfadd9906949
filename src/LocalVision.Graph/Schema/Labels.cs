namespace LocalVision.Graph.Schema;

/// <summary>The node labels of docs/domain.md and the resource-name collection of each.</summary>
public static class Labels
{
    public const string Locality = "Locality";
    public const string Partner = "Partner";
    public const string Person = "Person";
    public const string Enabler = "Enabler";
    public const string Initiative = "Initiative";
    public const string Outcome = "Outcome";
    public const string Observation = "Observation";
    public const string Evidence = "Evidence";

    private static readonly Dictionary<string, string> CollectionByLabel = new(StringComparer.Ordinal)
    {
        [Locality] = "localities",
        [Partner] = "partners",
        [Person] = "people",
        [Enabler] = "enablers",
        [Initiative] = "initiatives",
        [Outcome] = "outcomes",
        [Observation] = "observations",
        [Evidence] = "evidence",
    };

    private static readonly Dictionary<string, string> LabelByCollection =
        CollectionByLabel.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => CollectionByLabel.Keys;

    public static bool IsKnown(string label) => CollectionByLabel.ContainsKey(label);

    public static string CollectionOf(string label) => CollectionByLabel[label];

    /// <summary>The label a resource name's collection implies, or null for an unknown collection.</summary>
    public static string? OfName(string name)
    {
        var slash = name.IndexOf('/');
        return slash > 0 && LabelByCollection.TryGetValue(name[..slash], out var label) ? label : null;
    }
}

/// <summary>The relationship types of docs/domain.md.</summary>
public static class RelationshipTypes
{
    public const string BasedIn = "BASED_IN";
    public const string InLocality = "IN_LOCALITY";
    public const string PartnerIn = "PARTNER_IN";
    public const string WorksFor = "WORKS_FOR";
    public const string Enables = "ENABLES";
    public const string KnownTo = "KNOWN_TO";
    public const string AlignedWith = "ALIGNED_WITH";
    public const string FollowedBy = "FOLLOWED_BY";
    public const string CollaboratesWith = "COLLABORATES_WITH";
    public const string Achieved = "ACHIEVED";
    public const string Observed = "OBSERVED";
    public const string Supports = "SUPPORTS";
    public const string About = "ABOUT";
}
