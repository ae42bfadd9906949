using LocalVision.Rules.Qca;

namespace LocalVision.Bench.Qca;

/// <summary>
/// Random crisp cases whose outcome follows a planted structure, C01*C02*~C03 + C04*C05, with a small
/// share of outcomes flipped so that the truth table has contradictions as real data does.
/// </summary>
internal static class PlantedData
{
    public const string Planted = "C01*C02*~C03 + C04*C05";

    public static IReadOnlyList<string> Conditions(int k) =>
        Enumerable.Range(1, k).Select(i => $"C{i:00}").ToList();

    public static CaseTable Generate(int conditions, int cases, int seed, double noise = 0.05)
    {
        var random = new Random(seed);
        var names = Conditions(conditions);
        return new CaseTable(Enumerable.Range(1, cases).Select(c =>
        {
            var memberships = names.ToDictionary(n => n, _ => random.Next(2) == 1 ? 1.0 : 0.0);
            var outcome = (memberships["C01"] == 1 && memberships["C02"] == 1 && memberships["C03"] == 0)
                || (memberships["C04"] == 1 && memberships["C05"] == 1);
            if (random.NextDouble() < noise)
            {
                outcome = !outcome;
            }

            memberships["Y"] = outcome ? 1.0 : 0.0;
            return new Case($"case{c:000}", memberships);
        }));
    }
}
