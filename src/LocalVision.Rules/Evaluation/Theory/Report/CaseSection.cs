namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>One case: where the initiative stood, its outlook, the CMO configurations found, what was not assessed, and the evidence cited.</summary>
/// <param name="Initiative">The initiative's resource name.</param>
/// <param name="Status">Its status on the date, upper case (RUNNING, ENDED, ...).</param>
/// <param name="NotAssessed">Each rule application not assessed, in words: the rule, its sections, and what would settle it.</param>
/// <param name="Evidence">Every piece of evidence the configurations cite, as the caller may see it.</param>
public sealed record CaseSection(
    string Initiative,
    string DisplayName,
    string Status,
    string Outlook,
    double Score,
    IReadOnlyList<CmoConfiguration> Configurations,
    IReadOnlyList<string> NotAssessed,
    IReadOnlyList<CitedEvidence> Evidence);
