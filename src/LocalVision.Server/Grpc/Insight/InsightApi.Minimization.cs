using Grpc.Core;
using LocalVision.Graph.Store;
using LocalVision.Rules.Insight;
using LocalVision.Rules.Qca;
using LocalVision.Server.Grpc.Mapping;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Insight;

/// <summary>MinimizeTruthTable, and the checks of its request that the RPCs built on it (TestRobustness, FindCases) share.</summary>
public sealed partial class InsightApi
{
    private const int MaxUntenableRemainders = 4096;

    public override async Task<MinimizeTruthTableResponse> MinimizeTruthTable(MinimizeTruthTableRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var input = Minimization(checks, request, "");
        if (request.MaxModels < 0)
        {
            checks.Add("max_models", "must not be negative (0 means every model, unset 1,000)");
        }
        // A page continues the list of the same request: the token is bound to every other field.
        var query = ModelPages + RequestFingerprint.Of(new MinimizeTruthTableRequest(request) { PageToken = "" });
        var first = PageToken.Decode(request.PageToken, query) is { } position
            ? int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : -1
            : 0;
        if (first < 0)
        {
            checks.Add("page_token", "is not a token this query returned; start again without it");
        }
        checks.ThrowIfAny();
        var maxModels = !request.HasMaxModels ? DefaultMaxModels : request.MaxModels == 0 ? int.MaxValue : request.MaxModels;
        var report = await analysis.MinimizeAsync(
            input.Source, input.Outcome, input.Conditions, input.Table, input.Options with { MaxModels = maxModels }, context.CancellationToken);
        return InsightMapping.ToProto(report, first, query, serverOptions.Value.Limits.MaxMessageBytes / 2);
    }

    /// <summary>A MinimizeTruthTable request read into the domain's terms.</summary>
    private sealed record MinimizationInput(CaseSource Source, string Outcome, List<string> Conditions, TruthTableOptions Table, MinimizationOptions Options);

    /// <summary>Checks a MinimizeTruthTable request (fields under <paramref name="prefix"/>, e.g. <c>minimization.</c>) and reads it.</summary>
    private MinimizationInput Minimization(RequestChecks checks, MinimizeTruthTableRequest request, string prefix)
    {
        var inner = new RequestChecks();
        var conditions = Conditions(inner, request.Conditions, required: true);
        var options = TableOptions(inner, request.InclusionCutoff, request.FrequencyCutoff);
        var asOf = inner.Date("as_of", request.AsOf) ?? Today;
        var unknowns = Unknowns(inner, request.UnknownPolicy);
        var solutionType = InsightMapping.SolutionType(request.SolutionType);
        var expectations = new Dictionary<string, DirectionalExpectation>(StringComparer.Ordinal);
        foreach (var (condition, expected) in request.DirectionalExpectations)
        {
            if (!conditions.Contains(condition))
            {
                inner.Add($"directional_expectations[{condition}]", "is not one of the conditions");
            }
            else if (expected is not (0 or 1))
            {
                inner.Add($"directional_expectations[{condition}]", "must be 1 (presence expected to help) or 0 (absence)");
            }
            else
            {
                expectations[condition] = expected == 1 ? DirectionalExpectation.Present : DirectionalExpectation.Absent;
            }
        }
        if (solutionType == Rules.Qca.SolutionType.Intermediate && expectations.Count == 0)
        {
            inner.Add("directional_expectations", "the intermediate solution needs at least one directional expectation");
        }
        inner.Count("untenable_remainders", request.UntenableRemainders.Count, MaxUntenableRemainders, required: false);
        var derived = Derived(inner, request.DerivedConditions, request.CaseTable is { Cases.Count: > 0 });
        foreach (var violation in inner.Violations)
        {
            checks.Add(prefix + violation.Field, violation.Description);
        }
        var minimization = new MinimizationOptions(
            solutionType, expectations, UntenableRemainders: [.. request.UntenableRemainders], ExcludeContradictoryAssumptions: request.ExcludeContradictoryAssumptions);
        return new MinimizationInput(InsightMapping.Source(request.CaseTable, asOf, unknowns, derived), Outcome(request.Outcome, negate: false), conditions, options, minimization);
    }
}
