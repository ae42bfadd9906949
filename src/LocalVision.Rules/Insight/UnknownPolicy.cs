namespace LocalVision.Rules.Insight;

/// <summary>
/// What a condition value no one recorded counts as. The coding is open-world: a project without an observation of a
/// condition is not known to lack it, so each reading is a choice the analyst makes and the answer says which.
/// </summary>
public enum UnknownPolicy
{
    /// <summary>A case without a value for a condition is left out of the figures that need it.</summary>
    DropCase,

    /// <summary>An unrecorded condition counts as absent (membership 0).</summary>
    AsAbsent,

    /// <summary>An unrecorded condition counts as present (membership 1).</summary>
    AsPresent,

    /// <summary>The figures are <see cref="DropCase"/>'s, each with its range between <see cref="AsAbsent"/> and <see cref="AsPresent"/>.</summary>
    Bounds,
}
