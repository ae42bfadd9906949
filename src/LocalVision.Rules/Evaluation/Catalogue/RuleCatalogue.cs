using System.Globalization;

namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>
/// Every rule the engine runs, described for <c>ListRules</c>: derivations first, then the CMO rules of DOMAIN.md's
/// table in its order, then the outlook. The rule classes take their titles, sections and polarities from here,
/// so a finding and the rule list cannot disagree.
/// </summary>
public static class RuleCatalogue
{
    private sealed record Parameter(string Name, Func<EvaluationOptions, string> Value, string Description);

    private sealed record Entry(
        string Id, RuleKind Kind, string Title, Polarity? Polarity, string Section, string[] Codes, string? Mechanism,
        string? Outcome, string Condition, Parameter[] Parameters);

    private static readonly Parameter PresentAbove = new(nameof(EvaluationOptions.PresentAbove), o => Number(o.PresentAbove),
        "a score above this is evidence of presence");

    private static readonly Parameter AbsentBelow = new(nameof(EvaluationOptions.AbsentBelow), o => Number(o.AbsentBelow),
        "a score below this is evidence of absence; no observation is unknown, never absence");

    private static readonly Parameter ShortFundingMonths = new(nameof(EvaluationOptions.ShortFundingMonths), o => Number(o.ShortFundingMonths),
        "a project whose end is at most this many months after its start is short");

    private static readonly Parameter ExitWindowDays = new(nameof(EvaluationOptions.ExitWindowDays), o => Number(o.ExitWindowDays),
        "an Enabler exit within this many days after the evaluation date is in view");

    private static readonly Parameter SeveralPartners = new(nameof(EvaluationOptions.SeveralPartners), o => Number(o.SeveralPartners),
        "how many partners make several");

    private static readonly Parameter MinimumPeople = new(nameof(EvaluationOptions.MinimumPeopleForConfiguration),
        o => Number(o.MinimumPeopleForConfiguration), "people recorded before the configuration is judged from them");

    private static readonly Parameter ClinicianShare = new(nameof(EvaluationOptions.ClinicianShareBelow), o => Number(o.ClinicianShareBelow),
        "clinicians below this share of the people recorded are under-represented");

    private static readonly Parameter BetterCareFundNames = new(nameof(EvaluationOptions.BetterCareFundNames),
        o => string.Join("; ", o.BetterCareFundNames), "programme names that mean the Better Care Fund");

    private static readonly Parameter PlaceBasedNames = new(nameof(EvaluationOptions.PlaceBasedProgrammeNames),
        o => string.Join("; ", o.PlaceBasedProgrammeNames), "programme names that mean a place-based programme");

