using Grpc.Core;
using LocalVision.Rules.Insight;
using LocalVision.Rules.Qca;
using LocalVision.Server.Grpc.Mapping;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Insight;

/// <summary>TestRobustness: the MinimizeTruthTable request re-run over ranges of its choices.</summary>
public sealed partial class InsightApi
{
    private const int MaxRangeValues = 50;
    private const int MaxCalibrations = 24;

    public override async Task<TestRobustnessResponse> TestRobustness(TestRobustnessRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        if (request.Minimization is null)
        {
            checks.Add("minimization", "is required: the MinimizeTruthTable request of the initial solution");
        }
        var input = Minimization(checks, request.Minimization ?? new MinimizeTruthTableRequest(), "minimization.");
        checks.Count("inclusion_cutoffs", request.InclusionCutoffs.Count, MaxRangeValues, required: false);
        checks.Count("frequency_cutoffs", request.FrequencyCutoffs.Count, MaxRangeValues, required: false);
        checks.Count("calibrations", request.Calibrations.Count, MaxCalibrations, required: false);
        for (var i = 0; i < request.InclusionCutoffs.Count; i++)
        {
            if (request.InclusionCutoffs[i] is <= 0 or > 1 || double.IsNaN(request.InclusionCutoffs[i]))
            {
                checks.Add($"inclusion_cutoffs[{i}]", "must be above 0 and at most 1");
            }
        }
        for (var i = 0; i < request.FrequencyCutoffs.Count; i++)
        {
            if (request.FrequencyCutoffs[i] < 1)
            {
                checks.Add($"frequency_cutoffs[{i}]", "must be at least 1");
            }
        }
        for (var i = 0; i < request.Calibrations.Count; i++)
        {
            checks.Count($"calibrations[{i}].anchors", request.Calibrations[i].Anchors.Count, MaxRangeValues);
        }
        var policies = new List<Rules.Insight.UnknownPolicy>();
        for (var i = 0; i < request.UnknownPolicies.Count; i++)
        {
            if (request.UnknownPolicies[i] == V1.UnknownPolicy.Unspecified || InsightMapping.Policy(request.UnknownPolicies[i]) is not { } policy)
            {
                checks.Add($"unknown_policies[{i}]", "must be UNKNOWN_POLICY_DROP_CASE, _AS_ABSENT, _AS_PRESENT or _BOUNDS (both extremes)");
                continue;
            }
            policies.Add(policy);
        }
        if (request.InclusionCutoffs.Count + request.FrequencyCutoffs.Count + request.Calibrations.Count + policies.Count == 0 && !request.LeaveOneCaseOut)
        {
            checks.Add("inclusion_cutoffs", "name at least one thing to vary: cut-offs, calibrations, unknown_policies or leave_one_case_out");
        }
        checks.ThrowIfAny();
        var ranges = new RobustnessRanges(
            [.. request.InclusionCutoffs], [.. request.FrequencyCutoffs], [.. request.Calibrations.Select(RobustnessMapping.Variation)], policies, request.LeaveOneCaseOut);
        var report = await robustness.TestAsync(input.Source, input.Outcome, input.Conditions, input.Table, input.Options, ranges, context.CancellationToken);
        return RobustnessMapping.ToProto(report);
    }
}
