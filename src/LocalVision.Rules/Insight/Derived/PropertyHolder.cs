namespace LocalVision.Rules.Insight.Derived;

/// <summary>Which node a calibrated property is read from.</summary>
public enum PropertyHolder
{
    /// <summary>The initiative itself (e.g. <c>funding</c>).</summary>
    Initiative,

    /// <summary>The locality the initiative is IN_LOCALITY of (e.g. the Appendix 4 indicator <c>population</c>).</summary>
    Locality,
}
