namespace LocalVision.Rules.Evaluation;

/// <summary>The catalogue codes the rules name, as constants so a typo fails to compile.</summary>
public static class Codes
{
    public const string FocusedProblem = "FOCUSED_PROBLEM";
    public const string LevelCommunity = "LEVEL_COMMUNITY";
    public const string LevelStrategic = "LEVEL_STRATEGIC";
    public const string PriorSystemsWork = "PRIOR_SYSTEMS_WORK";
    public const string PriorEnablerTie = "PRIOR_ENABLER_TIE";
    public const string BurningPlatform = "BURNING_PLATFORM";
    public const string AlignedPlaceBased = "ALIGNED_PLACE_BASED";
    public const string AlignedBcf = "ALIGNED_BCF";
    public const string OwnerPublicHealth = "OWNER_PUBLIC_HEALTH";
    public const string OwnerPartnershipBody = "OWNER_PARTNERSHIP_BODY";
    public const string OwnerLocalAuthority = "OWNER_LOCAL_AUTHORITY";
    public const string OwnerHealth = "OWNER_HEALTH";
    public const string OwnerVoluntary = "OWNER_VOLUNTARY";
    public const string DedicatedSupport = "DEDICATED_SUPPORT";
    public const string SeniorEngagementEarly = "SENIOR_ENGAGEMENT_EARLY";
    public const string PoliticalEngagement = "POLITICAL_ENGAGEMENT";
    public const string EnablerMatched = "ENABLER_MATCHED";
    public const string CommunityEngagement = "COMMUNITY_ENGAGEMENT";
    public const string MouAgreed = "MOU_AGREED";
    public const string LearningNetwork = "LEARNING_NETWORK";
    public const string AdequateTime = "ADEQUATE_TIME";
    public const string FollowOnFunding = "FOLLOW_ON_FUNDING";
    public const string ClinicianEngagement = "CLINICIAN_ENGAGEMENT";
    public const string ExitPlanned = "EXIT_PLANNED";
    public const string LocalSuccessor = "LOCAL_SUCCESSOR";
    public const string StrategicPriorityLink = "STRATEGIC_PRIORITY_LINK";
    public const string OutcomeMetrics = "OUTCOME_METRICS";
    public const string DataAsLever = "DATA_AS_LEVER";

    /// <summary>Data completeness: the people recorded for an initiative are all who took part.</summary>
    public const string PeopleComplete = "PEOPLE_COMPLETE";

    public const string HoldingUpTheMirror = "HOLDING_UP_THE_MIRROR";
    public const string SafeSpace = "SAFE_SPACE";
    public const string UserPerspective = "USER_PERSPECTIVE";
    public const string NationalLegitimacy = "NATIONAL_LEGITIMACY";
    public const string ReconnectingPurpose = "RECONNECTING_PURPOSE";
    public const string TrustBuilding = "TRUST_BUILDING";
    public const string PermissionToExperiment = "PERMISSION_TO_EXPERIMENT";
    public const string SharedNarrative = "SHARED_NARRATIVE";
    public const string RoleModelling = "ROLE_MODELLING";

    public const string ThinkingSystemically = "THINKING_SYSTEMICALLY";
    public const string WorkingCollaboratively = "WORKING_COLLABORATIVELY";
    public const string EngagingServiceUsers = "ENGAGING_SERVICE_USERS";
    public const string SharedLeadership = "SHARED_LEADERSHIP";
    public const string InfluencingStrategy = "INFLUENCING_STRATEGY";
    public const string GeneratingIncome = "GENERATING_INCOME";
    public const string EngagingProfessionals = "ENGAGING_PROFESSIONALS";
    public const string ImprovingServices = "IMPROVING_SERVICES";
    public const string CatalysingChange = "CATALYSING_CHANGE";
    public const string NewWaysOfWorking = "NEW_WAYS_OF_WORKING";
    public const string Momentum = "MOMENTUM";
    public const string MomentumAfterExit = "MOMENTUM_AFTER_EXIT";
    public const string ScaledUp = "SCALED_UP";
}
