namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>
/// A case whose outcome was not the one a rule expected, where the rule's context held: what it calls into question,
/// the observations and evidence the verdict rests on, and the refinements of the theory made about it since.
/// </summary>
/// <param name="Refinements">
/// The versions after the first that changed, added or removed the rule, or whose note names the case: what the case
/// refined. Empty while no refinement has answered it.
/// </param>
public sealed record DeviantCase(
    string Case, string Rule, string Title, string Reason, IReadOnlyList<string> Cited, IReadOnlyList<RefinementEntry> Refinements);
