using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight;

public enum ExclusionReason
{
    /// <summary>No value recorded for a set the analysis needs.</summary>
    Unknown,

    /// <summary>Its truth table row has fewer cases than the frequency cut-off, so the row counts as a remainder.</summary>
    BelowFrequencyCutoff,

    /// <summary>Its membership in a condition is exactly 0.5, so it belongs to no truth table row.</summary>
    AtCrossover,
}

/// <summary>A case an analysis left out, the sets concerned and the reason in words.</summary>
public sealed record ExcludedCase(string Name, ExclusionReason Reason, IReadOnlyList<string> Sets, string Explanation);

/// <summary>The cases an analysis can use, the ones left out with the reason, and notes (unknowns read as absent or present).</summary>
public sealed record CaseSelection(CaseTable Cases, IReadOnlyList<ExcludedCase> Excluded, IReadOnlyList<string> Warnings);
