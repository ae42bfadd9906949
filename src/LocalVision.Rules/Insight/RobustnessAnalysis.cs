using System.Globalization;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight;

/// <summary>A condition of an analyst's table recalibrated from raw values, one test run per set of anchors.</summary>
/// <param name="RawValues">Case name to raw value, for every case of the table.</param>
public sealed record CalibrationVariation(string Condition, IReadOnlyDictionary<string, double> RawValues, IReadOnlyList<CalibrationAnchors> Anchors, double InclusionMembership);

/// <summary>What a robustness test varies, one choice at a time, the others as in the initial solution.</summary>
public sealed record RobustnessRanges(
    IReadOnlyList<double> InclusionCutoffs,
    IReadOnlyList<int> FrequencyCutoffs,
    IReadOnlyList<CalibrationVariation> Calibrations,
    IReadOnlyList<UnknownPolicy> UnknownPolicies,
    bool LeaveOneCaseOut);

/// <summary>One minimisation of a robustness test.</summary>
/// <param name="Terms">The terms every model of the run contains; empty without a solution.</param>
/// <param name="Consistency">The first model's consistency on the run's own cases; NaN without a model.</param>
/// <param name="Membership">The first model's membership per case of the initial solution (zero without a model).</param>
public sealed record RobustnessRun(
    string Label, IReadOnlyList<string> Models, IReadOnlyList<string> Terms, double Consistency, double Coverage, int CaseCount, string Note,
    IReadOnlyList<double> Membership);

public enum MovingKind
{
    /// <summary>In the initial solution and in the outcome, not in the robust core.</summary>
    ShakyTypical,

    /// <summary>In the initial solution, not in the outcome, not in the robust core.</summary>
    ShakyDeviant,

    /// <summary>Not in the initial solution, in some test solution, in the outcome.</summary>
    PossibleTypical,

    /// <summary>Not in the initial solution, in some test solution, not in the outcome.</summary>
    PossibleDeviant,
}

/// <summary>A case whose side of 0.5 in the solution depends on the choices, with the runs that move it.</summary>
public sealed record MovingCase(string Name, MovingKind Kind, IReadOnlyList<string> Runs);

