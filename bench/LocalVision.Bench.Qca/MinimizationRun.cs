using System.Diagnostics;
using LocalVision.Rules.Qca;

namespace LocalVision.Bench.Qca;

/// <summary>Times truth table construction and each kind of minimisation on one planted data set.</summary>
internal sealed record MinimizationTiming(
    int Conditions,
    int Cases,
    int ObservedRows,
    int PositiveRows,
    int NegativeRows,
    int ParsimoniousPrimes,
    int ParsimoniousModels,
    string FirstParsimoniousModel,
    double TruthTableMs,
    double ConservativeMs,
    double ParsimoniousMs,
    double IntermediateMs)
{
    public static MinimizationTiming Measure(int conditions, int cases, int runs, int seed)
    {
        var data = PlantedData.Generate(conditions, cases, seed);
        var names = PlantedData.Conditions(conditions);
        var expectations = names.ToDictionary(n => n, _ => DirectionalExpectation.Present);

        var table = TruthTable.Build(data, "Y", names);
        var parsimonious = BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious));
        return new MinimizationTiming(
            conditions,
            cases,
            table.Rows.Count,
            table.PositiveRows.Count(),
            table.NegativeRows.Count(),
            parsimonious.PrimeImplicants.Count,
            parsimonious.Models.Count,
            parsimonious.Models.FirstOrDefault()?.Expression ?? "(none)",
            MedianMs(runs, () => TruthTable.Build(data, "Y", names)),
            MedianMs(runs, () => BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Conservative))),
            MedianMs(runs, () => BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Parsimonious))),
            MedianMs(runs, () => BooleanMinimization.Minimize(table, new MinimizationOptions(SolutionType.Intermediate, expectations))));
    }

    /// <summary>Median wall-clock milliseconds over <paramref name="runs"/> runs after one warm-up run.</summary>
    private static double MedianMs(int runs, Action action)
    {
        action();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return runs % 2 == 1 ? samples[runs / 2] : (samples[(runs / 2) - 1] + samples[runs / 2]) / 2;
    }
}
