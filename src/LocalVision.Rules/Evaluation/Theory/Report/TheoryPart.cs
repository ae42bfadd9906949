namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>One version of the programme theory as the report shows it: its number, why it was made, and its CMO rules.</summary>
public sealed record TheoryPart(string Version, string Note, IReadOnlyList<RuleRow> Rules);

/// <summary>A CMO rule as the report's theory tables show it; every value is already text.</summary>
public sealed record RuleRow(string Id, string Status, string Polarity, string Section, string Context, string Mechanism, string Outcome);
