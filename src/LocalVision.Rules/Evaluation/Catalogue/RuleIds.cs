namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>
/// Stable ids of the rules written in C#: the derivations and the outlook. The CMO rules' ids are in their theory
/// (Theory/local-vision.yaml). NRules rule names are these ids, or <c>ID/PART</c> where one rule is written as several.
/// </summary>
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

    public const string MomentumOutlook = "MOMENTUM_OUTLOOK";

    /// <summary>The derivation rules in the order they build on each other.</summary>
    public static IReadOnlyList<string> Derivations { get; } =
    [
        LatestObservation, DeriveOwnership, DeriveAlignment, DeriveLevel, DeriveFollowOn, DerivePriorEnablerTie, DeriveFundingPeriod,
        DeriveEnablerExit, DerivePartners, DeriveRisingIndicator, DeriveProjectLeadChange, ResolveCondition, DeriveLeadership,
        DeriveClinicianRepresentation,
    ];

    /// <summary>The catalogue id of an NRules rule name (<c>LEADERSHIP_GAP/SENIOR</c> → <c>LEADERSHIP_GAP</c>).</summary>
    public static string OfRuleName(string ruleName)
    {
        var slash = ruleName.IndexOf('/');
        return slash < 0 ? ruleName : ruleName[..slash];
    }
}
