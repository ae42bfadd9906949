using LocalVision.Rules.Insight.Studies;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Mapping;

/// <summary>EvaluateTheory's report into the proto.</summary>
internal static class TheoryFitMapping
{
    public static EvaluateTheoryResponse ToProto(TheoryFitReport report)
    {
        var response = new EvaluateTheoryResponse
        {
            Theory = report.Theory,
            Solution = report.Model?.Expression ?? "",
            Model = report.Model?.Name ?? "",
            CaseCount = report.CaseCount,
        };
        response.Intersections.AddRange(report.Intersections.Select(i => ToProto(i, report.DisplayNames)));
        response.Excluded.AddRange(report.Excluded.Select(InsightMapping.ToProto));
        response.Warnings.AddRange(report.Warnings);
        return response;
    }

    private static V1.TheoryIntersection ToProto(Rules.Insight.Studies.TheoryIntersection intersection, IReadOnlyDictionary<string, string> displayNames)
    {
        var proto = new V1.TheoryIntersection
        {
            Label = intersection.Label,
            Consistency = intersection.Fit.Consistency,
            Coverage = intersection.Fit.Coverage,
            Pri = intersection.Fit.Pri,
            Reading = intersection.Reading,
        };
        proto.Members.AddRange(intersection.Members.Select(name => new TheoryCase { Name = name, DisplayName = displayNames.GetValueOrDefault(name, name) }));
        proto.CasesInOutcome.AddRange(intersection.InOutcome);
        proto.CasesOutOfOutcome.AddRange(intersection.OutOfOutcome);
        return proto;
    }
}
