namespace LocalVision.Rules.Cohorts;

/// <summary>No selection of the requested size meets the constraints; <see cref="Binding"/> says which bind and what would relax each.</summary>
/// <param name="Together">
/// False: each binding constraint rules out every cohort by itself, so each must be relaxed. True: no one of them does,
/// they bind together, and relaxing any one as said makes a cohort possible.
/// </param>
public sealed class CohortInfeasibleException(string message, IReadOnlyList<BindingConstraint> binding, bool together) : Exception(message)
{
    public IReadOnlyList<BindingConstraint> Binding { get; } = binding;

    public bool Together { get; } = together;
}
