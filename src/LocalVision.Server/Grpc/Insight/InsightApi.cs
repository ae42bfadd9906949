using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Cohorts;
using LocalVision.Rules.Qca;
using LocalVision.Rules.Insight;
using LocalVision.Server.Grpc.Mapping;
using LocalVision.Server.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Grpc.Insight;

/// <summary>
/// The InsightService: QCA over the graph's cases (each Local Vision project, its conditions resolved by the rules
/// engine as of a date) or over an analyst's own case table, and cohort selection. Each handler checks the request,
/// makes one call to <see cref="InsightAnalysis"/> or <see cref="CohortPlanner"/>, and maps the answer.
/// </summary>
public sealed partial class InsightApi(
    InsightAnalysis analysis, CohortPlanner planner, SetCalibration calibration, RobustnessAnalysis robustness, Rules.Insight.Studies.TheoryFitAnalysis theoryFit,
    Rules.Insight.Studies.CaseStudyAnalysis studies, TimeProvider clock, IOptions<LocalVisionOptions> serverOptions)
    : InsightService.InsightServiceBase
{
    private const int MaxConditions = 24;
    private const int MaxCalibrationValues = 100_000;
    private const int DefaultMaxModels = 1000;
    private const string ModelPages = "models";
    private const string DefaultOutcome = "MOMENTUM";

    public override async Task<AnalyzeConditionsResponse> AnalyzeConditions(AnalyzeConditionsRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var unknowns = Unknowns(checks, request.UnknownPolicy);
        var conditions = Conditions(checks, request.Conditions, required: false);
        var derived = Derived(checks, request.DerivedConditions, request.CaseTable is { Cases.Count: > 0 });
        checks.ThrowIfAny();
        var report = await analysis.AnalyzeConditionsAsync(InsightMapping.Source(request.CaseTable, asOf, unknowns, derived), Outcome(request.Outcome, request.NegateOutcome), conditions, context.CancellationToken);
        return InsightMapping.ToProto(report);
    }

    public override async Task<BuildTruthTableResponse> BuildTruthTable(BuildTruthTableRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var conditions = Conditions(checks, request.Conditions, required: true);
        var options = TableOptions(checks, request.InclusionCutoff, request.FrequencyCutoff);
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var unknowns = Unknowns(checks, request.UnknownPolicy);
        var derived = Derived(checks, request.DerivedConditions, request.CaseTable is { Cases.Count: > 0 });
        checks.ThrowIfAny();
        var report = await analysis.BuildTruthTableAsync(InsightMapping.Source(request.CaseTable, asOf, unknowns, derived), Outcome(request.Outcome, negate: false), conditions, options, context.CancellationToken);
        return InsightMapping.ToProto(report, conditions);
    }

    public override async Task<AnalyzeNecessityResponse> AnalyzeNecessity(AnalyzeNecessityRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var conditions = Conditions(checks, request.Conditions, required: true);
        var cutoff = request.ConsistencyCutoff == 0 ? 0.9 : request.ConsistencyCutoff;
        if (cutoff is < 0 or > 1 || double.IsNaN(cutoff))
        {
            checks.Add("consistency_cutoff", "must be between 0 and 1 (0 means 0.9)");
        }
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var unknowns = Unknowns(checks, request.UnknownPolicy);
        var derived = Derived(checks, request.DerivedConditions, request.CaseTable is { Cases.Count: > 0 });
        checks.ThrowIfAny();
        var report = await analysis.AnalyzeNecessityAsync(
            InsightMapping.Source(request.CaseTable, asOf, unknowns, derived), Outcome(request.Outcome, negate: false), conditions,
            new NecessityOptions(cutoff, request.IncludeDisjunctions), context.CancellationToken);
        return InsightMapping.ToProto(report);
    }

    public override async Task<CalibrateResponse> Calibrate(CalibrateRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var sources = (request.Values.Count > 0 ? 1 : 0) + (request.Label.Length > 0 ? 1 : 0) + (request.CaseTable is { Cases.Count: > 0 } ? 1 : 0);
        if (sources != 1)
        {
            checks.Add("values", "give the values in exactly one way: values, label and property, or case_table and column");
        }
        checks.Count("values", request.Values.Count, MaxCalibrationValues, required: false);
        var filter = checks.Filter("filter", request.Filter);
        var inclusion = request.InclusionMembership == 0 ? Calibration.RInclusionMembership : request.InclusionMembership;
        var method = InsightMapping.Method(request.Method);
        if (method is null)
        {
            checks.Add("method", "must be CALIBRATION_METHOD_DIRECT or CALIBRATION_METHOD_INDIRECT");
        }
        checks.ThrowIfAny();
        var source = new CalibrationSource(request.Values, request.Label.Length > 0 ? request.Label : null, request.Property, filter,
            InsightMapping.Source(request.CaseTable, Today, Rules.Insight.UnknownPolicy.DropCase).Table, request.Column);
        var set = await calibration.CalibrateAsync(source, method!.Value, request.Thresholds, inclusion, context.CancellationToken);
        return InsightMapping.ToProto(set);
    }

    public override async Task<SelectCohortResponse> SelectCohort(SelectCohortRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var size = checks.Bounded("size", request.Size, 0, 100);
        if (request.Size == 0)
        {
            checks.Add("size", "is required: how many projects to fund");
        }
        for (var i = 0; i < request.Candidates.Count; i++)
        {
            checks.Name($"candidates[{i}]", request.Candidates[i], Labels.Initiative);
        }
        for (var i = 0; i < request.Constraints.Count; i++)
        {
            var c = request.Constraints[i];
            if (!CohortPlanner.LocalityAttributes.Contains(c.Attribute))
            {
                checks.Add($"constraints[{i}].attribute", $"must be {string.Join(", ", CohortPlanner.LocalityAttributes.SkipLast(1))} or {CohortPlanner.LocalityAttributes[^1]}");
            }
            if (c.Min < 0 || c.Max < 0 || (c.Max > 0 && c.Max < c.Min))
            {
                checks.Add($"constraints[{i}]", "needs 0 ≤ min ≤ max (max 0 means no maximum)");
            }
        }
        if (request.Budget < 0 || double.IsNaN(request.Budget))
        {
            checks.Add("budget", "must not be negative (0 means no limit)");
        }
        var asOf = checks.Date("as_of", request.AsOf) ?? Today;
        var filter = checks.Filter("filter", request.Filter, "applicant = true");
        checks.ThrowIfAny();
        var constraints = request.Constraints.Select(c => new Rules.Cohorts.CohortConstraint(c.Attribute, c.Value, c.Min, c.Max == 0 ? null : c.Max)).ToList();
        var result = await planner.PlanAsync(
            new CohortPlanRequest(request.Candidates, filter, size, constraints, request.Budget > 0 ? request.Budget : null, asOf), context.CancellationToken);
        return InsightMapping.ToProto(result);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Outcome(string outcome, bool negate)
    {
        var name = outcome.Length == 0 ? DefaultOutcome : outcome;
        return negate ? "~" + name : name;
    }

    private static List<string> Conditions(RequestChecks checks, IReadOnlyList<string> conditions, bool required)
    {
        if (required && conditions.Count == 0)
        {
            checks.Add("conditions", "name at least one condition");
        }
        // The limit is on distinct conditions: X and ~X are one condition asked both ways.
        var distinct = conditions.Select(c => c.Trim().TrimStart('~').Trim()).Distinct(StringComparer.Ordinal).Count();
        if (distinct > MaxConditions)
        {
            checks.Add("conditions", $"names {distinct} distinct conditions; at most {MaxConditions} per request (X and ~X count as one)");
        }
        for (var i = 0; i < conditions.Count; i++)
        {
            if (conditions[i].TrimStart('~').Trim().Length == 0)
            {
                checks.Add($"conditions[{i}]", "names no condition");
            }
        }
        if (conditions.Count != conditions.Distinct().Count())
        {
            checks.Add("conditions", "names a condition twice");
        }
        return [.. conditions];
    }

    private static Rules.Insight.UnknownPolicy Unknowns(RequestChecks checks, V1.UnknownPolicy policy)
    {
        if (InsightMapping.Policy(policy) is { } known)
        {
            return known;
        }
        checks.Add("unknown_policy", "must be UNKNOWN_POLICY_DROP_CASE, _AS_ABSENT, _AS_PRESENT or _BOUNDS");
        return Rules.Insight.UnknownPolicy.DropCase;
    }

    private static TruthTableOptions TableOptions(RequestChecks checks, double inclusion, int frequency)
    {
        var cutoff = inclusion == 0 ? 0.8 : inclusion;
        if (cutoff is < 0 or > 1 || double.IsNaN(cutoff))
        {
            checks.Add("inclusion_cutoff", "must be between 0 and 1 (0 means 0.8)");
        }
        if (frequency < 0)
        {
            checks.Add("frequency_cutoff", "must not be negative (0 means 1)");
        }
        return new TruthTableOptions(cutoff, Math.Max(1, frequency));
    }
}
