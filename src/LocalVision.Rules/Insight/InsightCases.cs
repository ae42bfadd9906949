using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Insight.Derived;

namespace LocalVision.Rules.Insight;

/// <summary>Where an analysis takes its cases: the analyst's own table when given, else the graph's Local Vision projects as evaluated on a date.</summary>
/// <param name="Table">The analyst's cases, each with a membership in every set the analysis names; null or empty means the graph's.</param>
/// <param name="Unknowns">What an unrecorded condition of a graph case counts as; an analyst's table has none.</param>
/// <param name="Derived">Conditions computed per graph case and calibrated (<see cref="DerivedCondition"/>), named beside the catalogue's codes.</param>
public sealed record CaseSource(IReadOnlyList<Case>? Table, DateOnly AsOf, UnknownPolicy Unknowns = UnknownPolicy.DropCase, IReadOnlyList<DerivedCondition>? Derived = null)
{
    public bool IsTable => Table is { Count: > 0 };

    /// <summary>The derived conditions, none when not given.</summary>
    public IReadOnlyList<DerivedCondition> DerivedConditions => Derived ?? [];
}

/// <summary>
/// Assembles the cases of an analysis: the analyst's table, checked for a value in every set named, or the graph's
/// Local Vision projects, each evaluated as of the date by the rules engine and turned into a case by
/// <see cref="GraphCases"/>.
/// </summary>
/// <param name="derived">Computes derived conditions; without it a source naming any is refused.</param>
public sealed class InsightCases(EvaluationEngine engine, DerivedConditions? derived = null)
{
    /// <summary>The field an analyst's table is named by in validation errors.</summary>
    public const string TableField = "case_table";

    /// <exception cref="GraphValidationException">
    /// A case of the analyst's table has no value for a set named, a set without a name, or a membership outside 0..1;
    /// or, over the graph, a set is not a code of the catalogue nor a derived condition, or a derived condition is wrong.
    /// </exception>
    public async Task<CaseSelection> SelectAsync(CaseSource source, string outcome, IReadOnlyCollection<string> conditions, CancellationToken cancellationToken)
    {
        if (source.IsTable)
        {
            if (source.DerivedConditions.Count > 0)
            {
                throw GraphValidationException.Single(DerivedConditionChecks.Field,
                    "derived conditions are computed from the graph's cases; with a case_table, give the calibrated memberships as columns of the table");
            }
            return new CaseSelection(Checked(source.Table!, conditions.Append(outcome)), [], []);
        }
        DerivedConditionChecks.Check(source.DerivedConditions);
        var derivedNames = source.DerivedConditions.Select(d => d.Name).ToList();
        foreach (var code in conditions.Append(outcome).Select(s => SetReference.Parse(s).Name).Where(c => !CodeCatalogue.IsKnown(c) && !derivedNames.Contains(c)))
        {
            throw GraphValidationException.Single("conditions",
                $"`{code}` is not a code of the catalogue{(derivedNames.Count > 0 ? " nor a derived condition" : "")}{Suggestion.DidYouMean(code, [.. CodeCatalogue.Ids(), .. derivedNames])}; "
                + "pass a case_table or a derived_conditions entry to analyse other sets");
        }
        var evaluations = await EvaluateAsync(source.AsOf, cancellationToken);
        var sets = await DeriveAsync(source, evaluations, cancellationToken);
        var selection = GraphCases.From(evaluations, outcome, conditions, source.Unknowns, sets.Memberships);
        return sets.Warnings.Count == 0 ? selection : selection with { Warnings = [.. sets.Warnings, .. selection.Warnings] };
    }

    private async Task<DerivedSets> DeriveAsync(CaseSource source, IReadOnlyList<Evaluation.Evaluation> evaluations, CancellationToken cancellationToken)
    {
        if (source.DerivedConditions.Count == 0)
        {
            return DerivedSets.None;
        }
        if (derived is null)
        {
            throw new InvalidOperationException("InsightCases was built without DerivedConditions, so it cannot compute derived conditions");
        }
        return await derived.ComputeAsync(source.DerivedConditions, [.. evaluations.Select(e => e.Initiative)], source.AsOf, cancellationToken);
    }

    /// <summary>Every context code of the catalogue, for a default analysis over the graph; an analyst's table names its own sets.</summary>
    public static IReadOnlyList<string> ContextCodes => CodeCatalogue.Ids(CodeKind.Context);

    /// <summary>
    /// The conditions to analyse when none are named: every set of the analyst's table but the outcome, or every
    /// context code with a value for at least <paramref name="minimumCases"/> of the projects with the outcome.
    /// </summary>
    public async Task<IReadOnlyList<string>> DefaultConditionsAsync(CaseSource source, string outcome, int minimumCases, CancellationToken cancellationToken)
    {
        var name = SetReference.Parse(outcome).Name;
        if (source.IsTable)
        {
            return source.Table!.SelectMany(c => c.Memberships.Keys).Distinct().Where(k => k != name).Order(StringComparer.Ordinal).ToList();
        }
        var evaluations = await EvaluateAsync(source.AsOf, cancellationToken);
        return [.. GraphCases.ConditionsWithData(evaluations, outcome, CodeCatalogue.Ids(CodeKind.Context), minimumCases), .. source.DerivedConditions.Select(d => d.Name)];
    }

    private Task<IReadOnlyList<Evaluation.Evaluation>> EvaluateAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        engine.EvaluateAllAsync(NodeFilter.Parse(EvaluationEngine.DefaultFilter), asOf, cancellationToken);

    /// <summary>The analyst's table, refused whole (every offending case and set named) when a set named has no value or a value is out of range.</summary>
    private static CaseTable Checked(IReadOnlyList<Case> table, IEnumerable<string> named)
    {
        var violations = new List<FieldViolation>();
        // A name that is no set is refused below, as the key it came from.
        var sets = named.Where(s => s.Trim().TrimStart('~').Trim().Length > 0).Select(s => SetReference.Parse(s).Name).Distinct().ToList();
        for (var i = 0; i < table.Count; i++)
        {
            foreach (var set in sets.Where(s => !table[i].Memberships.ContainsKey(s)))
            {
                violations.Add(new($"{TableField}.cases[{i}].memberships", $"has no value for `{set}`"));
            }
            foreach (var (set, value) in table[i].Memberships)
            {
                if (set.Trim().Length == 0 || set.TrimStart().StartsWith('~'))
                {
                    violations.Add(new($"{TableField}.cases[{i}].memberships[{set}]", "names no set: give each set its own name, without a leading ~"));
                }
                else if (!double.IsFinite(value) || value is < 0 or > 1)
                {
                    violations.Add(new($"{TableField}.cases[{i}].memberships[{set}]", "must be between 0 and 1"));
                }
            }
        }
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }
        return new CaseTable(table);
    }
}
