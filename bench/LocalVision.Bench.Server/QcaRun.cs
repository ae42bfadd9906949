using System.Diagnostics;
using System.Globalization;
using LocalVision.Bench.Qca;
using LocalVision.V1;

namespace LocalVision.Bench.Server;

/// <summary>
/// MinimizeTruthTable through the service: the configurations bench's planted tables sent as case tables, each
/// solution type timed by the client (request to whole response), median of the runs after a warm-up.
/// </summary>
internal static class QcaRun
{
    private static readonly (int Conditions, int Cases)[] Sizes = [(12, 25), (16, 25), (20, 25), (8, 200), (12, 200)];

    public static async Task RunAsync(InsightService.InsightServiceClient insight, int runs)
    {
        const int seed = 20240501;
        Console.WriteLine($"MinimizeTruthTable through gRPC, planted tables (seed {seed}), inclusion cut-off 0.8, median of {runs} runs after a warm-up");
        Console.WriteLine("| conditions | cases | models | conservative ms | parsimonious ms | intermediate ms |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (conditions, cases) in Sizes)
        {
            var data = PlantedData.Generate(conditions, cases, seed + conditions + cases);
            var table = new CaseTable();
            foreach (var c in data.Cases)
            {
                var proto = new Case { Name = c.Name };
                foreach (var (set, value) in c.Memberships)
                {
                    proto.Memberships[set] = value;
                }
                table.Cases.Add(proto);
            }
            var times = new List<double>();
            var models = 0;
            foreach (var type in new[] { SolutionType.Conservative, SolutionType.Parsimonious, SolutionType.Intermediate })
            {
                var request = new MinimizeTruthTableRequest { Outcome = "Y", InclusionCutoff = 0.8, SolutionType = type, CaseTable = table };
                request.Conditions.AddRange(PlantedData.Conditions(conditions));
                if (type == SolutionType.Intermediate)
                {
                    // The planted structure's directions: C01, C02, C04, C05 present and C03 absent help the outcome.
                    request.DirectionalExpectations.Add(new Dictionary<string, int> { ["C01"] = 1, ["C02"] = 1, ["C03"] = 0, ["C04"] = 1, ["C05"] = 1 });
                }
                var samples = new List<double>();
                for (var run = 0; run <= runs; run++)
                {
                    var clock = Stopwatch.StartNew();
                    var response = await insight.MinimizeTruthTableAsync(request);
                    if (run > 0)
                    {
                        samples.Add(clock.Elapsed.TotalMilliseconds);
                    }
                    if (type == SolutionType.Parsimonious)
                    {
                        models = response.Models.Count;
                    }
                }
                samples.Sort();
                times.Add(samples[samples.Count / 2]);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {conditions} | {cases} | {models} | {times[0]:F1} | {times[1]:F1} | {times[2]:F1} |"));
        }
    }
}
