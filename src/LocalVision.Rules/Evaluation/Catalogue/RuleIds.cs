namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>Stable rule ids. NRules rule names are these ids, or <c>ID/PART</c> where one rule is written as several.</summary>
public static class RuleIds
{
    public const string LatestObservation = "LATEST_OBSERVATION";
    public const string DeriveOwnership = "DERIVE_OWNERSHIP";
    public const string DeriveAlignment = "DERIVE_ALIGNMENT";
    public const string DeriveLevel = "DERIVE_LEVEL";
    public const string DeriveFollowOn = "DERIVE_FOLLOW_ON";
    public const string DerivePriorEnablerTie = "DERIVE_PRIOR_ENABLER_TIE";
    public const string DeriveFundingPeriod = "DERIVE_FUNDING_PERIOD";
    public const string DeriveEnablerExit = "DERIVE_ENABLER_EXIT";
    public const string DerivePartners = "DERIVE_PARTNERS";
    public const string DeriveRisingIndicator = "DERIVE_RISING_INDICATOR";
    public const string DeriveProjectLeadChange = "DERIVE_PROJECT_LEAD_CHANGE";
    public const string DeriveLeadership = "DERIVE_LEADERSHIP";
    public const string DeriveClinicianRepresentation = "DERIVE_CLINICIAN_REPRESENTATION";
    public const string ResolveCondition = "RESOLVE_CONDITION";

    public const string Focused = "FOCUSED";
    public const string Unfocused = "UNFOCUSED";
    public const string CommunityMeasurable = "COMMUNITY_MEASURABLE";
    public const string StrategicNoMetrics = "STRATEGIC_NO_METRICS";
    public const string PriorSystems = "PRIOR_SYSTEMS";
    public const string PriorTie = "PRIOR_TIE";
    public const string BurningPlatform = "BURNING_PLATFORM";
    public const string PlaceBasedFit = "PLACE_BASED_FIT";
    public const string BcfDistraction = "BCF_DISTRACTION";
    public const string PublicHealthExperiment = "PUBLIC_HEALTH_EXPERIMENT";
    public const string PartnershipBodyOwner = "PARTNERSHIP_BODY_OWNER";
    public const string DedicatedSupport = "DEDICATED_SUPPORT";
    public const string NoSupport = "NO_SUPPORT";
    public const string SeniorEarly = "SENIOR_EARLY";
    public const string SeniorLate = "SENIOR_LATE";
    public const string PoliticalMandate = "POLITICAL_MANDATE";
    public const string EnablerMatched = "ENABLER_MATCHED";
    public const string CommunityLightBulb = "COMMUNITY_LIGHT_BULB";
    public const string MouYardstick = "MOU_YARDSTICK";
    public const string NoMou = "NO_MOU";
    public const string LearningNetwork = "LEARNING_NETWORK";
    public const string AdequateTime = "ADEQUATE_TIME";
    public const string TimePressure = "TIME_PRESSURE";
    public const string ShortNoFollowOn = "SHORT_NO_FOLLOW_ON";
    public const string LeadershipGap = "LEADERSHIP_GAP";
    public const string ExitHandover = "EXIT_HANDOVER";
    public const string ExitNoSuccessor = "EXIT_NO_SUCCESSOR";
    public const string ScaleUpLikely = "SCALE_UP_LIKELY";
    public const string ContestedViews = "CONTESTED_VIEWS";
    public const string DataAsLever = "DATA_AS_LEVER";
    public const string DetectionArtefact = "DETECTION_ARTEFACT";
    public const string FewClinicians = "FEW_CLINICIANS";

    public const string MomentumOutlook = "MOMENTUM_OUTLOOK";

    /// <summary>The derivation rules in the order they build on each other.</summary>
    public static IReadOnlyList<string> Derivations { get; } =
    [
        LatestObservation, DeriveOwnership, DeriveAlignment, DeriveLevel, DeriveFollowOn, DerivePriorEnablerTie, DeriveFundingPeriod,
        DeriveEnablerExit, DerivePartners, DeriveRisingIndicator, DeriveProjectLeadChange, ResolveCondition, DeriveLeadership,
        DeriveClinicianRepresentation,
    ];

    /// <summary>The CMO rules in the order of DOMAIN.md's table, which follows the report's chapter 7, then §8 and §5.3.</summary>
    public static IReadOnlyList<string> Table { get; } =
    [
        Focused, Unfocused, CommunityMeasurable, StrategicNoMetrics, PriorSystems, PriorTie, BurningPlatform, PlaceBasedFit,
        BcfDistraction, PublicHealthExperiment, PartnershipBodyOwner, DedicatedSupport, NoSupport, SeniorEarly, SeniorLate,
        PoliticalMandate, EnablerMatched, CommunityLightBulb, MouYardstick, NoMou, LearningNetwork, AdequateTime, TimePressure,
        ShortNoFollowOn, LeadershipGap, ExitHandover, ExitNoSuccessor, ScaleUpLikely, ContestedViews, DataAsLever,
        DetectionArtefact, FewClinicians,
    ];

    /// <summary>The catalogue id of an NRules rule name (<c>LEADERSHIP_GAP/SENIOR</c> → <c>LEADERSHIP_GAP</c>).</summary>
    public static string OfRuleName(string ruleName)
    {
        var slash = ruleName.IndexOf('/');
        return slash < 0 ? ruleName : ruleName[..slash];
    }
}