    private static readonly Entry[] Entries =
    [
        new(RuleIds.LatestObservation, RuleKind.Derivation, "Latest observation as of the date", null, "9.11", [], null, null,
            "For each code of an initiative, the observation with the latest `at` on or before the evaluation date is the coded value (ties: the last by name). Older observations stay in the graph as the longitudinal record.",
            []),
        new(RuleIds.DeriveOwnership, RuleKind.Derivation, "Ownership from the lead partner", null, "7.2.2",
            [Codes.OwnerPublicHealth, Codes.OwnerPartnershipBody, Codes.OwnerLocalAuthority, Codes.OwnerHealth, Codes.OwnerVoluntary], null, null,
            "Each LEAD partner (PARTNER_IN role LEAD) gives OWNER_* = 1 by its kind: PUBLIC_HEALTH → OWNER_PUBLIC_HEALTH; HWBB or CCG → OWNER_PARTNERSHIP_BODY; LOCAL_AUTHORITY → OWNER_LOCAL_AUTHORITY; NHS_PROVIDER → OWNER_HEALTH; VOLUNTARY or COMMUNITY → OWNER_VOLUNTARY. Other kinds give none.",
            []),
        new(RuleIds.DeriveAlignment, RuleKind.Derivation, "Alignment from ALIGNED_WITH", null, "7.2.1",
            [Codes.AlignedBcf, Codes.AlignedPlaceBased], null, null,
            "Each ALIGNED_WITH to a programme whose name, display name or `programme` property contains a Better Care Fund name gives ALIGNED_BCF = 1; otherwise one containing a place-based name gives ALIGNED_PLACE_BASED = 1. The edge's effect is carried with the value.",
            [BetterCareFundNames, PlaceBasedNames]),
        new(RuleIds.DeriveLevel, RuleKind.Derivation, "Level of intervention", null, "7.1.2",
            [Codes.LevelStrategic, Codes.LevelCommunity], null, null,
            "The initiative's level gives LEVEL_STRATEGIC and LEVEL_COMMUNITY as fuzzy memberships: STRATEGIC → 1 and 0; COMMUNITY → 0 and 1; MIXED → 0.5 and 0.5. No level gives neither.",
            []),
        new(RuleIds.DeriveFollowOn, RuleKind.Derivation, "Follow-on funding from FOLLOWED_BY", null, "7.3.5",
            [Codes.FollowOnFunding], null, null,
            "Each FOLLOWED_BY to a successor initiative that has started by the evaluation date (or has no start) gives FOLLOW_ON_FUNDING = 1.",
            []),
        new(RuleIds.DerivePriorEnablerTie, RuleKind.Derivation, "Prior tie to the Enabler", null, "7.1.3",
            [Codes.PriorEnablerTie], null, null,
            "A KNOWN_TO from an Enabler engaged on the initiative to one of its partners, or to a person working for one, with `since` before the initiative's start gives PRIOR_ENABLER_TIE = 1. Ties without a since date, or without a project start, give nothing.",
            []),
        new(RuleIds.DeriveLeadership, RuleKind.Derivation, "Leadership configuration", null, "7.4.1", [], null, null,
            "An element of the configuration is present when a person working for a partner has its role (SENIOR_LEADER → senior, ELECTED_MEMBER → political, PROJECT_LEAD → project lead, CLINICIAN → clinical, COMMUNITY_MEMBER → community), when an Enabler has an ENABLES engagement (Enabler), or when its context code is present (SENIOR_ENGAGEMENT_EARLY, POLITICAL_ENGAGEMENT, CLINICIAN_ENGAGEMENT, COMMUNITY_ENGAGEMENT).",
            [PresentAbove]),
        new(RuleIds.DeriveProjectLeadChange, RuleKind.Derivation, "Change of project lead", null, "7.2.3", [], null, null,
            "Two PROJECT_LEAD people where one's WORKS_FOR ends (`to`) and the other's starts (`from`) on or after that day give a change of project lead.",
            []),
        new(RuleIds.ResolveCondition, RuleKind.Derivation, "One value per code", null, "", [], null, null,
            "All values of a code (the latest coded observation and any derived values) resolve to one condition: the coded score when there is one, else the highest derived score. Every value stays cited.",
            []),

        new(RuleIds.SeniorEarly, RuleKind.Cmo, "Senior engagement from the outset: momentum can build early", Polarity.Ingredient, "7.2.4",
            [Codes.SeniorEngagementEarly], "PERMISSION_TO_EXPERIMENT", Codes.Momentum,
            "SENIOR_ENGAGEMENT_EARLY is present (score above PresentAbove).",
            [PresentAbove]),
        new(RuleIds.SeniorLate, RuleKind.Cmo, "Senior engagement came late in a short project: momentum arrives as funding ends", Polarity.Risk, "7.2.4",
            [Codes.SeniorEngagementEarly], null, Codes.Momentum,
            "SENIOR_ENGAGEMENT_EARLY is absent (score below AbsentBelow; unknown does not fire) and the project is short (start and end known, end at most ShortFundingMonths after start).",
            [AbsentBelow, ShortFundingMonths]),
        new(RuleIds.ExitNoSuccessor, RuleKind.Cmo, "Enabler exit without a local successor: momentum may be lost", Polarity.Risk, "7.4.2",
            [Codes.LocalSuccessor], null, Codes.MomentumAfterExit,
            "Every Enabler engagement has an end date and the last of them is on or before the evaluation date plus ExitWindowDays (ended, or ends soon), and LOCAL_SUCCESSOR is absent (score below AbsentBelow; unknown does not fire). An open-ended engagement means no exit is in view.",
            [ExitWindowDays, AbsentBelow]),
        new(RuleIds.ExitHandover, RuleKind.Cmo, "Exit planned with a local successor: a sustainable handover", Polarity.Ingredient, "7.4.2",
            [Codes.ExitPlanned, Codes.LocalSuccessor], Codes.RoleModelling, Codes.MomentumAfterExit,
            "EXIT_PLANNED and LOCAL_SUCCESSOR are both present.",
            [PresentAbove]),
        new(RuleIds.PriorTie, RuleKind.Cmo, "A stakeholder knew the Enabler before the start: a quick start", Polarity.Ingredient, "7.1.3",
            [Codes.PriorEnablerTie], Codes.TrustBuilding, Codes.WorkingCollaboratively,
            "PRIOR_ENABLER_TIE is present, coded or derived from a KNOWN_TO older than the start.",
            [PresentAbove]),
        new(RuleIds.BurningPlatform, RuleKind.Cmo, "A recognised imperative shared by several partners: partnership building", Polarity.Ingredient, "7.1.4",
            [Codes.BurningPlatform], Codes.SharedNarrative, Codes.SharedLeadership,
            "BURNING_PLATFORM is present and at least SeveralPartners distinct partners are PARTNER_IN the initiative.",
            [PresentAbove, SeveralPartners]),
        new(RuleIds.BcfDistraction, RuleKind.Cmo, "Aligned with the Better Care Fund: its reporting load may distract", Polarity.Caution, "7.2.1",
            [Codes.AlignedBcf], null, Codes.Momentum,
            "ALIGNED_BCF is present and no Better Care Fund alignment is recorded as purely complementary: the recorded effects include DISTRACTS or MIXED, or no effect is recorded. Where the fund was recorded only as COMPLEMENTS (the report's \"in some cases beneficial\") it does not fire.",
            [PresentAbove, BetterCareFundNames]),
        new(RuleIds.PlaceBasedFit, RuleKind.Cmo, "Ran beside a complementary place-based programme: a good fit", Polarity.Ingredient, "7.2.1",
            [Codes.AlignedPlaceBased], null, Codes.GeneratingIncome,
            "ALIGNED_PLACE_BASED is present and none of its recorded effects is DISTRACTS.",
            [PresentAbove, PlaceBasedNames]),
        new(RuleIds.NoSupport, RuleKind.Cmo, "No dedicated project support: administrative capacity at risk", Polarity.Risk, "7.2.3",
            [Codes.DedicatedSupport], null, Codes.Momentum,
            "DEDICATED_SUPPORT is absent (score below AbsentBelow; unknown does not fire). A change of project lead, when one is recorded, is cited with it.",
            [AbsentBelow]),
        new(RuleIds.NoMou, RuleKind.Cmo, "No memorandum of understanding: no shared yardstick", Polarity.Risk, "7.3.3",
            [Codes.MouAgreed], Codes.SharedNarrative, Codes.WorkingCollaboratively,
            "MOU_AGREED is absent (score below AbsentBelow; unknown does not fire).",
            [AbsentBelow]),
        new(RuleIds.CommunityLightBulb, RuleKind.Cmo, "Participants met communities directly: the user-perspective light bulb is likely", Polarity.Ingredient, "7.3.2",
            [Codes.CommunityEngagement], Codes.UserPerspective, Codes.EngagingServiceUsers,
            "COMMUNITY_ENGAGEMENT is present.",
            [PresentAbove]),
        new(RuleIds.StrategicNoMetrics, RuleKind.Cmo, "Strategic level without outcome metrics: slow, hard-to-attribute outcomes", Polarity.Caution, "7.1.2, 7.4.4",
            [Codes.LevelStrategic, Codes.OutcomeMetrics], Codes.HoldingUpTheMirror, Codes.ImprovingServices,
            "LEVEL_STRATEGIC is present (level STRATEGIC, or coded) and OUTCOME_METRICS is absent (score below AbsentBelow; unknown does not fire).",
            [PresentAbove, AbsentBelow]),
        new(RuleIds.CommunityMeasurable, RuleKind.Cmo, "Community level: service change is easier to measure", Polarity.Ingredient, "7.1.2",
            [Codes.LevelCommunity], null, Codes.ImprovingServices,
            "LEVEL_COMMUNITY is present (level COMMUNITY, or coded). A MIXED level (0.5) is not enough.",
            [PresentAbove]),
        new(RuleIds.LeadershipGap, RuleKind.Cmo, "A gap in the leadership configuration", Polarity.Risk, "7.4.1",
            [Codes.SeniorEngagementEarly, Codes.PoliticalEngagement, Codes.ClinicianEngagement, Codes.CommunityEngagement], null, Codes.Momentum,
            "One finding per element (senior, political, project lead, Enabler, clinical, community) that is not present, when the configuration can be judged: at least MinimumPeopleForConfiguration people are recorded working for partners in the initiative, or the element's context code is coded absent (score below AbsentBelow).",
            [MinimumPeople, PresentAbove, AbsentBelow]),
        new(RuleIds.PartnershipBodyOwner, RuleKind.Cmo, "Led by a partnership body: exposed to restructuring", Polarity.Caution, "7.2.2",
            [Codes.OwnerPartnershipBody], null, Codes.MomentumAfterExit,
            "OWNER_PARTNERSHIP_BODY is present, coded or derived from a LEAD partner of kind HWBB or CCG.",
            [PresentAbove]),
        new(RuleIds.FewClinicians, RuleKind.Cmo, "Clinicians absent or under-represented", Polarity.Caution, "5.3",
            [Codes.ClinicianEngagement], Codes.RoleModelling, Codes.EngagingProfessionals,
            "CLINICIAN_ENGAGEMENT is absent (score below AbsentBelow); or it is not coded either way (unknown or mixed) while at least MinimumPeopleForConfiguration people are recorded and clinicians are fewer than ClinicianShareBelow of them.",
            [AbsentBelow, PresentAbove, MinimumPeople, ClinicianShare]),
        new(RuleIds.DetectionArtefact, RuleKind.Cmo, "An indicator rose as data recording improved: the rise may be better detection, not more harm", Polarity.Caution, "8",
            [Codes.DataAsLever], Codes.HoldingUpTheMirror, Codes.ImprovingServices,
            "DATA_AS_LEVER is present and the initiative ACHIEVED an outcome with trend RISING, dated no earlier than the initiative's start (or undated). One finding per such outcome.",
            [PresentAbove]),
        new(RuleIds.Unfocused, RuleKind.Cmo, "No distinct focus: impact hard to identify", Polarity.Risk, "7.1.1",
            [Codes.FocusedProblem], Codes.SharedNarrative, Codes.Momentum,
            "FOCUSED_PROBLEM is absent (score below AbsentBelow; unknown does not fire).",
            [AbsentBelow]),
        new(RuleIds.ScaleUpLikely, RuleKind.Cmo, "Follow-on funding and a strategic-priority link: roll-out likely", Polarity.Ingredient, "7.3.5, 7.4.3",
            [Codes.FollowOnFunding, Codes.StrategicPriorityLink], null, Codes.ScaledUp,
            "FOLLOW_ON_FUNDING (coded, or derived from FOLLOWED_BY) and STRATEGIC_PRIORITY_LINK are both present.",
            [PresentAbove]),
        new(RuleIds.ShortNoFollowOn, RuleKind.Cmo, "A short project with no follow-on", Polarity.Risk, "7.3.5, 6",
            [Codes.FollowOnFunding], null, Codes.Momentum,
            "The project is short (end at most ShortFundingMonths after start) and FOLLOW_ON_FUNDING is not present. Unlike the other risks, no follow-on counts as absence: follow-on funding is recorded in the graph as FOLLOWED_BY, so its absence there is the record.",
            [ShortFundingMonths, PresentAbove]),

        new(RuleIds.MomentumOutlook, RuleKind.Outlook, "Momentum outlook", null, "6.3, 7", [], null, Codes.Momentum,
            "Over the initiative's findings, each rule counted once however often it fired: score = IngredientWeight × ingredient rules − RiskWeight × risk rules − CautionWeight × caution rules. Fewer than MinimumRulesForOutlook rules fired → INSUFFICIENT_EVIDENCE; else score ≥ StrongOutlookAtLeast → STRONG; score < AtRiskOutlookBelow → AT_RISK; otherwise MODERATE.",
            [
                new(nameof(EvaluationOptions.IngredientWeight), o => Number(o.IngredientWeight), "what an ingredient adds"),
                new(nameof(EvaluationOptions.RiskWeight), o => Number(o.RiskWeight), "what a risk takes away"),
                new(nameof(EvaluationOptions.CautionWeight), o => Number(o.CautionWeight), "what a caution takes away"),
                new(nameof(EvaluationOptions.MinimumRulesForOutlook), o => Number(o.MinimumRulesForOutlook), "distinct rules that must fire for a rating"),
                new(nameof(EvaluationOptions.StrongOutlookAtLeast), o => Number(o.StrongOutlookAtLeast), "score for STRONG"),
                new(nameof(EvaluationOptions.AtRiskOutlookBelow), o => Number(o.AtRiskOutlookBelow), "score under which AT_RISK"),
            ]),
    ];

