namespace LocalVision.Rules.Insight.Derived;

/// <summary>A measure of an initiative's partner network, read from the partners' COLLABORATES_WITH ties as of a date.</summary>
public enum NetworkMeasureKind
{
    /// <summary>
    /// The normalised betweenness of the initiative's lead partner (PARTNER_IN role LEAD) in the whole partner
    /// collaboration network: the share of shortest paths between other partners that run through it (networkx's
    /// <c>betweenness_centrality</c>, normalised). With more than one lead, the highest.
    /// </summary>
    LeadPartnerBrokerage,

    /// <summary>The density of the collaboration ties among the initiative's partners: ties ÷ k(k−1)/2 for k ≥ 2 partners.</summary>
    PartnerNetworkDensity,

    /// <summary>How many distinct kinds (LOCAL_AUTHORITY, CCG, …) its partners are.</summary>
    PartnerKindCount,
}
