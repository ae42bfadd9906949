namespace LocalVision.Rules.Cohorts;

public sealed record CohortDecision(CohortCandidate Candidate, bool Selected, IReadOnlyList<string> Reasons);

public sealed record CohortResult(
    IReadOnlyList<CohortDecision> Selected,
    IReadOnlyList<CohortDecision> Excluded,
    double TotalScore,
    double TotalFunding,
    bool Optimal,
    IReadOnlyList<string> Warnings);
