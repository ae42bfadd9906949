namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>One version of the programme theory as the report shows it: its number, why it was made, and its CMO rules.</summary>
public sealed record TheoryPart(string Version, string Note, IReadOnlyList<RuleRow> Rules);
