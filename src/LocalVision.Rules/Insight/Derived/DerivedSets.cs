namespace LocalVision.Rules.Insight.Derived;

/// <summary>Per derived condition, each case's raw value and calibrated membership (cases without a value absent), and notes.</summary>
public sealed record DerivedSets(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Memberships,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> RawValues,
    IReadOnlyList<string> Warnings)
{
    public static DerivedSets None { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, IReadOnlyDictionary<string, double>>(), []);
}
