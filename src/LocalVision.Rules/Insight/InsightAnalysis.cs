using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight;

/// <summary>A figure's lowest and highest value over the readings of the unknowns.</summary>
public sealed record FigureRange(double Low, double High)
{
    public static FigureRange Of(params double[] values)
    {
        var numbers = values.Where(v => !double.IsNaN(v)).ToList();
        return numbers.Count == 0 ? new(double.NaN, double.NaN) : new(numbers.Min(), numbers.Max());
    }

    public bool Contains(double value, double tolerance = 1e-12) => double.IsNaN(value) || (value >= Low - tolerance && value <= High + tolerance);
}

/// <summary>Each of a condition's figures between the unknowns read all absent and all present.</summary>
public sealed record ConditionBounds(
    FigureRange SufficiencyConsistency, FigureRange SufficiencyCoverage, FigureRange Pri,
    FigureRange NecessityConsistency, FigureRange NecessityCoverage, FigureRange RelevanceOfNecessity,
    FigureRange FisherP, FigureRange OddsRatio, FigureRange N);

/// <summary>One condition against the outcome: its statistics (null when no case has values for both), the cases used and left out, and the verdict.</summary>
public sealed record ConditionReport(
    string Condition,
    ConditionStatistics? Statistics,
    IReadOnlyList<string> Cases,
    IReadOnlyList<ExcludedCase> Excluded,
    ConditionVerdict Verdict,
    ConditionBounds? Bounds);

/// <summary>The answer to "which conditions predict the outcome?", condition by condition, with the cases behind each.</summary>
/// <param name="Cases">Cases used by at least one condition.</param>
/// <param name="Excluded">Cases left out of every condition: no value for the outcome.</param>
public sealed record ConditionsReport(
    string Outcome,
    IReadOnlyList<ConditionReport> Conditions,
    IReadOnlyList<string> Cases,
    IReadOnlyList<ExcludedCase> Excluded,
    int CasesWithOutcome,
    int CasesInOutcome,
    IReadOnlyList<string> Warnings);

/// <summary>A truth table configuration's cases and consistency between the readings of the unknowns.</summary>
public sealed record RowBounds(string Configuration, FigureRange N, FigureRange Consistency);

public sealed record TruthTableReport(TruthTable Table, IReadOnlyList<ExcludedCase> Excluded, IReadOnlyList<RowBounds>? Bounds, IReadOnlyList<string> Warnings);

/// <summary>The solution with the unknowns read all absent and all present, and the first model's fit over the three readings.</summary>
public sealed record SolutionBounds(IReadOnlyList<SolutionModel> AllAbsent, IReadOnlyList<SolutionModel> AllPresent, FigureRange Consistency, FigureRange Coverage);

/// <param name="ContradictoryAssumptions">Simplifying assumptions the solutions for the outcome and for its negation both make.</param>
public sealed record MinimizationReport(
    MinimizationResult Result, int CaseCount, IReadOnlyList<ExcludedCase> Excluded, IReadOnlyList<string> ContradictoryAssumptions, SolutionBounds? Bounds,
    IReadOnlyList<string> Warnings);

