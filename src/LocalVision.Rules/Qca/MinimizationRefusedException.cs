namespace LocalVision.Rules.Qca;

/// <summary>
/// The truth table does not allow the solution asked for, where R's QCA (the reference implementation) stops
/// too; <see cref="Reason"/> names the situation, the message says it in words and what would allow a solution.
/// </summary>
public sealed class MinimizationRefusedException(string reason, string message) : Exception(message)
{
    /// <summary>No row is negative, so the remainders explain every configuration (R: "All truth table configurations are used").</summary>
    public const string AllConfigurationsUsed = "ALL_CONFIGURATIONS_USED";

    /// <summary>Too many simplifying assumptions to find the contradictory ones among them (Enhanced Standard Analysis).</summary>
    public const string TooManyAssumptions = "TOO_MANY_ASSUMPTIONS";

    public string Reason { get; } = reason;
}
