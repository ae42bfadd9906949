namespace LocalVision.Rules.Evaluation.Theory.Report;

/// <summary>One rule tested across the cases: how many cases gave each verdict, with consistency and coverage (null: cannot be computed).</summary>
/// <param name="Rule">The rule's id, with its subject in brackets when it fires once per subject.</param>
public sealed record RuleTestRow(
    string Rule, int Supports, int Deviant, int Alternative, int Consistent, int Untested, double? Consistency, double? Coverage);
