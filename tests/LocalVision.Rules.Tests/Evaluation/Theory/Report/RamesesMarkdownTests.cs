using LocalVision.Rules.Evaluation.Theory.Report;

namespace LocalVision.Rules.Tests.Evaluation.Theory.Report;

public sealed class RamesesMarkdownTests
{
    [Fact]
    public void Write_Refined_HasTheLogTheRefinedTheoryAndWhatEachDeviantCaseRefined()
    {
        var md = RamesesMarkdown.Write(SampleReport.Document());

        Assert.StartsWith("# Realist evaluation of Local Vision: programme theory and cases\n", md.ReplaceLineEndings("\n"));
        Assert.Contains("| 2 | evaluator | 2026-12-01 | refined after Case <1> | NEW_RULE | A&B | OLD_RULE |", md);
        Assert.Contains("The refined theory, version 2:", md);
        Assert.Contains("| NEW_RULE | CANDIDATE | RISK | 8 | z |  |  |", md);
        Assert.Contains("- **Case <1>** against A&B (A title): context held, outcome absent [`observations/a&b`] Refined in version 2 (refined after Case <1>).", md);
        Assert.Contains("| A&B | 1 | 1 | 0 | 0 | 0 | 0.50 | – |", md);
    }

    [Fact]
    public void Write_EscapesColumnBreaksInCells()
    {
        var md = RamesesMarkdown.Write(SampleReport.Document());

        Assert.Contains("| A&B | INITIAL | INGREDIENT | 7.3.3 | x \\| y <script> | SHARED_NARRATIVE | MOMENTUM |", md);
    }

    [Fact]
    public void Write_EachCase_HasItsConfigurationsNotAssessedAndEvidence()
    {
        var md = RamesesMarkdown.Write(SampleReport.Document()).ReplaceLineEndings("\n");

        Assert.Contains("### Case <1>\n\n`initiatives/one`: ENDED; outlook STRONG (7.5).\n\n"
            + "- INGREDIENT A&B (tentative): found <it> Mechanism SHARED_NARRATIVE: yes. [`observations/a&b`, `evidence/one-interview`]\n\n"
            + "Not assessed: A&B (§7.3.3; would be settled by MOU_AGREED).\n\nEvidence cited:\n\n"
            + "- `evidence/one-interview` (INTERVIEW, 2015-07-01, confidential): [confidential] ([confidential])\n", md);
        Assert.Contains("### Case 2\n\n`initiatives/two`: RUNNING; outlook AT_RISK (-1).\n\nNo CMO configuration was found on the evidence.\n", md);
        Assert.Contains("## What was not assessed (RAMESES II items 15 and 17)\n\n- A&B (A title, §7.3.3): not assessed in Case <1>; would be settled by MOU_AGREED.\n", md);
        Assert.Contains("- 2 case(s), 0 not started by the date, 1 with too little evidence for an outlook.", md);
    }

    [Fact]
    public void Write_NotRefined_SaysSoAndHasNoLog()
    {
        var md = RamesesMarkdown.Write(SampleReport.Document(refined: false));

        Assert.Contains("The theory has not been refined: the current version is the initial one.", md);
        Assert.DoesNotContain("| version | made by |", md);
        Assert.Contains("Not yet answered by a refinement of the theory.", md);
    }
}
