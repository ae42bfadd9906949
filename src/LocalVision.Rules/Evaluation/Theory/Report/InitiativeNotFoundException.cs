namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>No initiative has this name or display name; says the nearest one when one is close.</summary>
/// <param name="Closest">The nearest initiative's name, or null when none is close.</param>
public sealed class InitiativeNotFoundException(string given, string? closest)
    : Exception($"No initiative is named `{given}`{(closest is null ? "" : $"; did you mean `{closest}`?")}")
{
    public string Given { get; } = given;

    public string? Closest { get; } = closest;
}
