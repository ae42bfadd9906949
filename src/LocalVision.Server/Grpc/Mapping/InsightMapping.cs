using LocalVision.Rules.Cohorts;
using LocalVision.Rules.Configurations;
using LocalVision.Rules.Insight;
using LocalVision.V1;
using DomainCase = LocalVision.Rules.Configurations.Case;

namespace LocalVision.Server.Grpc.Mapping;

/// <summary>The InsightService's requests into the domain's terms and its reports into protos.</summary>
internal static class InsightMapping
{
    public static CaseSource Source(V1.CaseTable? table, DateOnly asOf) =>
        new(table is { Cases.Count: > 0 } ? table.Cases.Select(c => new DomainCase(c.Name, c.Memberships)).ToList() : null, asOf);

    public static Rules.Configurations.SolutionType SolutionType(V1.SolutionType type) => type switch
    {
        V1.SolutionType.Parsimonious => Rules.Configurations.SolutionType.Parsimonious,
        V1.SolutionType.Intermediate => Rules.Configurations.SolutionType.Intermediate,
        _ => Rules.Configurations.SolutionType.Conservative,
    };

    public static AnalyzeConditionsResponse ToProto(ConditionsReport report)
    {
        var response = new AnalyzeConditionsResponse { Outcome = report.Outcome };
        response.Conditions.AddRange(report.Conditions.Select(ToProto));
        response.Cases.AddRange(report.Cases);
        response.Warnings.AddRange(report.Warnings);
        return response;
    }

    private static V1.ConditionStatistics ToProto(ConditionReport report)
    {
        var statistics = report.Statistics;
        var proto = new V1.ConditionStatistics
        {
            Condition = report.Condition,
            SufficiencyConsistency = statistics.Sufficiency.Consistency,
            SufficiencyCoverage = statistics.Sufficiency.Coverage,
            Pri = statistics.Sufficiency.Pri,
            NecessityConsistency = statistics.Necessity.Consistency,
            NecessityCoverage = statistics.Necessity.Coverage,
            RelevanceOfNecessity = statistics.Necessity.RelevanceOfNecessity,
            Crisp = new CrispTable
            {
                Both = statistics.CrispTable.A,
                ConditionOnly = statistics.CrispTable.B,
                OutcomeOnly = statistics.CrispTable.C,
                Neither = statistics.CrispTable.D,
                FisherP = statistics.FisherExactP,
                OddsRatio = statistics.OddsRatio.Estimate,
                OddsRatioLow = statistics.OddsRatio.Lower,
                OddsRatioHigh = statistics.OddsRatio.Upper,
            },
        };
        proto.CasesInCondition.AddRange(statistics.CrispTable.CasesInCondition);
        proto.CasesInBoth.AddRange(statistics.CrispTable.InBoth);
        return proto;
    }

    public static BuildTruthTableResponse ToProto(TruthTableReport report, IReadOnlyList<string> conditions)
    {
        var table = report.Table;
        var response = new BuildTruthTableResponse { RemainderCount = table.LogicalRemainderCount };
        response.Conditions.AddRange(conditions);
        response.Rows.AddRange(table.Rows.Select(row =>
        {
            var proto = new V1.TruthTableRow
            {
                Outcome = row.IsContradictory ? "C" : row.Outcome switch { OutcomeValue.Positive => "1", OutcomeValue.Negative => "0", _ => "?" },
                N = row.N,
                Consistency = row.Consistency,
                Pri = row.Pri,
                Contradictory = row.IsContradictory,
            };
            proto.Configuration.AddRange(row.Configuration.Select(c => c == '1' ? 1 : 0));
            proto.Cases.AddRange(row.Cases);
            return proto;
        }));
        response.Remainders.AddRange(table.EnumerateLogicalRemainders().Take(1024));
        response.Warnings.AddRange(report.Warnings);
        return response;
    }

    public static MinimizeTruthTableResponse ToProto(MinimizationReport report)
    {
        var response = new MinimizeTruthTableResponse();
        foreach (var model in report.Result.Models)
        {
            var proto = new V1.SolutionModel { Expression = model.Expression, Consistency = model.Consistency, Coverage = model.Coverage };
            proto.Terms.AddRange(model.Terms.Select(term =>
            {
                var t = new V1.SolutionTerm
                {
                    Expression = term.Expression, Consistency = term.Consistency, RawCoverage = term.RawCoverage, UniqueCoverage = term.UniqueCoverage,
                };
                t.Cases.AddRange(term.Cases);
                return t;
            }));
            response.Models.Add(proto);
        }
        var first = report.Result.Models.FirstOrDefault();
        if (first is not null)
        {
            response.SimplifyingAssumptions.AddRange(first.SimplifyingAssumptions.Configurations);
            if (first.Intermediate is { } intermediate)
            {
                response.EasyCounterfactuals.AddRange(intermediate.EasyCounterfactuals.Configurations);
                response.DifficultCounterfactuals.AddRange(intermediate.DifficultCounterfactuals.Configurations);
            }
        }
        response.Warnings.AddRange(report.Warnings);
        return response;
    }

    public static AnalyzeNecessityResponse ToProto(NecessityReport report)
    {
        var response = new AnalyzeNecessityResponse();
        response.Conditions.AddRange(report.Result.Conditions.Select(c => new V1.NecessaryCondition
        {
            Expression = c.Expression, Consistency = c.Fit.Consistency, Coverage = c.Fit.Coverage, RelevanceOfNecessity = c.Fit.RelevanceOfNecessity,
        }));
        response.Warnings.AddRange(report.Warnings);
        return response;
    }

    public static SelectCohortResponse ToProto(CohortResult result)
    {
        var response = new SelectCohortResponse
        {
            TotalScore = result.TotalScore, TotalFunding = result.TotalFunding, Optimal = result.Optimal, TieBreak = CohortSelection.TieBreak,
        };
        response.Selected.AddRange(result.Selected.Select(ToProto));
        response.Excluded.AddRange(result.Excluded.Select(ToProto));
        response.Warnings.AddRange(result.Warnings);
        return response;
    }

    private static V1.CohortCandidate ToProto(CohortDecision decision)
    {
        var proto = new V1.CohortCandidate
        {
            Initiative = decision.Candidate.Initiative,
            Locality = decision.Candidate.Locality,
            Score = decision.Candidate.Score,
            Funding = decision.Candidate.Funding,
            Selected = decision.Selected,
        };
        proto.Reasons.AddRange(decision.Reasons.Concat(decision.Selected ? [] : decision.Candidate.ScoreReasons));
        return proto;
    }
}
