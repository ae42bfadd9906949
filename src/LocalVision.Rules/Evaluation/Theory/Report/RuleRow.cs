namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>A CMO rule as the report's theory tables show it; every value is already text.</summary>
public sealed record RuleRow(string Id, string Status, string Polarity, string Section, string Context, string Mechanism, string Outcome);
