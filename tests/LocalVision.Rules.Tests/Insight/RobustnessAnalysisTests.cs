using CsCheck;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Insight;
using LocalVision.Rules.Qca;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Insight;

/// <summary>TestRobustness's domain side on analysts' tables: the robust core's identity, the runs asked for, and what moves.</summary>
public sealed class RobustnessAnalysisTests
{
    private static readonly DateOnly AsOf = new(2015, 9, 1);

    private static Case Case(string name, params (string Set, double Value)[] memberships) =>
        new(name, memberships.ToDictionary(m => m.Set, m => m.Value, StringComparer.Ordinal));

    /// <summary>Random fuzzy tables of 4 to 12 cases over A, B, C and Y.</summary>
    private static readonly Gen<double[][]> RandomTable =
        Gen.Double[0, 1].Select(v => Math.Round(v, 1)).Array[4].Array[4, 12];

    [Fact]
    public async Task Test_RandomTables_RobustCoreIsASubsetOfEveryModelOfEveryRun()
    {
        await using var temp = TempStore.Create();
        var analysis = new RobustnessAnalysis(new InsightCases(new EvaluationEngine(temp.Store)));
        var ranges = new RobustnessRanges([0.7, 0.9], [2], [], [], LeaveOneCaseOut: true);

        await RandomTable.SampleAsync(async rows =>
        {
            var table = rows.Select((r, i) => Case("c" + i, ("A", r[0]), ("B", r[1]), ("C", r[2]), ("Y", r[3]))).ToList();
            RobustnessReport report;
            try
            {
                report = await analysis.TestAsync(
                    new CaseSource(table, AsOf), "Y", ["A", "B", "C"], new TruthTableOptions(0.8), new MinimizationOptions(), ranges, CancellationToken.None);
            }
            catch (GraphValidationException)
            {
                return; // every case at the crossover of some condition: no truth table to minimise
            }

            Assert.Equal(2 + 1 + table.Count, report.Tests.Count);
            foreach (var run in report.Tests.Prepend(report.Initial))
            {
                Assert.All(report.RobustCore, term => Assert.Contains(term, run.Terms));
                Assert.All(run.Models, model => Assert.All(report.RobustCore, term => Assert.Contains(term, model.Split(" + "))));
            }
            Assert.All(report.RobustCore, term => Assert.Contains(term, report.Initial.Terms));
        }, iter: 60);
    }

    [Fact]
    public async Task Test_LeaveOneCaseOut_NamesTheRunsAndTheCaseTheyMove()
    {
        await using var temp = TempStore.Create();
        var analysis = new RobustnessAnalysis(new InsightCases(new EvaluationEngine(temp.Store)));
        // A is sufficient (rows 11 and 10 positive); with a frequency cut-off of 2, or without c, only row 11 is: A*B, which c is not in.
        var table = new[]
        {
            Case("a", ("A", 1), ("B", 1), ("Y", 1)), Case("b", ("A", 1), ("B", 1), ("Y", 1)),
            Case("c", ("A", 1), ("B", 0), ("Y", 1)), Case("d", ("A", 0), ("B", 0), ("Y", 0)), Case("e", ("A", 0), ("B", 1), ("Y", 0)),
        };

        var report = await analysis.TestAsync(
            new CaseSource(table, AsOf), "Y", ["A", "B"], new TruthTableOptions(0.8), new MinimizationOptions(),
            new RobustnessRanges([], [2], [], [], LeaveOneCaseOut: true), CancellationToken.None);

        Assert.Equal(["A"], report.Initial.Models);
        Assert.Equal(["frequency 2", "without a", "without b", "without c", "without d", "without e"], report.Tests.Select(t => t.Label));
        // With at least 2 cases a row, only 11 (a, b) stays positive: the solution is A*B, and c falls out of it.
        Assert.Equal(["A*B"], report.Tests[0].Models);
        Assert.Empty(report.RobustCore);
        var moving = Assert.Single(report.MovingCases);
        Assert.Equal(("c", MovingKind.ShakyTypical), (moving.Name, moving.Kind));
        Assert.Contains("frequency 2", moving.Runs);
        Assert.NotNull(report.Fit);
    }

