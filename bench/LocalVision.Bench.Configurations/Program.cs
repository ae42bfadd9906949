using System.Globalization;
using LocalVision.Bench.Configurations;

// Usage: dotnet run -c Release --project bench/LocalVision.Bench.Configurations -- [minimization|cohort] [runs]
var suites = new Dictionary<string, Func<int, int>>(StringComparer.OrdinalIgnoreCase)
{
    ["minimization"] = MinimizationSuite,
    ["cohort"] = CohortRun.Suite,
};

var suite = args.FirstOrDefault() ?? "minimization";
var runCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
if (!suites.TryGetValue(suite, out var run))
{
    Console.Error.WriteLine($"Unknown suite '{suite}'; known: {string.Join(", ", suites.Keys)}.");
    return 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:u}");
return run(runCount);

static int MinimizationSuite(int runs)
{
    // R's QCA 3.25 (CCubes) on a machine like ours, as stated in issue 4.
    var reference = new Dictionary<(int Conditions, int Cases), double> { [(20, 25)] = 3_000, [(12, 200)] = 40_000 };
    const int seed = 20240501;
    Console.WriteLine($"planted structure {PlantedData.Planted}, 5% of outcomes flipped, seed {seed}; median of {runs} runs after a warm-up");
    Console.WriteLine();
    Console.WriteLine("| conditions | cases | rows | OUT=1 | OUT=0 | PIs | models | truth table ms | conservative ms | parsimonious ms | intermediate ms | R (CCubes) ms | R ÷ ours |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var cases in new[] { 25, 200 })
    {
        for (var conditions = 8; conditions <= 20; conditions++)
        {
            var t = MinimizationTiming.Measure(conditions, cases, runs, seed + conditions + cases);
            var ours = t.TruthTableMs + t.ParsimoniousMs;
            var r = reference.TryGetValue((conditions, cases), out var ms) ? ms.ToString("N0", CultureInfo.InvariantCulture) : "";
            var ratio = reference.TryGetValue((conditions, cases), out var rms) ? (rms / ours).ToString("N0", CultureInfo.InvariantCulture) + "×" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {conditions} | {cases} | {t.ObservedRows} | {t.PositiveRows} | {t.NegativeRows} | {t.ParsimoniousPrimes} | {t.ParsimoniousModels} | {t.TruthTableMs:F2} | {t.ConservativeMs:F2} | {t.ParsimoniousMs:F2} | {t.IntermediateMs:F2} | {r} | {ratio} |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine("R ÷ ours compares R's whole minimize() call with our truth table plus parsimonious minimisation.");
    return 0;
}
