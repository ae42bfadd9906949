namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>A CMO configuration found in a case: a finding of a rule, with the observations and evidence it rests on.</summary>
/// <param name="Polarity">INGREDIENT, RISK or CAUTION.</param>
/// <param name="Rule">The rule's id, with its subject in brackets when it fires once per subject.</param>
/// <param name="Mechanism">The expected mechanism and whether it was observed, in words; null when the rule expects none.</param>
public sealed record CmoConfiguration(
    string Polarity, string Rule, bool Tentative, string Explanation, string? Mechanism, IReadOnlyList<string> Observations, IReadOnlyList<string> Evidence);