    private static readonly Dictionary<string, Entry> ById = Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    /// <summary>Every rule with the parameter values of the given options (the defaults when null).</summary>
    public static IReadOnlyList<RuleDescription> Describe(EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        return Entries.Select(e => Describe(e, options)).ToList();
    }

    /// <exception cref="KeyNotFoundException">No rule has this id.</exception>
    public static RuleDescription Get(string id, EvaluationOptions? options = null) =>
        Describe(ById[id], options ?? EvaluationOptions.Default);

    /// <summary>Where a rule comes in the catalogue; findings are listed in this order.</summary>
    public static int OrderOf(string id) => Array.FindIndex(Entries, e => e.Id == id) is var i and >= 0 ? i : int.MaxValue;

    internal static string TitleOf(string id) => ById[id].Title;

    internal static string SectionOf(string id) => ById[id].Section;

    internal static Polarity PolarityOf(string id) => ById[id].Polarity ?? throw new InvalidOperationException($"{id} is not a CMO rule.");

    private static RuleDescription Describe(Entry e, EvaluationOptions options) =>
        new(e.Id, e.Kind, e.Title, e.Polarity, e.Section, e.Codes, e.Mechanism, e.Outcome, e.Condition,
            e.Parameters.Select(p => new RuleParameter(p.Name, p.Value(options), p.Description)).ToList());

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
