namespace LocalVision.Graph.Schema;

/// <summary>Whether a code describes a context, a mechanism or an outcome (realist CMO terms).</summary>
public enum CodeKind
{
    Context,
    Mechanism,
    Outcome,
}

/// <summary>One code of the coding catalogue.</summary>
/// <param name="Derived">True when the rules engine can derive it from the graph as well as an evaluator coding it.</param>
public sealed record Code(string Id, CodeKind Kind, string Group, string Section, string Description, bool Derived = false);

/// <summary>The coding catalogue of docs/domain.md: the stable identifiers observations are coded with.</summary>
public static class CodeCatalogue
{
    public static IReadOnlyList<Code> All { get; } =
    [
        new("FOCUSED_PROBLEM", CodeKind.Context, "start-up", "7.1.1", "A distinct wicked issue with a shared narrative"),
        new("LEVEL_COMMUNITY", CodeKind.Context, "start-up", "7.1.2", "Intervention at community level", Derived: true),
        new("LEVEL_STRATEGIC", CodeKind.Context, "start-up", "7.1.2", "Intervention at strategic level", Derived: true),
        new("PRIOR_SYSTEMS_WORK", CodeKind.Context, "start-up", "7.1.3", "Partners had worked systemically before"),
        new("PRIOR_ENABLER_TIE", CodeKind.Context, "start-up", "7.1.3", "A stakeholder already knew the Enabler before the start", Derived: true),
        new("BURNING_PLATFORM", CodeKind.Context, "start-up", "7.1.4", "A recognised imperative; earlier attempts had failed"),
        new("ALIGNED_PLACE_BASED", CodeKind.Context, "local", "7.2.1", "Ran beside a complementary place-based programme", Derived: true),
        new("ALIGNED_BCF", CodeKind.Context, "local", "7.2.1", "Ran beside the Better Care Fund, with its reporting load", Derived: true),
        new("OWNER_PUBLIC_HEALTH", CodeKind.Context, "local", "7.2.2", "Owned by a public health team", Derived: true),
        new("OWNER_PARTNERSHIP_BODY", CodeKind.Context, "local", "7.2.2", "Owned by a partnership body (HWBB or CCG)", Derived: true),
        new("OWNER_LOCAL_AUTHORITY", CodeKind.Context, "local", "7.2.2", "Owned by a local authority", Derived: true),
        new("OWNER_HEALTH", CodeKind.Context, "local", "7.2.2", "Owned by a health body", Derived: true),
        new("OWNER_VOLUNTARY", CodeKind.Context, "local", "7.2.2", "Owned by a voluntary or community organisation", Derived: true),
        new("DEDICATED_SUPPORT", CodeKind.Context, "local", "7.2.3", "Dedicated project and administrative support"),
        new("SENIOR_ENGAGEMENT_EARLY", CodeKind.Context, "local", "7.2.4", "Senior organisational leaders involved from the outset"),
        new("POLITICAL_ENGAGEMENT", CodeKind.Context, "local", "7.2.4", "Elected members engaged"),
        new("ENABLER_MATCHED", CodeKind.Context, "process", "7.3.1", "A credible, carefully matched Enabler"),
        new("COMMUNITY_ENGAGEMENT", CodeKind.Context, "process", "7.3.2", "Participants met communities and service users directly"),
        new("MOU_AGREED", CodeKind.Context, "process", "7.3.3", "A memorandum of understanding was agreed"),
        new("LEARNING_NETWORK", CodeKind.Context, "process", "7.3.4", "Took part in the learning-network days"),
        new("ADEQUATE_TIME", CodeKind.Context, "process", "7.3.5", "Lead time and length of engagement judged sufficient"),
        new("FOLLOW_ON_FUNDING", CodeKind.Context, "process", "7.3.5", "Follow-on funding secured", Derived: true),
        new("CLINICIAN_ENGAGEMENT", CodeKind.Context, "process", "5.3", "Clinicians engaged"),
        new("EXIT_PLANNED", CodeKind.Context, "sustainability", "7.4.2", "The Enabler planned the exit from the start"),
        new("LOCAL_SUCCESSOR", CodeKind.Context, "sustainability", "7.4.2", "Someone local has the remit to carry systems leadership on"),
        new("STRATEGIC_PRIORITY_LINK", CodeKind.Context, "sustainability", "7.4.3", "Linked to a local strategic priority"),
        new("OUTCOME_METRICS", CodeKind.Context, "sustainability", "7.4.4", "Baseline and outcome metrics in place"),
        new("DATA_AS_LEVER", CodeKind.Context, "sustainability", "8", "Data used to hold up the mirror"),
        new("PEOPLE_COMPLETE", CodeKind.Context, "data completeness", "7.4.1",
            "The people recorded for the initiative are all who took part, so its leadership configuration may be judged from their roles"),
        new("HOLDING_UP_THE_MIRROR", CodeKind.Mechanism, "mechanism", "6.4", "Data and challenge make the system see itself"),
        new("SAFE_SPACE", CodeKind.Mechanism, "mechanism", "4.2", "A safe space for honest conversations"),
        new("USER_PERSPECTIVE", CodeKind.Mechanism, "mechanism", "4.3", "The user perspective: the light-bulb moment"),
        new("NATIONAL_LEGITIMACY", CodeKind.Mechanism, "mechanism", "7.3", "National backing lends legitimacy"),
        new("RECONNECTING_PURPOSE", CodeKind.Mechanism, "mechanism", "4.4", "Reconnecting people with their shared purpose"),
        new("TRUST_BUILDING", CodeKind.Mechanism, "mechanism", "4.2", "Trust built between partners"),
        new("PERMISSION_TO_EXPERIMENT", CodeKind.Mechanism, "mechanism", "6.4", "Permission to experiment and fail safely"),
        new("SHARED_NARRATIVE", CodeKind.Mechanism, "mechanism", "4.2", "A shared narrative partners can engage with"),
        new("ROLE_MODELLING", CodeKind.Mechanism, "mechanism", "4.2", "The Enabler models and names behaviours"),
        new("THINKING_SYSTEMICALLY", CodeKind.Outcome, "awareness", "4.1", "Thinking systemically"),
        new("WORKING_COLLABORATIVELY", CodeKind.Outcome, "awareness", "4.2", "Working collaboratively"),
        new("ENGAGING_SERVICE_USERS", CodeKind.Outcome, "awareness", "4.3", "Engaging with service users"),
        new("SHARED_LEADERSHIP", CodeKind.Outcome, "awareness", "4.4", "Fostering shared leadership"),
        new("INFLUENCING_STRATEGY", CodeKind.Outcome, "benefit", "5.1", "Influencing strategy"),
        new("GENERATING_INCOME", CodeKind.Outcome, "benefit", "5.2", "Generating income and opportunities"),
        new("ENGAGING_PROFESSIONALS", CodeKind.Outcome, "benefit", "5.3", "Engaging professionals"),
        new("IMPROVING_SERVICES", CodeKind.Outcome, "benefit", "5.4", "Improving services and client outcomes"),
        new("CATALYSING_CHANGE", CodeKind.Outcome, "change", "6.1", "Catalysing change"),
        new("NEW_WAYS_OF_WORKING", CodeKind.Outcome, "change", "6.2", "Influencing new ways of working"),
        new("MOMENTUM", CodeKind.Outcome, "change", "6.3", "Commitment and momentum built"),
        new("MOMENTUM_AFTER_EXIT", CodeKind.Outcome, "change", "7.4.2", "Momentum kept after the Enabler left"),
        new("SCALED_UP", CodeKind.Outcome, "change", "7.4.3", "Rolled out or followed on"),
    ];

    private static readonly Dictionary<string, Code> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static bool IsKnown(string id) => ById.ContainsKey(id);

    public static Code? Find(string id) => ById.GetValueOrDefault(id);

    public static string[] Ids(CodeKind? kind = null) =>
        All.Where(c => kind is null || c.Kind == kind).Select(c => c.Id).ToArray();
}
