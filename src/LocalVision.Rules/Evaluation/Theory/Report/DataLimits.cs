namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>The limits of the data the report rests on: cases, confidence and unknowns, as counts.</summary>
/// <param name="TentativeFindings">Findings resting on an L-confidence observation.</param>
/// <param name="UnassessedApplications">Rule applications not assessed because a condition is unknown.</param>
/// <param name="UntestedPairs">Rule × case tests untested because the context or the outcome is unknown.</param>
public sealed record DataLimits(
    int Cases,
    int NotStarted,
    int InsufficientEvidence,
    int Findings,
    int TentativeFindings,
    int IllustrativeFindings,
    int UnassessedApplications,
    int UntestedPairs,
    int ConfidentialEvidence,
    int RedactedEvidence);
