namespace LocalVision.Rules.Evaluation.Conditions;

/// <summary>
/// What the evidence says of a condition as of a date (docs/domain.md, "Open world"). Silence is not absence: a condition
/// nobody observed is unknown, and so is one observed only as exactly "partly" (0.5).
/// </summary>
public enum ConditionValue
{
    /// <summary>Observed, or derived, with a score above the presence threshold (default 0.5).</summary>
    Present,

    /// <summary>Observed, or derived, with a score below the absence threshold: evidence of absence.</summary>
    Absent,

    /// <summary>No value by the date, or a score between the thresholds (maximally ambiguous).</summary>
    Unknown,
}
