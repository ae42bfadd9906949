using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// Crisp truth tables written as one code per row of the 2^k configurations (row r's bits, most significant first, are
/// conditions A, B, C…): negative, positive or a logical remainder. The random tables of the minimisation properties.
/// </summary>
internal static class RowCodedTables
{
    public const int Negative = 0, Positive = 1, Remainder = 2;

    /// <summary>One case per non-remainder row, with outcome Y 1 on positive rows and 0 on negative ones.</summary>
    public static TruthTable Table(int k, int[] rows)
    {
        var cases = Enumerable.Range(0, rows.Length)
            .Where(r => rows[r] != Remainder)
            .Select(r => new Case(
                "r" + r,
                Enumerable.Range(0, k)
                    .ToDictionary(i => Name(i), i => (double)((r >> (k - 1 - i)) & 1))
                    .Append(new KeyValuePair<string, double>("Y", rows[r] == Positive ? 1.0 : 0.0))
                    .ToDictionary()));
        return TruthTable.Build(new CaseTable(cases), "Y", Enumerable.Range(0, k).Select(Name).ToList());
    }

    /// <summary>Condition i's name: A, B, C…</summary>
    public static string Name(int condition) => ((char)('A' + condition)).ToString();
}
