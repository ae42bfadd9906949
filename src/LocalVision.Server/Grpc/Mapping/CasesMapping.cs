using LocalVision.Rules.Insight.Studies;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Mapping;

/// <summary>FindCases's relation into the domain's terms and its cases to study into the proto.</summary>
internal static class CasesMapping
{
    public static Rules.Insight.Studies.SetRelation? Relation(V1.SetRelation relation) => relation switch
    {
        V1.SetRelation.Unspecified or V1.SetRelation.Sufficiency => Rules.Insight.Studies.SetRelation.Sufficiency,
        V1.SetRelation.Necessity => Rules.Insight.Studies.SetRelation.Necessity,
        _ => null,
    };

    public static FindCasesResponse ToProto(CaseStudyReport report)
    {
        var response = new FindCasesResponse
        {
            Expression = report.Expression,
            Outcome = report.Outcome,
            Relation = report.Relation == Rules.Insight.Studies.SetRelation.Necessity ? V1.SetRelation.Necessity : V1.SetRelation.Sufficiency,
            CaseCount = report.CaseCount,
            CasesOutOfOutcome = report.CasesOutOfOutcome,
        };
        response.Groups.AddRange(report.Groups.Select(g =>
        {
            var group = new CaseGroup { Kind = Kind(g.Kind), Total = g.Total, Purpose = g.Purpose };
            group.Cases.AddRange(g.Cases.Select(ToProto));
            return group;
        }));
        response.Excluded.AddRange(report.Excluded.Select(InsightMapping.ToProto));
        response.Warnings.AddRange(report.Warnings);
        return response;
    }

    private static V1.CaseToStudy ToProto(Rules.Insight.Studies.CaseToStudy study)
    {
        var c = study.Case;
        var proto = new V1.CaseToStudy
        {
            Name = c.Name, DisplayName = study.DisplayName, X = c.X, Y = c.Y, Kind = Kind(c.Kind), Rank = c.Rank, Criterion = c.Criterion,
        };
        proto.Evidence.AddRange(study.Evidence.Select(e =>
        {
            var evidence = new V1.CaseEvidence { Code = e.Code };
            evidence.Observations.AddRange(e.Observations);
            evidence.Evidence.AddRange(e.Evidence);
            return evidence;
        }));
        return proto;
    }

    private static V1.CaseKind Kind(Rules.Insight.Studies.CaseKind kind) => kind switch
    {
        Rules.Insight.Studies.CaseKind.Typical => V1.CaseKind.Typical,
        Rules.Insight.Studies.CaseKind.DeviantDegree => V1.CaseKind.DeviantDegree,
        Rules.Insight.Studies.CaseKind.DeviantConsistency => V1.CaseKind.DeviantConsistency,
        Rules.Insight.Studies.CaseKind.DeviantCoverage => V1.CaseKind.DeviantCoverage,
        Rules.Insight.Studies.CaseKind.DeviantRelevance => V1.CaseKind.DeviantRelevance,
        _ => V1.CaseKind.IndividuallyIrrelevant,
    };
}
