using LocalVision.Graph.Network;

namespace LocalVision.Rules.Insight.Derived;

/// <summary>
/// The three <see cref="NetworkMeasureKind"/> measures of one initiative, over the partner collaboration projection
/// (Partner nodes, COLLABORATES_WITH ties, as of a date). Each is null when the initiative's partners do not give it a
/// value: no lead partner, fewer than two partners, no partner with a kind.
/// </summary>
public static class PartnerNetworkMeasures
{
    /// <param name="betweenness">Every node's normalised betweenness in <paramref name="collaboration"/> (<see cref="Centrality.Betweenness"/>).</param>
    public static double? LeadBrokerage(NetworkProjection collaboration, IReadOnlyList<double> betweenness, IEnumerable<string> leads)
    {
        var scores = leads.Select(collaboration.IndexOf).Where(i => i >= 0).Select(i => betweenness[i]).ToList();
        return scores.Count == 0 ? null : scores.Max();
    }

    /// <summary>Ties among the partners ÷ k(k−1)/2, counting each pair of partners once.</summary>
    public static double? Density(NetworkProjection collaboration, IEnumerable<string> partners)
    {
        var members = partners.Select(collaboration.IndexOf).Where(i => i >= 0).ToHashSet();
        if (members.Count < 2)
        {
            return null;
        }
        var ties = 0;
        foreach (var member in members)
        {
            foreach (var neighbour in collaboration.Neighbors(member))
            {
                if (neighbour > member && members.Contains(neighbour))
                {
                    ties++;
                }
            }
        }
        return ties / (members.Count * (members.Count - 1) / 2.0);
    }

    /// <summary>The number of distinct kinds among the partners whose kind is recorded.</summary>
    public static double? KindCount(NetworkProjection collaboration, IEnumerable<string> partners)
    {
        var kinds = partners.Select(collaboration.IndexOf).Where(i => i >= 0).Select(collaboration.KindOf).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        return kinds == 0 ? null : kinds;
    }
}
