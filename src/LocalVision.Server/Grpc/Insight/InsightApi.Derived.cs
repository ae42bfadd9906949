using LocalVision.Graph.Store;
using LocalVision.Rules.Insight.Derived;
using LocalVision.Server.Grpc.Mapping;

namespace LocalVision.Server.Grpc.Insight;

/// <summary>Reads the derived conditions an analysis request names, every fault under its field path.</summary>
public sealed partial class InsightApi
{
    private const int MaxDerivedConditions = MaxConditions;

    /// <param name="prefix">The request's place in an outer request, e.g. <c>minimization.</c>; empty at the top.</param>
    private static List<DerivedCondition> Derived(RequestChecks checks, IReadOnlyList<V1.DerivedCondition> specs, bool withTable, string prefix = "")
    {
        var field = prefix + DerivedConditionChecks.Field;
        checks.Count(field, specs.Count, MaxDerivedConditions, required: false);
        if (specs.Count > 0 && withTable)
        {
            checks.Add(field, "derived conditions are computed from the graph's cases; with a case_table, give the calibrated memberships as columns of the table");
        }
        var derived = new List<DerivedCondition>();
        for (var i = 0; i < specs.Count; i++)
        {
            var (spec, at) = (specs[i], $"{field}[{i}]");
            var network = spec.SourceCase == V1.DerivedCondition.SourceOneofCase.Network ? Network(checks, spec.Network, $"{at}.network") : null;
            var property = spec.SourceCase == V1.DerivedCondition.SourceOneofCase.Property ? Property(checks, spec.Property, $"{at}.property") : null;
            var calibration = spec.Calibration ?? new V1.DerivedCalibration();
            var method = InsightMapping.Method(calibration.Method);
            if (method is null)
            {
                checks.Add($"{at}.calibration.method", "must be CALIBRATION_METHOD_DIRECT or CALIBRATION_METHOD_INDIRECT");
            }
            var inclusion = calibration.InclusionMembership == 0 ? Rules.Qca.Calibration.RInclusionMembership : calibration.InclusionMembership;
            derived.Add(new DerivedCondition(spec.Name, network, property, method ?? Rules.Insight.CalibrationMethod.Direct, [.. calibration.Thresholds], inclusion));
        }
        try
        {
            DerivedConditionChecks.Check(derived);
        }
        catch (GraphValidationException e)
        {
            foreach (var violation in e.Violations)
            {
                checks.Add(prefix + violation.Field, violation.Description);
            }
        }
        return derived;
    }

    private static NetworkMeasure Network(RequestChecks checks, V1.NetworkMeasure measure, string at)
    {
        var kind = measure.Kind switch
        {
            V1.NetworkMeasureKind.LeadPartnerBrokerage => NetworkMeasureKind.LeadPartnerBrokerage,
            V1.NetworkMeasureKind.PartnerNetworkDensity => NetworkMeasureKind.PartnerNetworkDensity,
            V1.NetworkMeasureKind.PartnerKindCount => NetworkMeasureKind.PartnerKindCount,
            _ => (NetworkMeasureKind?)null,
        };
        if (kind is null)
        {
            checks.Add($"{at}.kind", "must be NETWORK_MEASURE_KIND_LEAD_PARTNER_BROKERAGE, _PARTNER_NETWORK_DENSITY or _PARTNER_KIND_COUNT");
        }
        return new NetworkMeasure(kind ?? NetworkMeasureKind.PartnerKindCount, checks.Date($"{at}.as_of", measure.AsOf));
    }

    private static PropertyMeasure Property(RequestChecks checks, V1.PropertyCalibration measure, string at)
    {
        var holder = measure.Of switch
        {
            V1.PropertyHolder.Unspecified or V1.PropertyHolder.Initiative => PropertyHolder.Initiative,
            V1.PropertyHolder.Locality => PropertyHolder.Locality,
            _ => (PropertyHolder?)null,
        };
        if (holder is null)
        {
            checks.Add($"{at}.of", "must be PROPERTY_HOLDER_INITIATIVE or PROPERTY_HOLDER_LOCALITY");
        }
        return new PropertyMeasure(measure.Property, holder ?? PropertyHolder.Initiative);
    }
}
