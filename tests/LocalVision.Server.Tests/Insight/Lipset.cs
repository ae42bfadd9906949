using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>The Lipset crisp data as an analyst's case table.</summary>
internal static class Lipset
{
    public static readonly string[] Conditions = ["DEV", "URB", "LIT", "IND", "STB"];

    /// <summary>Lipset's inter-war Europe as dichotomised by Rihoux and De Meur (shared/qca/lipset-crisp.md).</summary>
    public static CaseTable Table()
    {
        (string Name, int[] Values)[] rows =
        [
            ("AU", [1, 0, 1, 1, 0, 0]), ("BE", [1, 1, 1, 1, 1, 1]), ("CZ", [1, 1, 1, 1, 1, 1]), ("EE", [0, 0, 1, 0, 1, 0]),
            ("FI", [1, 0, 1, 0, 1, 1]), ("FR", [1, 0, 1, 1, 1, 1]), ("DE", [1, 1, 1, 1, 0, 0]), ("GR", [0, 0, 0, 0, 0, 0]),
            ("HU", [0, 0, 1, 0, 0, 0]), ("IE", [1, 0, 1, 0, 1, 1]), ("IT", [0, 0, 0, 0, 1, 0]), ("NL", [1, 1, 1, 1, 1, 1]),
            ("PL", [0, 0, 1, 0, 0, 0]), ("PT", [0, 0, 0, 0, 0, 0]), ("RO", [0, 0, 0, 0, 1, 0]), ("ES", [0, 0, 0, 0, 0, 0]),
            ("SE", [1, 0, 1, 1, 1, 1]), ("UK", [1, 1, 1, 1, 1, 1]),
        ];
        var table = new CaseTable();
        foreach (var (name, values) in rows)
        {
            var @case = new Case { Name = name };
            for (var i = 0; i < 5; i++)
            {
                @case.Memberships[Conditions[i]] = values[i];
            }
            @case.Memberships["SURV"] = values[5];
            table.Cases.Add(@case);
        }
        return table;
    }
}