    [Fact]
    public async Task Test_CalibrationOverTheGraphOrOfAnUnknownCondition_IsRefusedNamingTheField()
    {
        await using var temp = TempStore.Create();
        var analysis = new RobustnessAnalysis(new InsightCases(new EvaluationEngine(temp.Store)));
        var table = new[] { Case("a", ("A", 1), ("Y", 1)), Case("b", ("A", 0), ("Y", 0)) };
        var variation = new CalibrationVariation("Z", new Dictionary<string, double> { ["a"] = 3 }, [new CalibrationAnchors(1, 2, 3)], 0.95);

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => analysis.TestAsync(
            new CaseSource(table, AsOf), "Y", ["A"], new TruthTableOptions(0.8), new MinimizationOptions(),
            new RobustnessRanges([], [], [variation], [], false), CancellationToken.None));

        Assert.Equal(["calibrations[0].condition", "calibrations[0].raw_values"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Test_Recalibration_ReplacesTheConditionsMembershipsInItsRun()
    {
        await using var temp = TempStore.Create();
        var analysis = new RobustnessAnalysis(new InsightCases(new EvaluationEngine(temp.Store)));
        var table = new[] { Case("a", ("A", 0.9), ("Y", 1)), Case("b", ("A", 0.8), ("Y", 1)), Case("c", ("A", 0.1), ("Y", 0)) };
        var raw = new Dictionary<string, double> { ["a"] = 10, ["b"] = 6, ["c"] = 1 };
        // Crossover 7 puts b (6) out of A: b is then an uncovered case in the outcome.
        var variation = new CalibrationVariation("A", raw, [new CalibrationAnchors(2, 5, 9), new CalibrationAnchors(2, 7, 9)], 0.95);

        var report = await analysis.TestAsync(
            new CaseSource(table, AsOf), "Y", ["A"], new TruthTableOptions(0.8), new MinimizationOptions(),
            new RobustnessRanges([], [], [variation], [], false), CancellationToken.None);

        Assert.Equal(["A anchors 2, 5, 9", "A anchors 2, 7, 9"], report.Tests.Select(t => t.Label));
        Assert.Equal(["A"], report.RobustCore);
        var moving = Assert.Single(report.MovingCases);
        Assert.Equal("b", moving.Name);
        Assert.Equal(["A anchors 2, 7, 9"], moving.Runs);
    }

    [Fact]
    public void Moving_ReadsEveryBoundaryStrictlyAsSetMethodsRobCasesDoes()
    {
        // rob.cases (SetMethods 4.x, R/rob.cases.R) lists a shaky case where min(IS, 1 − TS_min) > 0.5 and a possible one
        // where min(1 − IS, TS_max) > 0.5, typical where Y > 0.5 and deviant where Y < 0.5. Worked by hand per case:
        // a: IS 0.8, the run 0.2, Y 0.9 → shaky typical.   b: IS 0.8, the run 0.5 → 1 − 0.5 is not > 0.5: does not move.
        // c: IS 0.5 → 1 − IS is not > 0.5 and IS is not > 0.5: does not move, though the run has it at 0.9.
        // d: IS 0.2, the run 0.7, Y 0.1 → possible deviant.   e: IS 0.8, the run 0.1, Y 0.5 → neither typical nor deviant.
        string[] names = ["a", "b", "c", "d", "e"];
        var initial = Run("initial", [0.8, 0.8, 0.5, 0.2, 0.8]);
        var test = Run("inclusion 0.9", [0.2, 0.5, 0.9, 0.7, 0.1]);

        var moving = RobustnessAnalysis.Moving(names, initial, [test], [0.9, 0.9, 0.9, 0.1, 0.5]);

        Assert.Equal([("a", MovingKind.ShakyTypical), ("d", MovingKind.PossibleDeviant)], moving.Select(m => (m.Name, m.Kind)));
        Assert.All(moving, m => Assert.Equal(["inclusion 0.9"], m.Runs));
    }

    private static RobustnessRun Run(string label, double[] membership) =>
        new(label, ["A"], ["A"], double.NaN, double.NaN, membership.Length, "", membership);
}
