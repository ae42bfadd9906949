using LocalVision.Graph.Model;
using LocalVision.Graph.Network;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight.Derived;

/// <summary>
/// Computes derived conditions for the graph's cases: each initiative's raw value (a measure of its partner network
/// as of a date, or a numeric property of it or its locality), calibrated into a membership.
/// </summary>
public sealed class DerivedConditions(IGraphStore store, ProjectionCache projections)
{
    private const int PageSize = 1000;
    private const string LeadRole = "LEAD";

    /// <param name="initiatives">The cases, by initiative name.</param>
    /// <param name="asOf">The analysis date, for a network measure without its own.</param>
    /// <exception cref="GraphValidationException">A spec is wrong (see <see cref="DerivedConditionChecks"/>), or the indirect method cannot fit the values.</exception>
    public async Task<DerivedSets> ComputeAsync(IReadOnlyList<DerivedCondition> derived, IReadOnlyList<string> initiatives, DateOnly asOf, CancellationToken cancellationToken)
    {
        DerivedConditionChecks.Check(derived);
        if (derived.Count == 0)
        {
            return DerivedSets.None;
        }
        var memberships = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var raw = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var warnings = new List<string>();
        for (var i = 0; i < derived.Count; i++)
        {
            var spec = derived[i];
            var values = spec.Network is { } network
                ? await NetworkAsync(network, initiatives, network.AsOf ?? asOf, cancellationToken)
                : await PropertyAsync(spec.Property!, initiatives, cancellationToken);
            raw[spec.Name] = values;
            memberships[spec.Name] = Calibrated(spec, values, $"{DerivedConditionChecks.Field}[{i}]", warnings);
            var without = initiatives.Where(n => !values.ContainsKey(n)).ToList();
            if (without.Count > 0)
            {
                warnings.Add($"{spec.Name}: {without.Count} of {initiatives.Count} cases have no {Source(spec)}, so their membership is unknown: {string.Join(", ", without)}");
            }
        }
        return new DerivedSets(memberships, raw, warnings);
    }

    private static string Source(DerivedCondition spec) => spec.Network?.Kind switch
    {
        NetworkMeasureKind.LeadPartnerBrokerage => "lead partner in the partner network",
        NetworkMeasureKind.PartnerNetworkDensity => "two or more partners",
        NetworkMeasureKind.PartnerKindCount => "partner with a recorded kind",
        _ => $"number for `{spec.Property!.Property}`{(spec.Property.Of == PropertyHolder.Locality ? " on its locality" : "")}",
    };

    private static Dictionary<string, double> Calibrated(DerivedCondition spec, IReadOnlyDictionary<string, double> values, string at, List<string> warnings)
    {
        var names = values.Keys.ToList();
        try
        {
            if (spec.Method == CalibrationMethod.Direct)
            {
                var anchors = new CalibrationAnchors(spec.Thresholds[0], spec.Thresholds[1], spec.Thresholds[2]);
                return names.ToDictionary(n => n, n => Calibration.Direct(values[n], anchors, spec.InclusionMembership), StringComparer.Ordinal);
            }
            if (names.Count < 2)
            {
                warnings.Add($"{spec.Name}: the indirect method needs at least two cases with a value, and {names.Count} {(names.Count == 1 ? "has" : "have")} one; every membership is unknown");
                return [];
            }
            var fitted = Calibration.Indirect([.. names.Select(n => values[n])], spec.Thresholds);
            return names.Select((n, k) => (n, k)).ToDictionary(p => p.n, p => fitted[p.k], StringComparer.Ordinal);
        }
        catch (GraphValidationException e)
        {
            throw new GraphValidationException([.. e.Violations.Select(v => new FieldViolation($"{at}.calibration.{v.Field}", v.Description))]);
        }
    }

    private async Task<Dictionary<string, double>> NetworkAsync(NetworkMeasure measure, IReadOnlyList<string> initiatives, DateOnly date, CancellationToken cancellationToken)
    {
        var collaboration = await projections.GetAsync(new ProjectionSpec([Labels.Partner], [RelationshipTypes.CollaboratesWith], AsOf: date), cancellationToken);
        var betweenness = measure.Kind == NetworkMeasureKind.LeadPartnerBrokerage ? Centrality.Betweenness(collaboration, cancellationToken: cancellationToken) : [];
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var initiative in initiatives)
        {
            var partnerships = await PartnershipsAsync(initiative, date, cancellationToken);
            var partners = partnerships.Select(p => p.Start).Distinct(StringComparer.Ordinal).ToList();
            var value = measure.Kind switch
            {
                NetworkMeasureKind.LeadPartnerBrokerage => PartnerNetworkMeasures.LeadBrokerage(
                    collaboration, betweenness, partnerships.Where(p => p.GetString("role") == LeadRole).Select(p => p.Start)),
                NetworkMeasureKind.PartnerNetworkDensity => PartnerNetworkMeasures.Density(collaboration, partners),
                _ => PartnerNetworkMeasures.KindCount(collaboration, partners),
            };
            if (value is { } v)
            {
                values[initiative] = v;
            }
        }
        return values;
    }

    /// <summary>The initiative's PARTNER_IN ties valid on the date.</summary>
    private async Task<List<GraphRelationship>> PartnershipsAsync(string initiative, DateOnly date, CancellationToken cancellationToken) =>
        [.. (await RelationshipsAsync(initiative, RelationshipTypes.PartnerIn, Direction.Incoming, cancellationToken)).Where(r => NetworkProjection.IsValidOn(r, date))];

    private async Task<List<GraphRelationship>> RelationshipsAsync(string node, string type, Direction direction, CancellationToken cancellationToken)
    {
        var all = new List<GraphRelationship>();
        string? token = null;
        do
        {
            var page = await store.ListRelationshipsAsync(new RelationshipQuery(node, type, direction, PageSize, token), cancellationToken);
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    private async Task<Dictionary<string, double>> PropertyAsync(PropertyMeasure measure, IReadOnlyList<string> initiatives, CancellationToken cancellationToken)
    {
        // Each initiative's holder: itself, or the locality it is in.
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var initiative in initiatives)
        {
            if (measure.Of == PropertyHolder.Initiative)
            {
                holders[initiative] = initiative;
            }
            else if ((await RelationshipsAsync(initiative, RelationshipTypes.InLocality, Direction.Outgoing, cancellationToken)).FirstOrDefault() is { } locality)
            {
                holders[initiative] = locality.End;
            }
        }
        var nodes = (await store.GetNodesAsync([.. holders.Values.Distinct(StringComparer.Ordinal)], cancellationToken)).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (initiative, holder) in holders)
        {
            if (nodes.TryGetValue(holder, out var node) && NodeNumbers.Read(node, measure.Property) is { } value && double.IsFinite(value))
            {
                values[initiative] = value;
            }
        }
        return values;
    }
}
