using System.Globalization;
using LocalVision.Bench.Qca;

// Usage: dotnet run -c Release --project bench/LocalVision.Bench.Qca -- [minimization|cohort] [runs] | export [folder]
var suites = new Dictionary<string, Func<int, int>>(StringComparer.OrdinalIgnoreCase)
{
    ["minimization"] = MinimizationSuite,
    ["cohort"] = CohortRun.Suite,
};

var suite = args.FirstOrDefault() ?? "minimization";
if (suite == "export")
{
    return ExportTables(args.ElementAtOrDefault(1) ?? "qca-tables");
}

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
    const int seed = 20240501;
    Console.WriteLine($"planted structure {PlantedData.Planted}, 5% of outcomes flipped, seed {seed}; median of {runs} runs after a warm-up");
    Console.WriteLine();
    Console.WriteLine("| conditions | cases | rows | OUT=1 | OUT=0 | PIs | models | truth table ms | conservative ms | parsimonious ms | intermediate ms |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var cases in new[] { 25, 200 })
    {
        for (var conditions = 8; conditions <= 20; conditions++)
        {
            var t = MinimizationTiming.Measure(conditions, cases, runs, seed + conditions + cases);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {conditions} | {cases} | {t.ObservedRows} | {t.PositiveRows} | {t.NegativeRows} | {t.ParsimoniousPrimes} | {t.ParsimoniousModels} | {t.TruthTableMs:F2} | {t.ConservativeMs:F2} | {t.ParsimoniousMs:F2} | {t.IntermediateMs:F2} |"));
        }
    }

    return 0;
}

// Writes the minimisation suite's tables as CSV (case, C01..Ck, Y), so that R's QCA can time the same data
// (RESULTS.md says how).
static int ExportTables(string folder)
{
    Directory.CreateDirectory(folder);
    const int seed = 20240501;
    foreach (var cases in new[] { 25, 200 })
    {
        for (var conditions = 8; conditions <= 20; conditions++)
        {
            var table = PlantedData.Generate(conditions, cases, seed + conditions + cases);
            var names = PlantedData.Conditions(conditions).Append("Y").ToList();
            var lines = table.Cases.Select(c => string.Join(",", names.Select(n => c.Memberships[n].ToString(CultureInfo.InvariantCulture)).Prepend(c.Name)));
            File.WriteAllLines(Path.Combine(folder, $"planted-{conditions}x{cases}.csv"), lines.Prepend(string.Join(",", names.Prepend("case"))));
        }
    }

    Console.WriteLine($"wrote 26 tables to {folder}");
    return 0;
}