/// <param name="Bounds">Per condition, in order, its consistency and coverage between the readings; null unless asked.</param>
public sealed record NecessityReport(
    NecessityResult Result, int CaseCount, IReadOnlyList<ExcludedCase> Excluded, IReadOnlyList<(FigureRange Consistency, FigureRange Coverage)>? Bounds,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The configurational analyses of the InsightService over the cases <see cref="InsightCases"/> assembles: one
/// condition at a time, the truth table, its minimisation and necessity. Every answer says which cases it rests on,
/// which it left out and why, and what a careful analyst would warn about.
/// </summary>
public sealed class InsightAnalysis(InsightCases cases)
{
    /// <summary>Each condition on the cases that have values for it and the outcome; empty conditions mean every context code with data.</summary>
    public async Task<ConditionsReport> AnalyzeConditionsAsync(CaseSource source, string outcome, IReadOnlyList<string> conditions, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var named = conditions.Count > 0;
        if (!named)
        {
            conditions = await cases.DefaultConditionsAsync(source, outcome, minimumCases: 1, cancellationToken);
            if (!source.IsTable)
            {
                var without = InsightCases.ContextCodes.Except(conditions).Where(c => c != SetReference.Parse(outcome).Name).ToList();
                if (without.Count > 0)
                {
                    warnings.Add($"no case with a value for {outcome} has one for {string.Join(", ", without)}");
                }
            }
        }
        var point = source with { Unknowns = PointReading(source.Unknowns) };
        var withOutcome = await cases.SelectAsync(point, outcome, [], cancellationToken);
        var inOutcome = withOutcome.Cases.Count == 0 ? 0 : withOutcome.Cases.Memberships(outcome).Count(v => v > 0.5);
        if (ConditionJudgement.Skewed(inOutcome, withOutcome.Cases.Count))
        {
            warnings.Add($"{outcome} has little contrast: {inOutcome} of the {withOutcome.Cases.Count} cases with a value are in it, "
                + "so a condition's figures rest on the few cases " + (inOutcome * 2 > withOutcome.Cases.Count ? "out of it, and nearly any condition looks sufficient" : "in it"));
        }
        var reports = new List<ConditionReport>();
        foreach (var condition in conditions)
        {
            reports.Add(await ConditionAsync(source, point, outcome, condition, cancellationToken));
        }
        if (!named)
        {
            // The conditions that can be judged first, then those resting on more cases.
            reports = [.. reports.OrderByDescending(r => r.Verdict.Judgeable).ThenByDescending(r => r.Cases.Count).ThenBy(r => r.Condition, StringComparer.Ordinal)];
        }
        if (reports.Count > 1 && !reports.Any(r => r.Verdict.Judgeable))
        {
            warnings.Insert(0, $"none of the {reports.Count} conditions can be judged on these cases: each rests on too few cases, or on cases that barely vary; "
                + "read the figures as a description of the cases, not as evidence of what predicts " + outcome);
        }
        foreach (var report in reports.Where(r => r.Statistics is null))
        {
            warnings.Add($"{report.Condition}: no case has values for both it and {outcome}");
        }
        var used = reports.SelectMany(r => r.Cases).Distinct(StringComparer.Ordinal).ToList();
        // The derived conditions' notes (which cases have no raw value) come once, from the selection of every case.
        var derivedNotes = withOutcome.Warnings.Where(w => source.DerivedConditions.Any(d => w.StartsWith(d.Name + ": ", StringComparison.Ordinal)));
        return new ConditionsReport(outcome, reports, used, withOutcome.Excluded, withOutcome.Cases.Count, inOutcome, [.. warnings, .. derivedNotes, .. Imputation(source)]);
    }

    private async Task<ConditionReport> ConditionAsync(CaseSource source, CaseSource point, string outcome, string condition, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(point, outcome, [condition], cancellationToken);
        var statistics = selection.Cases.Count == 0 ? null : ConditionAnalysis.Analyze(selection.Cases, condition, outcome);
        var verdict = statistics is null
            ? new ConditionVerdict(false, true, [$"no case has values for both {condition} and {outcome}"], $"no case has values for both {condition} and {outcome}")
            : ConditionJudgement.Judge(statistics);
        ConditionBounds? bounds = null;
        if (source.Unknowns == UnknownPolicy.Bounds)
        {
            var absent = await ExtremeAsync(source, UnknownPolicy.AsAbsent, outcome, condition, cancellationToken);
            var present = await ExtremeAsync(source, UnknownPolicy.AsPresent, outcome, condition, cancellationToken);
            // The two extremes only: for the four consistency and coverage figures DROP_CASE's value lies between them
            // (reading an unknown as absent leaves Σmin(x,y) and Σx as they were), for the others it need not.
            ConditionStatistics?[] all = [absent, present];
            FigureRange Range(Func<ConditionStatistics, double> figure) => FigureRange.Of([.. all.OfType<ConditionStatistics>().Select(figure)]);
            bounds = new ConditionBounds(
                Range(s => s.Sufficiency.Consistency), Range(s => s.Sufficiency.Coverage), Range(s => s.Sufficiency.Pri),
                Range(s => s.Necessity.Consistency), Range(s => s.Necessity.Coverage), Range(s => s.Necessity.RelevanceOfNecessity),
                Range(s => s.FisherExactP), Range(s => s.OddsRatio.Estimate), Range(s => s.CrispTable.A + s.CrispTable.B + s.CrispTable.C + s.CrispTable.D));
        }
        return new ConditionReport(SetReference.Parse(condition).ToString(), statistics, selection.Cases.CaseNames, selection.Excluded, verdict, bounds);
    }

    private async Task<ConditionStatistics?> ExtremeAsync(CaseSource source, UnknownPolicy reading, string outcome, string condition, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source with { Unknowns = reading }, outcome, [condition], cancellationToken);
        return selection.Cases.Count == 0 ? null : ConditionAnalysis.Analyze(selection.Cases, condition, outcome);
    }

    /// <summary>Under AS_ABSENT or AS_PRESENT, a note that the figures read the unknowns so.</summary>
    private static IEnumerable<string> Imputation(CaseSource source) =>
        source.Unknowns is UnknownPolicy.AsAbsent or UnknownPolicy.AsPresent && !source.IsTable
            ? [$"unknown condition values are read as {(source.Unknowns == UnknownPolicy.AsAbsent ? "absent" : "present")} (unknown_policy)"]
            : [];

    public async Task<TruthTableReport> BuildTruthTableAsync(CaseSource source, string outcome, IReadOnlyList<string> conditions, TruthTableOptions options, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source with { Unknowns = PointReading(source.Unknowns) }, outcome, conditions, cancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        IReadOnlyList<RowBounds>? bounds = null;
        if (source.Unknowns == UnknownPolicy.Bounds)
        {
            var absent = TruthTable.Build((await cases.SelectAsync(source with { Unknowns = UnknownPolicy.AsAbsent }, outcome, conditions, cancellationToken)).Cases, outcome, conditions, options);
            var present = TruthTable.Build((await cases.SelectAsync(source with { Unknowns = UnknownPolicy.AsPresent }, outcome, conditions, cancellationToken)).Cases, outcome, conditions, options);
            TruthTable[] all = [table, absent, present];
            bounds = all.SelectMany(t => t.Rows).Select(r => r.Configuration).Distinct().Order(StringComparer.Ordinal).Select(configuration =>
            {
                var rows = all.Select(t => t.Rows.FirstOrDefault(r => r.Configuration == configuration)).ToList();
                return new RowBounds(configuration, FigureRange.Of([.. rows.Select(r => (double)(r?.N ?? 0))]), FigureRange.Of([.. rows.OfType<TruthTableRow>().Select(r => r.Consistency)]));
            }).ToList();
        }
        return new TruthTableReport(table, Excluded(selection, table), bounds, [.. selection.Warnings, .. table.Warnings, .. Contrasts(selection.Cases, outcome, conditions)]);
    }

    public async Task<MinimizationReport> MinimizeAsync(
        CaseSource source, string outcome, IReadOnlyList<string> conditions, TruthTableOptions options, MinimizationOptions minimization, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source with { Unknowns = PointReading(source.Unknowns) }, outcome, conditions, cancellationToken);
        var table = TruthTable.Build(selection.Cases, outcome, conditions, options);
        var result = BooleanMinimization.Minimize(table, minimization, cancellationToken);
        var contradictory = ContradictoryAssumptions(table, result, options, cancellationToken);
        var warnings = selection.Warnings.Concat(table.Warnings).Concat(result.Warnings).Concat(Contrasts(selection.Cases, outcome, conditions)).ToList();
        if (contradictory.Count > 0)
        {
            warnings.Add($"{contradictory.Count} simplifying assumption{(contradictory.Count == 1 ? " is" : "s are")} made both for {table.Outcome} and for its negation "
                + $"(contradictory simplifying assumptions): {string.Join(", ", contradictory)}; an analysis that treats them as untenable would leave them out");
        }
        SolutionBounds? bounds = null;
        if (source.Unknowns == UnknownPolicy.Bounds)
        {
            var readings = new List<(CaseTable Cases, IReadOnlyList<SolutionModel> Models)> { (selection.Cases, result.Models) };
            foreach (var reading in new[] { UnknownPolicy.AsAbsent, UnknownPolicy.AsPresent })
            {
                var extreme = (await cases.SelectAsync(source with { Unknowns = reading }, outcome, conditions, cancellationToken)).Cases;
                readings.Add((extreme, BooleanMinimization.Minimize(TruthTable.Build(extreme, outcome, conditions, options), minimization, cancellationToken).Models));
            }
            var first = result.Models.FirstOrDefault();
            var fits = first is null ? [] : readings.Select(r => SolutionFit(r.Cases, first, table.Outcome)).ToList();
            bounds = new SolutionBounds(readings[1].Models, readings[2].Models,
                FigureRange.Of([.. fits.Select(f => f.Consistency)]), FigureRange.Of([.. fits.Select(f => f.Coverage)]));
        }
        return new MinimizationReport(result, selection.Cases.Count, Excluded(selection, table), contradictory, bounds, [.. warnings.Distinct()]);
    }

    public async Task<NecessityReport> AnalyzeNecessityAsync(
        CaseSource source, string outcome, IReadOnlyList<string> conditions, NecessityOptions options, CancellationToken cancellationToken)
    {
        var selection = await cases.SelectAsync(source with { Unknowns = PointReading(source.Unknowns) }, outcome, conditions, cancellationToken);
        var result = NecessityAnalysis.Analyze(selection.Cases, outcome, conditions, options);
        List<(FigureRange, FigureRange)>? bounds = null;
        if (source.Unknowns == UnknownPolicy.Bounds)
        {
            var absent = (await cases.SelectAsync(source with { Unknowns = UnknownPolicy.AsAbsent }, outcome, conditions, cancellationToken)).Cases;
            var present = (await cases.SelectAsync(source with { Unknowns = UnknownPolicy.AsPresent }, outcome, conditions, cancellationToken)).Cases;
            bounds = result.Conditions.Select(c =>
            {
                var fits = new[] { c.Fit, UnionFit(absent, c.Disjuncts, outcome), UnionFit(present, c.Disjuncts, outcome) };
                return (FigureRange.Of([.. fits.Select(f => f.Consistency)]), FigureRange.Of([.. fits.Select(f => f.Coverage)]));
            }).ToList();
        }
        return new NecessityReport(result, selection.Cases.Count, selection.Excluded, bounds,
            [.. selection.Warnings, .. result.Warnings, .. Contrasts(selection.Cases, outcome, conditions)]);
    }

    /// <summary>BOUNDS reports DROP_CASE's figures, with the extremes beside them.</summary>
    internal static UnknownPolicy PointReading(UnknownPolicy policy) => policy == UnknownPolicy.Bounds ? UnknownPolicy.DropCase : policy;

    /// <summary>The cases left out for unknowns, those in rows under the frequency cut-off, and those at the crossover.</summary>
    internal static List<ExcludedCase> Excluded(CaseSelection selection, TruthTable table)
    {
        var excluded = new List<ExcludedCase>(selection.Excluded);
        foreach (var row in table.Rows.Where(r => r.Outcome == OutcomeValue.Remainder))
        {
            excluded.AddRange(row.Cases.Select(c => new ExcludedCase(c, ExclusionReason.BelowFrequencyCutoff, [],
                $"its configuration {row.Configuration} has {row.N} case{(row.N == 1 ? "" : "s")}, under the frequency cut-off of {table.Options.FrequencyCutoff}")));
        }
        foreach (var name in table.CasesAtCrossover)
        {
            var @case = table.Cases.Cases.First(c => c.Name == name);
            var sets = table.Conditions.Where(s => SetReference.Parse(s).MembershipFrom(@case.Memberships[SetReference.Parse(s).Name]) == 0.5).ToList();
            excluded.Add(new ExcludedCase(name, ExclusionReason.AtCrossover, sets, $"membership 0.5 in {string.Join(", ", sets)}: it belongs to no row"));
        }
        return excluded;
    }

    /// <summary>A warning per set, outcome first, in which nearly all cases are in or nearly all out.</summary>
    private static IEnumerable<string> Contrasts(CaseTable table, string outcome, IReadOnlyList<string> conditions)
    {
        if (table.Count == 0)
        {
            yield break;
        }
        foreach (var set in conditions.Prepend(outcome))
        {
            var inSet = table.Memberships(set).Count(v => v > 0.5);
            if (ConditionJudgement.Skewed(inSet, table.Count))
            {
                yield return $"{SetReference.Parse(set)} has little contrast: {inSet} of {table.Count} cases are in it (skewed set membership)";
            }
        }
    }

    /// <summary>
    /// Remainders the solution for the outcome assumes positive that the parsimonious solution for its negation assumes
    /// positive too; none for a conservative solution, which assumes nothing.
    /// </summary>
    private static IReadOnlyList<string> ContradictoryAssumptions(TruthTable table, MinimizationResult result, TruthTableOptions options, CancellationToken cancellationToken)
    {
        var assumed = result.Models.SelectMany(m => m.SimplifyingAssumptions.Configurations).ToHashSet(StringComparer.Ordinal);
        if (assumed.Count == 0)
        {
            return [];
        }
        var negation = SetReference.Parse(table.Outcome).Negate().ToString();
        try
        {
            var negated = BooleanMinimization.Minimize(TruthTable.Build(table.Cases, negation, table.Conditions, options), new MinimizationOptions(SolutionType.Parsimonious), cancellationToken);
            return negated.Models.SelectMany(m => m.SimplifyingAssumptions.Configurations).Where(assumed.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
        }
        catch (GraphValidationException)
        {
            return [];
        }
    }

    /// <summary>Sufficiency of a model (the union of its terms, each the intersection of its literals) on other cases.</summary>
    private static SufficiencyFit SolutionFit(CaseTable table, SolutionModel model, string outcome)
    {
        if (table.Count == 0)
        {
            return new SufficiencyFit(double.NaN, double.NaN, double.NaN);
        }
        var x = new double[table.Count];
        foreach (var term in model.Terms)
        {
            var literals = term.Literals.Select(table.MembershipArray).ToList();
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = Math.Max(x[i], literals.Min(l => l[i]));
            }
        }
        return SetSums.Of(x, table.MembershipArray(SetReference.Parse(outcome))).Sufficiency();
    }

    /// <summary>Necessity of a union of sets on other cases.</summary>
    private static NecessityFit UnionFit(CaseTable table, IReadOnlyList<SetReference> disjuncts, string outcome)
    {
        if (table.Count == 0)
        {
            return new NecessityFit(double.NaN, double.NaN, double.NaN);
        }
        var sets = disjuncts.Select(table.MembershipArray).ToList();
        var x = Enumerable.Range(0, table.Count).Select(i => sets.Max(s => s[i])).ToArray();
        return SetSums.Of(x, table.MembershipArray(SetReference.Parse(outcome))).Necessity();
    }
}
