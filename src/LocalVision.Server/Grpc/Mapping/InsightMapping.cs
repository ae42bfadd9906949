using LocalVision.Graph.Store;
using LocalVision.Rules.Cohorts;
using LocalVision.Rules.Qca;
using LocalVision.Rules.Insight;
using LocalVision.V1;
using DomainCase = LocalVision.Rules.Qca.Case;

namespace LocalVision.Server.Grpc.Mapping;

/// <summary>The InsightService's requests into the domain's terms and its reports into protos.</summary>
internal static class InsightMapping
{
    public static CaseSource Source(V1.CaseTable? table, DateOnly asOf, Rules.Insight.UnknownPolicy unknowns, IReadOnlyList<Rules.Insight.Derived.DerivedCondition>? derived = null) =>
        new(table is { Cases.Count: > 0 } ? table.Cases.Select(c => new DomainCase(c.Name, c.Memberships)).ToList() : null, asOf, unknowns, derived);

    /// <summary>The calibration method (unspecified is direct), or null when the value is none the proto defines.</summary>
    public static Rules.Insight.CalibrationMethod? Method(V1.CalibrationMethod method) => method switch
    {
        V1.CalibrationMethod.Unspecified or V1.CalibrationMethod.Direct => Rules.Insight.CalibrationMethod.Direct,
        V1.CalibrationMethod.Indirect => Rules.Insight.CalibrationMethod.Indirect,
        _ => null,
    };

    /// <summary>The policy, or null when the value is none the proto defines.</summary>
    public static Rules.Insight.UnknownPolicy? Policy(V1.UnknownPolicy policy) => policy switch
    {
        V1.UnknownPolicy.Unspecified or V1.UnknownPolicy.DropCase => Rules.Insight.UnknownPolicy.DropCase,
        V1.UnknownPolicy.AsAbsent => Rules.Insight.UnknownPolicy.AsAbsent,
        V1.UnknownPolicy.AsPresent => Rules.Insight.UnknownPolicy.AsPresent,
        V1.UnknownPolicy.Bounds => Rules.Insight.UnknownPolicy.Bounds,
        _ => null,
    };

    internal static V1.FigureRange? ToProto(Rules.Insight.FigureRange? range) => range is null ? null : new V1.FigureRange { Low = range.Low, High = range.High };

    internal static V1.ExcludedCase ToProto(Rules.Insight.ExcludedCase excluded)
    {
        var proto = new V1.ExcludedCase
        {
            Name = excluded.Name,
            Explanation = excluded.Explanation,
            Reason = excluded.Reason switch
            {
                Rules.Insight.ExclusionReason.Unknown => V1.ExclusionReason.Unknown,
                Rules.Insight.ExclusionReason.BelowFrequencyCutoff => V1.ExclusionReason.BelowFrequencyCutoff,
                _ => V1.ExclusionReason.AtCrossover,
            },
        };
        proto.Sets.AddRange(excluded.Sets);
        return proto;
    }

    public static Rules.Qca.SolutionType SolutionType(V1.SolutionType type) => type switch
    {
        V1.SolutionType.Parsimonious => Rules.Qca.SolutionType.Parsimonious,
        V1.SolutionType.Intermediate => Rules.Qca.SolutionType.Intermediate,
        _ => Rules.Qca.SolutionType.Conservative,
    };

    public static AnalyzeConditionsResponse ToProto(ConditionsReport report)
    {
        var response = new AnalyzeConditionsResponse { Outcome = report.Outcome };
        response.Conditions.AddRange(report.Conditions.Select(ToProto));
        response.Cases.AddRange(report.Cases);
        response.Warnings.AddRange(report.Warnings);
        response.Excluded.AddRange(report.Excluded.Select(ToProto));
        response.MinimumCases = ConditionJudgement.MinimumCases;
        response.CasesWithOutcome = report.CasesWithOutcome;
        response.CasesInOutcome = report.CasesInOutcome;
        return response;
    }

    private static V1.ConditionStatistics ToProto(ConditionReport report)
    {
        var proto = report.Statistics is { } statistics ? ToProto(report.Condition, statistics) : new V1.ConditionStatistics
        {
            Condition = report.Condition,
            NoCases = true,
            SufficiencyConsistency = double.NaN, SufficiencyCoverage = double.NaN, Pri = double.NaN,
            NecessityConsistency = double.NaN, NecessityCoverage = double.NaN, RelevanceOfNecessity = double.NaN,
            Crisp = new CrispTable { FisherP = double.NaN, OddsRatio = double.NaN, OddsRatioLow = double.NaN, OddsRatioHigh = double.NaN },
        };
        proto.N = report.Cases.Count;
        proto.Cases.AddRange(report.Cases);
        proto.Excluded.AddRange(report.Excluded.Select(ToProto));
        proto.Judgeable = report.Verdict.Judgeable;
        proto.TooFewCases = report.Verdict.TooFewCases;
        proto.Caveats.AddRange(report.Verdict.Caveats);
        proto.Summary = report.Verdict.Summary;
        if (report.Bounds is { } b)
        {
            proto.Bounds = new V1.ConditionBounds
            {
                SufficiencyConsistency = ToProto(b.SufficiencyConsistency), SufficiencyCoverage = ToProto(b.SufficiencyCoverage), Pri = ToProto(b.Pri),
                NecessityConsistency = ToProto(b.NecessityConsistency), NecessityCoverage = ToProto(b.NecessityCoverage),
                RelevanceOfNecessity = ToProto(b.RelevanceOfNecessity), FisherP = ToProto(b.FisherP), OddsRatio = ToProto(b.OddsRatio), N = ToProto(b.N),
            };
        }
        return proto;
    }

