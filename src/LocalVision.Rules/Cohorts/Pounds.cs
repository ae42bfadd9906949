using System.Globalization;

namespace LocalVision.Rules.Cohorts;

/// <summary>Money as the programme's papers write it: pounds sterling, whole pounds, thousands separated (£81,000).</summary>
public static class Pounds
{
    public static string Format(double amount) =>
        (amount < 0 ? "−£" : "£") + Math.Abs(Math.Round(amount)).ToString("N0", CultureInfo.InvariantCulture);
}
