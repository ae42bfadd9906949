using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>What <c>lv predictors --robustness</c> asks TestRobustness: the conservative solution over the conditions, and what to vary.</summary>
internal static class RobustnessCommand
{
    /// <summary>Most conditions minimised together: beyond it the truth table is nearly all remainders on a few cases.</summary>
    public const int MaxConditions = 6;

    /// <summary>The inclusion cut-offs tried beside the initial 0.8.</summary>
    public static readonly double[] InclusionCutoffs = [0.75, 0.85, 0.9];

    /// <summary>The frequency cut-offs tried beside the initial 1.</summary>
    public static readonly int[] FrequencyCutoffs = [2];

    /// <summary>
    /// The named conditions, else those the analysis can judge, else those with cases (most cases first); null when
    /// none has a case.
    /// </summary>
    public static TestRobustnessRequest? Request(AnalyzeConditionsRequest request, AnalyzeConditionsResponse response)
    {
        var conditions = request.Conditions.Count > 0
            ? [.. request.Conditions]
            : response.Conditions.Where(c => c.Judgeable).Select(c => c.Condition).ToList() is { Count: > 0 } judgeable
                ? judgeable
                : response.Conditions.Where(c => c.N > 0).OrderByDescending(c => c.N).Select(c => c.Condition).ToList();
        if (conditions.Count == 0)
        {
            return null;
        }
        var minimization = new MinimizeTruthTableRequest
        {
            Outcome = request.NegateOutcome ? "~" + (request.Outcome.Length == 0 ? "MOMENTUM" : request.Outcome) : request.Outcome,
            SolutionType = SolutionType.Conservative,
            AsOf = request.AsOf,
            CaseTable = request.CaseTable,
            UnknownPolicy = request.UnknownPolicy == UnknownPolicy.Bounds ? UnknownPolicy.DropCase : request.UnknownPolicy,
        };
        minimization.Conditions.AddRange(conditions.Take(MaxConditions));
        minimization.DerivedConditions.AddRange(request.DerivedConditions);
        var test = new TestRobustnessRequest { Minimization = minimization, LeaveOneCaseOut = true };
        test.InclusionCutoffs.AddRange(InclusionCutoffs);
        test.FrequencyCutoffs.AddRange(FrequencyCutoffs);
        if (request.CaseTable is not { Cases.Count: > 0 })
        {
            test.UnknownPolicies.AddRange([UnknownPolicy.AsAbsent, UnknownPolicy.AsPresent]);
        }
        return test;
    }
}
