using LocalVision.Rules.Evaluation.Theory.Report;

namespace LocalVision.Rules.Tests.Evaluation.Theory.Report;

/// <summary>A small report document written by hand, with text that must be escaped, for the writers' tests.</summary>
internal static class SampleReport
{
    public static readonly RefinementEntry Refinement = new(
        "2", "evaluator", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), "refined after Case <1>", ["NEW_RULE"], ["A&B"], ["OLD_RULE"]);

    public static RamesesDocument Document(bool refined = true) => new(
        "as of 2015-09-01",
        null,
        new TheoryPart("1", "the initial theory", [new RuleRow("A&B", "INITIAL", "INGREDIENT", "7.3.3", "x | y <script>", "SHARED_NARRATIVE", "MOMENTUM")]),
        refined
            ? new TheoryPart("2", "refined after Case <1>", [new RuleRow("A&B", "REFINED", "INGREDIENT", "7.3.3", "x", "", "MOMENTUM"), new RuleRow("NEW_RULE", "CANDIDATE", "RISK", "8", "z", "", "")])
            : new TheoryPart("1", "the initial theory", [new RuleRow("A&B", "INITIAL", "INGREDIENT", "7.3.3", "x | y <script>", "SHARED_NARRATIVE", "MOMENTUM")]),
        refined ? [Refinement] : [],
        [new RuleTestRow("A&B", 1, 1, 0, 0, 0, 0.5, null)],
        [new DeviantCase("Case <1>", "A&B", "A title", "context held, outcome absent", ["observations/a&b"], refined ? [Refinement] : [])],
        [
            new CaseSection("initiatives/one", "Case <1>", "ENDED", "STRONG", 7.5,
                [new CmoConfiguration("INGREDIENT", "A&B", true, "found <it>", "SHARED_NARRATIVE: yes", ["observations/a&b"], ["evidence/one-interview"])],
                ["A&B (§7.3.3; would be settled by MOU_AGREED)"],
                [new CitedEvidence("evidence/one-interview", "INTERVIEW", "2015-07-01", true, "[confidential]", "[confidential]")]),
            new CaseSection("initiatives/two", "Case 2", "RUNNING", "AT_RISK", -1, [], [], []),
        ],
        [new NotAssessedRule("A&B", "A title", "7.3.3", "MOU_AGREED", ["Case <1>"])],
        new DataLimits(2, 0, 1, 1, 1, 0, 1, 0, 1, 1));
}
