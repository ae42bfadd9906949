using System.Globalization;

namespace LocalVision.Cli.Output;

/// <summary>Numbers as the tables print them, the same whatever the machine's culture.</summary>
public static class Figures
{
    private static readonly string[] Eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

    /// <summary>A score or count: as few decimals as it needs, at most <paramref name="decimals"/>.</summary>
    public static string Number(double value, int decimals = 3) => value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>A count and its noun in the right number: "1 node", "1,200 nodes".</summary>
    public static string Count(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    /// <summary>A consistency, coverage or other value from 0 to 1, to two places.</summary>
    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A ratio, or "n/a" when it has nothing to divide by (NaN): no case in the set it is a share of.</summary>
    public static string Defined(double value) => double.IsNaN(value) ? "n/a" : Ratio(value);

    /// <summary>A p-value: small ones in scientific notation rather than as 0.00.</summary>
    public static string P(double value) => value < 0.001 ? value.ToString("0.0e0", CultureInfo.InvariantCulture) : Number(value);

    /// <summary>A bar of block characters for a value from 0 to 1, <paramref name="width"/> cells at 1.</summary>
    public static string Bar(double fraction, int width = 10)
    {
        var eighths = (int)Math.Round(Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1) * width * 8);
        return new string('█', eighths / 8) + Eighths[eighths % 8];
    }
}
