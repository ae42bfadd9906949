using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight.Studies;

/// <summary>The theory to compare with a solution: an expression over the conditions, or a programme-theory rule by id (exactly one).</summary>
/// <param name="Model">The solution's model to compare with, by name (<c>M2</c>); null for the first.</param>
public sealed record TheoryStatement(SetExpression? Expression, string? Rule, string? Model = null);

/// <summary>A theory against the first model of a solution: the four intersections, and the cases they rest on.</summary>
/// <param name="Theory">The theory as evaluated (a rule's context written as an expression).</param>
/// <param name="Model">The model compared (the first unless named), null when no row is positive (the solution then holds no case).</param>
/// <param name="DisplayNames">Case name to display name: the initiative's over the graph, the name itself for a case table.</param>
public sealed record TheoryFitReport(
    string Theory,
    SolutionModel? Model,
    IReadOnlyList<TheoryIntersection> Intersections,
    IReadOnlyDictionary<string, string> DisplayNames,
    int CaseCount,
    IReadOnlyList<ExcludedCase> Excluded,
    IReadOnlyList<string> Warnings);

/// <summary>
/// SetMethods' theory.evaluation over the InsightService's cases: minimises as MinimizeTruthTable does, reads each
/// case's membership in the theory and in the first model, and splits the cases into T*S, ~T*S, T*~S and ~T*~S.
/// </summary>
public sealed class TheoryFitAnalysis(InsightCases cases, EvaluationEngine engine)
{
    /// <exception cref="RuleNotFoundException">The rule named is not in the current programme theory.</exception>
    /// <exception cref="RuleNotExpressibleException">The rule's context cannot be written over the conditions.</exception>
    /// <exception cref="GraphValidationException">The cases or conditions are refused, as for MinimizeTruthTable, or the solution has no model of the name asked for.</exception>
    /// <exception cref="MinimizationRefusedException">The truth table allows no solution of the type asked for.</exception>
    public async Task<TheoryFitReport> EvaluateAsync(
        CaseSource source, string outcome, IReadOnlyList<string> conditions, TruthTableOptions options, MinimizationOptions minimization,
        TheoryStatement statement, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var theory = statement.Expression;
        if (theory is null)
        {
            var rules = (await engine.Theories.CurrentAsync(cancellationToken)).Rules;
            var rule = RuleTheory.Find(rules, statement.Rule ?? "");
            var (expressed, notes) = RuleTheory.Express(rule, [.. conditions.Select(c => SetReference.Parse(c).Name)]);
            theory = expressed;
            warnings.AddRange(notes);
            if (!rule.InUse)
            {
                warnings.Add($"{rule.Id} is {rule.Status.ToString().ToLowerInvariant()}: evaluations do not run it");
            }
            if (rule.Outcome is { } ruleOutcome && ruleOutcome != SetReference.Parse(outcome).Name)
            {
                warnings.Add($"{rule.Id} bears on {ruleOutcome}, not on {outcome}");
            }
            else if (rule.Polarity != Polarity.Ingredient)
            {
                warnings.Add($"{rule.Id} is a {rule.Polarity.ToString().ToLowerInvariant()}: it expects its context to go with the outcome's absence, so read it against ~{SetReference.Parse(outcome).Name}");
            }
        }

        if (source.Unknowns == UnknownPolicy.Bounds && !source.IsTable)
        {
            warnings.Add("the comparison reads the unknowns as UNKNOWN_POLICY_DROP_CASE does; ask again with _AS_ABSENT and _AS_PRESENT for the two extremes");
        }
        var point = source with { Unknowns = InsightAnalysis.PointReading(source.Unknowns) };
        var selection = await cases.SelectAsync(point, outcome, conditions, cancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        var result = BooleanMinimization.Minimize(table, minimization, cancellationToken);
        warnings.InsertRange(0, selection.Warnings.Concat(table.Warnings).Concat(result.Warnings));
        var model = statement.Model is { } name
            ? result.Models.FirstOrDefault(m => m.Name == name) ?? throw GraphValidationException.Single("model",
                result.Models.Count == 0 ? $"`{name}` is no model: no truth table row is positive, so the solution has none"
                : $"`{name}` is no model of the solution, which has {result.Models.Count}: M1 to {result.Models[^1].Name}")
            : result.Models.FirstOrDefault();
        if (model is null)
        {
            warnings.Add("no truth table row is positive, so the solution holds no case: every case is in ~S");
        }
        else if (result.Models.Count > 1)
        {
            warnings.Add($"the solution has {result.Models.Count} equally minimal models; the theory is compared with {model.Name} ({model.Expression})");
        }
        var data = selection.Cases;
        var t = theory.Membership(data);
        var s = model is null ? new double[data.Count] : SetExpression.Of(model).Membership(data);
        var y = data.MembershipArray(SetReference.Parse(outcome));
        var intersections = TheoryEvaluation.Evaluate(data.CaseNames, t, s, y);
        var crossover = data.CaseNames.Where((_, i) => t[i] == 0.5 || s[i] == 0.5).ToList();
        if (crossover.Count > 0)
        {
            warnings.Add($"{crossover.Count} case(s) have membership 0.5 in the theory or the solution, so they are in no intersection: {string.Join(", ", crossover)}");
        }
        return new TheoryFitReport(
            theory.ToString(), model, intersections, await DisplayNamesAsync(source, data, cancellationToken),
            data.Count, InsightAnalysis.Excluded(selection, table), [.. warnings.Distinct()]);
    }

    private async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(CaseSource source, CaseTable data, CancellationToken cancellationToken)
    {
        var names = data.CaseNames.ToDictionary(n => n, n => n, StringComparer.Ordinal);
        if (!source.IsTable)
        {
            foreach (var evaluation in await engine.EvaluateAllAsync(NodeFilter.Parse(EvaluationEngine.DefaultFilter), source.AsOf, cancellationToken))
            {
                if (names.ContainsKey(evaluation.Initiative) && evaluation.DisplayName.Length > 0)
                {
                    names[evaluation.Initiative] = evaluation.DisplayName;
                }
            }
        }
        return names;
    }
}
