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
    public const string DeriveLeadership = "DERIVE_LEADERSHIP";
    public const string DeriveProjectLeadChange = "DERIVE_PROJECT_LEAD_CHANGE";
    public const string ResolveCondition = "RESOLVE_CONDITION";

    public const string SeniorEarly = "SENIOR_EARLY";
    public const string SeniorLate = "SENIOR_LATE";
    public const string ExitNoSuccessor = "EXIT_NO_SUCCESSOR";
    public const string ExitHandover = "EXIT_HANDOVER";
    public const string PriorTie = "PRIOR_TIE";
    public const string BurningPlatform = "BURNING_PLATFORM";
    public const string BcfDistraction = "BCF_DISTRACTION";
    public const string PlaceBasedFit = "PLACE_BASED_FIT";
    public const string NoSupport = "NO_SUPPORT";
    public const string NoMou = "NO_MOU";
    public const string CommunityLightBulb = "COMMUNITY_LIGHT_BULB";
    public const string StrategicNoMetrics = "STRATEGIC_NO_METRICS";
    public const string CommunityMeasurable = "COMMUNITY_MEASURABLE";
    public const string LeadershipGap = "LEADERSHIP_GAP";
    public const string PartnershipBodyOwner = "PARTNERSHIP_BODY_OWNER";
    public const string FewClinicians = "FEW_CLINICIANS";
    public const string DetectionArtefact = "DETECTION_ARTEFACT";
    public const string Unfocused = "UNFOCUSED";
    public const string ScaleUpLikely = "SCALE_UP_LIKELY";
    public const string ShortNoFollowOn = "SHORT_NO_FOLLOW_ON";

    public const string MomentumOutlook = "MOMENTUM_OUTLOOK";

    /// <summary>The catalogue id of an NRules rule name (<c>LEADERSHIP_GAP/SENIOR</c> → <c>LEADERSHIP_GAP</c>).</summary>
    public static string OfRuleName(string ruleName)
    {
        var slash = ruleName.IndexOf('/');
        return slash < 0 ? ruleName : ruleName[..slash];
    }
}
