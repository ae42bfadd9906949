using LocalVision.Rules.Evaluation.Theory.Report;

namespace LocalVision.Rules.Tests.Evaluation.Theory.Report;

public sealed class RamesesHtmlTests
{
    [Fact]
    public void Write_EscapesEveryPieceOfText()
    {
        var html = RamesesHtml.Write(SampleReport.Document());

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<1>", html);
        Assert.DoesNotContain("<it>", html);
        Assert.Contains("<td><code>A&amp;B</code></td><td>INITIAL</td><td>INGREDIENT</td><td>7.3.3</td><td>x | y &lt;script&gt;</td>", html);
        Assert.Contains("<li><strong>INGREDIENT</strong> <code>A&amp;B</code> (tentative): found &lt;it&gt; Mechanism SHARED_NARRATIVE: yes. [<code>observations/a&amp;b</code>, <code>evidence/one-interview</code>]</li>", html);
    }

    [Fact]
    public void Write_PutsEachCaseInItsOwnSectionAndPrintsEachOnANewPage()
    {
        var html = RamesesHtml.Write(SampleReport.Document());

        Assert.Contains("<section class=\"case\">\n<h3>Case &lt;1&gt;</h3>", html);
        Assert.Contains("<section class=\"case\">\n<h3>Case 2</h3>\n<p><code>initiatives/two</code>: RUNNING; outlook AT_RISK (-1).</p>\n<p>No CMO configuration was found on the evidence.</p>\n</section>\n<section class=\"not-assessed\">", html);
        Assert.Equal(2, html.Split("<section class=\"case\">").Length - 1);
        Assert.Equal(html.Split("<section").Length - 1, html.Split("</section>").Length - 1);
        Assert.Contains("@media print { section.case { page-break-before: always; break-before: page; } }", html);
    }

    [Fact]
    public void Write_HasEverySectionInTheOrderOfTheItems()
    {
        var html = RamesesHtml.Write(SampleReport.Document());

        var headings = new[]
        {
            RamesesHeadings.Initial, RamesesHeadings.Refined, RamesesHeadings.Tested, RamesesHeadings.Deviant, RamesesHeadings.Cases,
            RamesesHeadings.NotAssessedHeading, RamesesHeadings.Limits,
        };
        var at = headings.Select(h => html.IndexOf(System.Net.WebUtility.HtmlEncode(h), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.Contains("<td>2</td><td>evaluator</td><td>2026-12-01</td><td>refined after Case &lt;1&gt;</td><td><code>NEW_<wbr>RULE</code></td><td><code>A&amp;B</code></td><td><code>OLD_<wbr>RULE</code></td>", html);
        Assert.Contains("Refined in version 2 (refined after Case &lt;1&gt;).", html);
    }

    [Fact]
    public void Write_RedactedEvidence_IsShownAsThePlaceholder()
    {
        var html = RamesesHtml.Write(SampleReport.Document());

        Assert.Contains("<li><code>evidence/one-interview</code> (INTERVIEW, 2015-07-01, confidential): <span class=\"redacted\">[confidential] ([confidential])</span></li>", html);
        Assert.Contains("1 piece(s) of confidential evidence cited, 1 of them redacted for this reader.", html);
    }
}