/// <param name="RobustCore">The terms of the initial solution that every model of every run contains.</param>
/// <param name="Fit">Null when there is no test run or the initial solution has no model.</param>
public sealed record RobustnessReport(
    RobustnessRun Initial,
    IReadOnlyList<RobustnessRun> Tests,
    IReadOnlyList<string> RobustCore,
    FigureRange Consistency,
    FigureRange Coverage,
    RobustnessFit? Fit,
    IReadOnlyList<MovingCase> MovingCases,
    IReadOnlyList<ExcludedCase> Excluded,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Robustness of a minimisation (Oana and Schneider 2021): the initial solution re-run with each inclusion and frequency
/// cut-off, calibration, unknown policy and case left out asked for. The fit parameters compare the first model of each
/// run on the initial solution's cases, each case's membership read from the run's own data where the case is in it;
/// each run's own consistency and coverage are on its own cases.
/// </summary>
public sealed class RobustnessAnalysis(InsightCases cases)
{
    /// <exception cref="GraphValidationException">A calibration names no condition or misses a case, or a range is out of bounds.</exception>
    /// <exception cref="MinimizationRefusedException">The initial solution itself is refused.</exception>
    public async Task<RobustnessReport> TestAsync(
        CaseSource source, string outcome, IReadOnlyList<string> conditions, TruthTableOptions options, MinimizationOptions minimization,
        RobustnessRanges ranges, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var initialReading = InsightAnalysis.PointReading(source.Unknowns);
        var selection = await cases.SelectAsync(source with { Unknowns = initialReading }, outcome, conditions, cancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        var initialResult = BooleanMinimization.Minimize(table, minimization, cancellationToken);
        var baseCases = selection.Cases;
        CheckCalibrations(source, baseCases, conditions, ranges.Calibrations);
        var initial = Run("initial", initialResult, baseCases, baseCases, "");
        warnings.AddRange(selection.Warnings.Concat(initialResult.Warnings).Distinct());

        var tests = new List<RobustnessRun>();
        RobustnessRun Attempt(string label, CaseTable runCases, TruthTableOptions runOptions, string note = "")
        {
            try
            {
                var result = BooleanMinimization.Minimize(TruthTable.Build(runCases, outcome, conditions, runOptions), minimization, cancellationToken);
                return Run(label, result, runCases, baseCases, result.Models.Count == 0 ? "no row is positive" : note);
            }
            catch (Exception e) when (e is MinimizationRefusedException or GraphValidationException)
            {
                return Failed(label, runCases.Count, e.Message, baseCases.Count);
            }
        }

        foreach (var cutoff in ranges.InclusionCutoffs)
        {
            tests.Add(Attempt(string.Create(CultureInfo.InvariantCulture, $"inclusion {cutoff:0.###}"), baseCases, options with { InclusionCutoff = cutoff }));
        }
        foreach (var frequency in ranges.FrequencyCutoffs)
        {
            tests.Add(Attempt(string.Create(CultureInfo.InvariantCulture, $"frequency {frequency}"), baseCases, options with { FrequencyCutoff = frequency }));
        }
        foreach (var variation in ranges.Calibrations)
        {
            foreach (var anchors in variation.Anchors)
            {
                var recalibrated = Recalibrated(baseCases, variation, anchors);
                tests.Add(Attempt(string.Create(CultureInfo.InvariantCulture,
                    $"{variation.Condition} anchors {anchors.FullNonMembership:0.###}, {anchors.Crossover:0.###}, {anchors.FullMembership:0.###}"), recalibrated, options));
            }
        }
        if (ranges.UnknownPolicies.Count > 0 && source.IsTable)
        {
            warnings.Add("an analyst's case table gives every value: there are no unknowns to read another way, so unknown_policies were not run");
        }
        else
        {
            foreach (var policy in ranges.UnknownPolicies.SelectMany(p => p == UnknownPolicy.Bounds ? new[] { UnknownPolicy.AsAbsent, UnknownPolicy.AsPresent } : new[] { p }).Distinct())
            {
                var reading = (await cases.SelectAsync(source with { Unknowns = policy }, outcome, conditions, cancellationToken)).Cases;
                tests.Add(Attempt("unknowns " + Words(policy), reading, options));
            }
        }
        if (ranges.LeaveOneCaseOut)
        {
            foreach (var name in baseCases.CaseNames)
            {
                tests.Add(Attempt("without " + name, new CaseTable(baseCases.Cases.Where(c => c.Name != name)), options));
            }
        }

        var all = tests.Prepend(initial).ToList();
        var core = initial.Terms.Where(t => all.All(r => r.Terms.Contains(t, StringComparer.Ordinal))).ToList();
        var fitted = all.Where(r => r.Models.Count > 0).ToList();
        var y = baseCases.MembershipArray(SetReference.Parse(outcome));
        var fit = tests.Count == 0 || initial.Models.Count == 0 || baseCases.Count == 0
            ? null
            : RobustnessFit.Of(initial.Membership, [.. tests.Select(t => t.Membership)], y);
        if (tests.Any(t => t.Models.Count == 0))
        {
            warnings.Add($"{tests.Count(t => t.Models.Count == 0)} of {tests.Count} test runs have no solution, so no term survives every run; see each run's note");
        }
        return new RobustnessReport(
            initial, tests, core,
            FigureRange.Of([.. fitted.Select(r => r.Consistency)]), FigureRange.Of([.. fitted.Select(r => r.Coverage)]),
            fit, Moving(baseCases.CaseNames, initial, tests, y), InsightAnalysis.Excluded(selection, table), warnings);
    }

    /// <summary>Each calibration must name a condition of a case table and give a raw value for every case; its anchors are checked as Calibrate checks them.</summary>
    private static void CheckCalibrations(CaseSource source, CaseTable table, IReadOnlyList<string> conditions, IReadOnlyList<CalibrationVariation> calibrations)
    {
        var violations = new List<FieldViolation>();
        var names = conditions.Select(c => SetReference.Parse(c).Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < calibrations.Count; i++)
        {
            var variation = calibrations[i];
            var field = $"calibrations[{i}]";
            if (!source.IsTable)
            {
                violations.Add(new(field, "recalibration needs a case_table with the raw values; the graph's conditions are coded, not calibrated"));
                continue;
            }
            if (!names.Contains(SetReference.Parse(variation.Condition).Name))
            {
                violations.Add(new($"{field}.condition", $"`{variation.Condition}` is not one of the conditions{Suggestion.DidYouMean(variation.Condition, [.. names])}"));
            }
            var missing = table.CaseNames.Where(n => !variation.RawValues.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                violations.Add(new($"{field}.raw_values", $"has no value for {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")}"));
            }
            if (variation.RawValues.Values.Any(v => !double.IsFinite(v)))
            {
                violations.Add(new($"{field}.raw_values", "every raw value must be a finite number"));
            }
            if (variation.Anchors.Count == 0)
            {
                violations.Add(new($"{field}.anchors", "give at least one set of anchors"));
            }
            for (var j = 0; j < variation.Anchors.Count; j++)
            {
                var a = variation.Anchors[j];
                var increasing = a.FullNonMembership < a.Crossover && a.Crossover < a.FullMembership;
                var decreasing = a.FullNonMembership > a.Crossover && a.Crossover > a.FullMembership;
                if (!increasing && !decreasing)
                {
                    violations.Add(new($"{field}.anchors[{j}]", "exclusion, crossover and inclusion must be strictly increasing (or strictly decreasing for a set of low values)"));
                }
            }
            if (variation.InclusionMembership is <= 0.5 or >= 1 || double.IsNaN(variation.InclusionMembership))
            {
                violations.Add(new($"{field}.inclusion_membership", "must be above 0.5 and below 1 (0 means 0.95)"));
            }
        }
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }
    }

    private static string Words(UnknownPolicy policy) => policy switch
    {
        UnknownPolicy.AsAbsent => "as absent",
        UnknownPolicy.AsPresent => "as present",
        _ => "dropped",
    };

    private static RobustnessRun Run(string label, MinimizationResult result, CaseTable runCases, CaseTable baseCases, string note)
    {
        var models = result.Models;
        List<string> terms = models.Count == 0
            ? []
            : models.Skip(1).Aggregate(models[0].Terms.Select(t => t.Expression).ToList(), (common, m) => [.. common.Where(t => m.Terms.Any(x => x.Expression == t))]);
        var first = models.FirstOrDefault();
        return new RobustnessRun(
            label, [.. models.Select(m => m.Expression)], terms, first?.Consistency ?? double.NaN, first?.Coverage ?? double.NaN, runCases.Count, note,
            first is null ? new double[baseCases.Count] : Membership(first, baseCases, runCases));
    }

    private static RobustnessRun Failed(string label, int caseCount, string note, int baseCount) =>
        new(label, [], [], double.NaN, double.NaN, caseCount, note, new double[baseCount]);

    /// <summary>
    /// Each initial case's membership in a run's model, read from the run's own data where the case is in it (so a
    /// recalibrated condition counts, as in SetMethods), else from the initial data (the case a run left out).
    /// </summary>
    private static double[] Membership(SolutionModel model, CaseTable baseCases, CaseTable runCases)
    {
        var own = Membership(model, runCases);
        var byName = runCases.CaseNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => own[p.i], StringComparer.Ordinal);
        var initial = Membership(model, baseCases);
        return [.. baseCases.CaseNames.Select((name, i) => byName.TryGetValue(name, out var value) ? value : initial[i])];
    }

    /// <summary>Each case's membership in a model: the largest over its terms of the smallest over the term's literals.</summary>
    private static double[] Membership(SolutionModel model, CaseTable table)
    {
        var x = new double[table.Count];
        foreach (var term in model.Terms)
        {
            var literals = term.Literals.Select(table.MembershipArray).ToList();
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = Math.Max(x[i], literals.Count == 0 ? 1.0 : literals.Min(l => l[i]));
            }
        }
        return x;
    }

    private static CaseTable Recalibrated(CaseTable table, CalibrationVariation variation, CalibrationAnchors anchors)
    {
        var name = SetReference.Parse(variation.Condition).Name;
        var memberships = table.Cases.ToDictionary(
            c => c.Name, c => Calibration.Direct(variation.RawValues[c.Name], anchors, variation.InclusionMembership), StringComparer.Ordinal);
        return table.With(name, memberships);
    }

    /// <summary>
    /// Shaky cases (in the initial solution, out of TS_min) and possible ones (out of it, in TS_max), as SetMethods'
    /// <c>rob.cases</c> reads them: every comparison is strict, so a case at exactly 0.5 in the initial solution, or a
    /// run that puts a case at exactly 0.5, moves nothing, and a case at exactly 0.5 in the outcome is neither typical
    /// nor deviant and is not listed.
    /// </summary>
    internal static List<MovingCase> Moving(IReadOnlyList<string> names, RobustnessRun initial, IReadOnlyList<RobustnessRun> tests, double[] y)
    {
        var moving = new List<MovingCase>();
        for (var c = 0; c < names.Count; c++)
        {
            var start = initial.Membership[c];
            if (start == 0.5 || y[c] == 0.5)
            {
                continue;
            }
            var inInitial = start > 0.5;
            var runs = tests.Where(t => inInitial ? t.Membership[c] < 0.5 : t.Membership[c] > 0.5).Select(t => t.Label).ToList();
            if (runs.Count == 0)
            {
                continue;
            }
            var inOutcome = y[c] > 0.5;
            var kind = inInitial
                ? inOutcome ? MovingKind.ShakyTypical : MovingKind.ShakyDeviant
                : inOutcome ? MovingKind.PossibleTypical : MovingKind.PossibleDeviant;
            moving.Add(new MovingCase(names[c], kind, runs));
        }
        return moving;
    }
}
