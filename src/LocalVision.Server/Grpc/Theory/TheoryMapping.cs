using Google.Protobuf.WellKnownTypes;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Server.Grpc.Evaluation;

namespace LocalVision.Server.Grpc.Theory;

/// <summary>Theory versions and comparisons as theory.proto carries them.</summary>
internal static class TheoryMapping
{
    public static V1.Theory ToProto(TheoryVersion theory, IReadOnlyList<RuleDescription> rules)
    {
        var proto = new V1.Theory { Version = theory.Version, Yaml = theory.Text, Note = theory.Note, Author = theory.Author };
        if (theory.CreateTime is { } time)
        {
            proto.CreateTime = Timestamp.FromDateTimeOffset(time);
        }
        proto.Rules.AddRange(rules.Select(EvaluationMapping.ToProto));
        return proto;
    }

    /// <summary>The report in Markdown, and as one HTML page as well when the caller asks for HTML.</summary>
    public static V1.RamesesReport ToProto(Rules.Evaluation.Theory.Report.RamesesDocument report, V1.ReportFormat format) => new()
    {
        Markdown = Rules.Evaluation.Theory.Report.RamesesMarkdown.Write(report),
        TheoryVersion = report.Refined.Version,
        Html = format == V1.ReportFormat.Html ? Rules.Evaluation.Theory.Report.RamesesHtml.Write(report) : "",
    };

    public static V1.TheoryVersionSummary Summary(TheoryVersion theory)
    {
        var proto = new V1.TheoryVersionSummary { Version = theory.Version, Note = theory.Note, Author = theory.Author };
        if (theory.CreateTime is { } time)
        {
            proto.CreateTime = Timestamp.FromDateTimeOffset(time);
        }
        proto.RuleIds.AddRange(theory.Rules.Select(r => r.Id));
        return proto;
    }

    public static V1.CompareTheoriesResponse ToProto(
        string fromVersion, string toVersion, EvidenceScope scope, IReadOnlyList<TheoryComparison> comparisons, bool proposed)
    {
        var response = new V1.CompareTheoriesResponse
        {
            FromVersion = fromVersion, ToVersion = toVersion, AsOf = EvaluationMapping.Time(scope.AsOf), Proposed = proposed,
        };
        response.Initiatives.AddRange(comparisons.Select(ToProto));
        return response;
    }

    public static V1.TheoryComparison ToProto(TheoryComparison comparison)
    {
        var proto = new V1.TheoryComparison
        {
            Initiative = comparison.Initiative,
            DisplayName = comparison.DisplayName,
            OutlookBefore = EvaluationMapping.ToProto(comparison.Before),
            OutlookAfter = EvaluationMapping.ToProto(comparison.After),
        };
        proto.Gained.AddRange(comparison.Gained.Select(EvaluationMapping.ToProto));
        proto.Lost.AddRange(comparison.Lost.Select(EvaluationMapping.ToProto));
        return proto;
    }
}
