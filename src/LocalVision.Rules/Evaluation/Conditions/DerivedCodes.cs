namespace LocalVision.Rules.Evaluation.Conditions;

/// <summary>A condition the engine derives from the graph that no evaluator codes, and what would settle it when it is unknown.</summary>
/// <param name="SettledBy">The catalogue codes whose observation would settle it (coded present or absent).</param>
/// <param name="Records">The records of the graph it is derived from, in words.</param>
public sealed record DerivedCode(string Id, string Description, IReadOnlyList<string> SettledBy, string Records);

/// <summary>
/// The conditions only the engine derives: the structural parts of the rules' contexts (a short funded period, an
/// Enabler's exit, several partners) and the elements of the §7.4.1 leadership configuration. They are three-valued like
/// every other condition, so the rules read them the same way and "not assessed" can say what would settle each.
/// </summary>
public static class DerivedCodes
{
    public const string ShortFunded = "SHORT_FUNDED";
    public const string Ended = "ENDED";
    public const string EnablerExit = "ENABLER_EXIT";
    public const string SeveralPartners = "SEVERAL_PARTNERS";
    public const string RisingIndicator = "RISING_INDICATOR";
    public const string ProjectLeadChanged = "PROJECT_LEAD_CHANGED";
    public const string CliniciansRepresented = "CLINICIANS_REPRESENTED";

    public const string LeadershipSenior = "LEADERSHIP_SENIOR";
    public const string LeadershipPolitical = "LEADERSHIP_POLITICAL";
    public const string LeadershipProjectLead = "LEADERSHIP_PROJECT_LEAD";
    public const string LeadershipEnabler = "LEADERSHIP_ENABLER";
    public const string LeadershipClinical = "LEADERSHIP_CLINICAL";
    public const string LeadershipCommunity = "LEADERSHIP_COMMUNITY";

    private const string People = "the people recorded as working for its partners, declared complete by a PEOPLE_COMPLETE observation";

    public static IReadOnlyList<DerivedCode> All { get; } =
    [
        new(ShortFunded, "The funded period (start to end) is at most ShortFundingMonths", [], "the initiative's start and end dates"),
        new(Ended, "The initiative's end date is on or before the evaluation date", [], "the initiative's end date"),
        new(EnablerExit, "Every Enabler engagement has an end, and the last ends by the evaluation date plus ExitWindowDays", [],
            "ENABLES relationships with from and to dates"),
        new(SeveralPartners, "At least SeveralPartners partners are recorded in the initiative (fewer recorded is unknown, not absent)", [],
            "PARTNER_IN relationships"),
        new(RisingIndicator, "An outcome the initiative achieved has a RISING trend, dated no earlier than its start", [],
            "ACHIEVED outcomes with a trend"),
        new(ProjectLeadChanged, "One project lead left and another started on or after that day", [], "PROJECT_LEAD people with WORKS_FOR dates"),
        new(CliniciansRepresented, "Clinicians are engaged: coded, or at least ClinicianShareBelow of the people declared complete",
            [Codes.ClinicianEngagement, Codes.PeopleComplete], People),
        new(LeadershipSenior, "Senior organisational leadership in the configuration (§7.4.1)", [Codes.SeniorEngagementEarly, Codes.PeopleComplete],
            "a SENIOR_LEADER person, or " + People),
        new(LeadershipPolitical, "Political leadership (elected members) in the configuration", [Codes.PoliticalEngagement, Codes.PeopleComplete],
            "an ELECTED_MEMBER person, or " + People),
        new(LeadershipProjectLead, "A project lead in the configuration", [Codes.PeopleComplete], "a PROJECT_LEAD person, or " + People),
        new(LeadershipEnabler, "An Enabler in the configuration", [Codes.PeopleComplete], "an ENABLES engagement, or " + People),
        new(LeadershipClinical, "Clinical leadership in the configuration", [Codes.ClinicianEngagement, Codes.PeopleComplete],
            "a CLINICIAN person, or " + People),
        new(LeadershipCommunity, "Community leadership in the configuration", [Codes.CommunityEngagement, Codes.PeopleComplete],
            "a COMMUNITY_MEMBER person, or " + People),
    ];

    private static readonly Dictionary<string, DerivedCode> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static DerivedCode? Find(string id) => ById.GetValueOrDefault(id);
}
