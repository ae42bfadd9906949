using LocalVision.Rules.Insight;
using LocalVision.Rules.Qca;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Mapping;

/// <summary>TestRobustness's calibrations into the domain's terms and its report into the proto.</summary>
internal static class RobustnessMapping
{
    public static Rules.Insight.CalibrationVariation Variation(V1.CalibrationVariation variation) => new(
        variation.Condition,
        new Dictionary<string, double>(variation.RawValues, StringComparer.Ordinal),
        [.. variation.Anchors.Select(a => new Rules.Qca.CalibrationAnchors(a.Exclusion, a.Crossover, a.Inclusion))],
        variation.InclusionMembership == 0 ? Calibration.RInclusionMembership : variation.InclusionMembership);

    public static TestRobustnessResponse ToProto(RobustnessReport report)
    {
        var response = new TestRobustnessResponse
        {
            Initial = ToProto(report.Initial),
            Consistency = InsightMapping.ToProto(report.Consistency),
            Coverage = InsightMapping.ToProto(report.Coverage),
        };
        response.Tests.AddRange(report.Tests.Select(ToProto));
        response.RobustCore.AddRange(report.RobustCore);
        if (report.Fit is { } fit)
        {
            response.Fit = new V1.RobustnessFit
            {
                RfCov = fit.RfCov, RfCons = fit.RfCons, RfScMinTs = fit.RfScMinTs, RfScMaxTs = fit.RfScMaxTs,
                CoreConsistency = fit.Core.Consistency, CoreCoverage = fit.Core.Coverage,
            };
        }
        response.MovingCases.AddRange(report.MovingCases.Select(m =>
        {
            var proto = new V1.MovingCase { Name = m.Name, Kind = Kind(m.Kind) };
            proto.Runs.AddRange(m.Runs);
            return proto;
        }));
        response.Excluded.AddRange(report.Excluded.Select(InsightMapping.ToProto));
        response.Warnings.AddRange(report.Warnings);
        return response;
    }

    private static string Kind(MovingKind kind) => kind switch
    {
        MovingKind.ShakyTypical => "SHAKY_TYPICAL",
        MovingKind.ShakyDeviant => "SHAKY_DEVIANT",
        MovingKind.PossibleTypical => "POSSIBLE_TYPICAL",
        _ => "POSSIBLE_DEVIANT",
    };

    private static V1.RobustnessRun ToProto(Rules.Insight.RobustnessRun run)
    {
        var proto = new V1.RobustnessRun { Label = run.Label, Consistency = run.Consistency, Coverage = run.Coverage, CaseCount = run.CaseCount, Note = run.Note };
        proto.Models.AddRange(run.Models);
        proto.Terms.AddRange(run.Terms);
        return proto;
    }
}
