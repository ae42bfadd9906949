using LocalVision.Rules.Configurations;

namespace LocalVision.Rules.Insight;

/// <summary>One condition's statistics against the outcome, on the cases that have values for both.</summary>
public sealed record ConditionReport(string Condition, ConditionStatistics Statistics, IReadOnlyList<string> Cases);

/// <summary>The answer to "which conditions predict the outcome?", condition by condition.</summary>
public sealed record ConditionsReport(string Outcome, IReadOnlyList<ConditionReport> Conditions, IReadOnlyList<string> Cases, IReadOnlyList<string> Warnings);

public sealed record TruthTableReport(TruthTable Table, IReadOnlyList<string> Warnings);

public sealed record MinimizationReport(MinimizationResult Result, IReadOnlyList<string> Warnings);

public sealed record NecessityReport(NecessityResult Result, IReadOnlyList<string> Warnings);

/// <summary>
/// The configurational analyses of the InsightService over the cases <see cref="InsightCases"/> assembles: one
/// condition at a time, the truth table, its minimisation and necessity.
/// </summary>
public sealed class InsightAnalysis(InsightCases cases)
{
    /// <summary>Cases a context code needs, among the projects with the outcome, to be analysed when no condition is named.</summary>
    public const int MinimumCasesForDefaultConditions = 3;

    /// <summary>Each condition on the cases that have values for it and the outcome; empty conditions mean every one with data.</summary>
    public async Task<ConditionsReport> AnalyzeConditionsAsync(CaseSource source, string outcome, IReadOnlyList<string> conditions, CancellationToken cancellationToken)
    {
        if (conditions.Count == 0)
        {
            conditions = await cases.DefaultConditionsAsync(source, outcome, MinimumCasesForDefaultConditions, cancellationToken);
        }
        var reports = new List<ConditionReport>();
        var used = new List<string>();
        var warnings = new List<string>();
        foreach (var condition in conditions)
        {
            var selection = await cases.SelectAsync(source, outcome, [condition], cancellationToken);
            if (selection.Cases.Count == 0)
            {
                warnings.Add($"{condition}: no case has values for both it and {outcome}");
                continue;
            }
            reports.Add(new ConditionReport(condition, ConditionAnalysis.Analyze(selection.Cases, condition, outcome), selection.Cases.CaseNames));
            used.AddRange(selection.Cases.CaseNames.Where(n => !used.Contains(n)));
        }
        return new ConditionsReport(outcome, reports, used, warnings);
    }

    public async Task<TruthTableReport> BuildTruthTableAsync(CaseSource source, string outcome, IReadOnlyList<string> conditions, TruthTableOptions options, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source, outcome, conditions, cancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        return new TruthTableReport(table, [.. selection.Warnings, .. table.Warnings]);
    }

    public async Task<MinimizationReport> MinimizeAsync(
        CaseSource source, string outcome, IReadOnlyList<string> conditions, TruthTableOptions options, MinimizationOptions minimization, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source, outcome, conditions, cancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        var result = BooleanMinimization.Minimize(table, minimization, cancellationToken);
        return new MinimizationReport(result, [.. selection.Warnings.Concat(table.Warnings).Concat(result.Warnings).Distinct()]);
    }

    public async Task<NecessityReport> AnalyzeNecessityAsync(
        CaseSource source, string outcome, IReadOnlyList<string> conditions, NecessityOptions options, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source, outcome, conditions, cancellationToken);
        var result = NecessityAnalysis.Analyze(selection.Cases, outcome, conditions, options);
        return new NecessityReport(result, [.. selection.Warnings, .. result.Warnings]);
    }
}