    private static V1.ConditionStatistics ToProto(string condition, Rules.Qca.ConditionStatistics statistics)
    {
        var proto = new V1.ConditionStatistics
        {
            Condition = condition,
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
        proto.Points.AddRange(statistics.Points.Select(p => new V1.CasePoint { Name = p.Name, Condition = p.Condition, Outcome = p.Outcome }));
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
                // What the minimisation uses; a contradiction is its own flag with the cases on each side, so a
                // contradictory row still says whether it counts as sufficient (R's OUT).
                Outcome = row.Outcome switch { OutcomeValue.Positive => "1", OutcomeValue.Negative => "0", _ => "?" },
                N = row.N,
                Consistency = row.Consistency,
                Pri = row.Pri,
                Contradictory = row.IsContradictory,
            };
            proto.Configuration.AddRange(row.Configuration.Select(c => c == '1' ? 1 : 0));
            proto.Cases.AddRange(row.Cases);
            proto.CasesInOutcome.AddRange(row.CasesInOutcome);
            proto.CasesOutOfOutcome.AddRange(row.CasesOutOfOutcome);
            return proto;
        }));
        response.Remainders.AddRange(table.EnumerateLogicalRemainders().Take(1024));
        response.Warnings.AddRange(report.Warnings);
        response.CaseCount = table.Cases.Count;
        response.Excluded.AddRange(report.Excluded.Select(ToProto));
        response.Bounds.AddRange((report.Bounds ?? []).Select(b =>
        {
            var proto = new V1.RowBounds { N = ToProto(b.N), Consistency = ToProto(b.Consistency) };
            proto.Configuration.AddRange(b.Configuration.Select(c => c == '1' ? 1 : 0));
            return proto;
        }));
        return response;
    }

    private static V1.SolutionModel ToProto(Rules.Qca.SolutionModel model)
    {
        var proto = new V1.SolutionModel { Name = model.Name, Expression = model.Expression, Consistency = model.Consistency, Coverage = model.Coverage };
        proto.Terms.AddRange(model.Terms.Select(term =>
        {
            var t = new V1.SolutionTerm
            {
                Expression = term.Expression, Consistency = term.Consistency, RawCoverage = term.RawCoverage, UniqueCoverage = term.UniqueCoverage,
            };
            t.Cases.AddRange(term.Cases);
            return t;
        }));
        return proto;
    }

    /// <summary>The models from <paramref name="first"/> on, as many as fit <paramref name="byteBudget"/> less the rest of the response (always one, so that paging moves on).</summary>
    /// <param name="query">What a page token of this request is bound to.</param>
    public static MinimizeTruthTableResponse ToProto(MinimizationReport report, int first, string query, int byteBudget)
    {
        var response = new MinimizeTruthTableResponse { TotalModels = report.Result.Models.Count };
        var firstModel = report.Result.Models.FirstOrDefault();
        if (firstModel is not null)
        {
            response.SimplifyingAssumptions.AddRange(firstModel.SimplifyingAssumptions.Configurations);
            if (firstModel.Intermediate is { } intermediate)
            {
                response.EasyCounterfactuals.AddRange(intermediate.EasyCounterfactuals.Configurations);
                response.DifficultCounterfactuals.AddRange(intermediate.DifficultCounterfactuals.Configurations);
            }
        }
        response.Warnings.AddRange(report.Warnings);
        response.CaseCount = report.CaseCount;
        response.Excluded.AddRange(report.Excluded.Select(ToProto));
        response.ContradictoryAssumptions.AddRange(report.ContradictoryAssumptions);
        response.ExcludedRemainders.AddRange(report.Result.ExcludedRemainders);
        if (report.Bounds is { } bounds)
        {
            response.Bounds = new V1.SolutionBounds { Consistency = ToProto(bounds.Consistency), Coverage = ToProto(bounds.Coverage) };
            response.Bounds.AllAbsent.AddRange(bounds.AllAbsent.Select(ToProto));
            response.Bounds.AllPresent.AddRange(bounds.AllPresent.Select(ToProto));
        }
        var models = report.Result.Models.Skip(first).Select(ToProto);
        if (BytePage.Fill(response, response.Models, MinimizeTruthTableResponse.ModelsFieldNumber, models, byteBudget))
        {
            var next = first + response.Models.Count;
            response.NextPageToken = PageToken.Encode(query, next.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return response;
    }

    public static AnalyzeNecessityResponse ToProto(NecessityReport report)
    {
        var response = new AnalyzeNecessityResponse { CaseCount = report.CaseCount };
        response.Conditions.AddRange(report.Result.Conditions.Select((c, i) => new V1.NecessaryCondition
        {
            Expression = c.Expression, Consistency = c.Fit.Consistency, Coverage = c.Fit.Coverage, RelevanceOfNecessity = c.Fit.RelevanceOfNecessity,
            ConsistencyBounds = ToProto(report.Bounds?[i].Consistency), CoverageBounds = ToProto(report.Bounds?[i].Coverage),
        }));
        response.Warnings.AddRange(report.Warnings);
        response.Excluded.AddRange(report.Excluded.Select(ToProto));
        return response;
    }

    public static CalibrateResponse ToProto(CalibratedSet set)
    {
        var response = new CalibrateResponse { InclusionMembership = set.InclusionMembership };
        response.Values.AddRange(set.Values);
        response.Memberships.AddRange(set.Memberships);
        response.Names.AddRange(set.Names);
        response.Warnings.AddRange(set.Warnings);
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
