namespace LocalVision.Rules.Cohorts;

/// <summary>The search budget ran out before any selection meeting the constraints was found; one may still exist.</summary>
public sealed class CohortSearchExhaustedException(string message) : Exception(message);
