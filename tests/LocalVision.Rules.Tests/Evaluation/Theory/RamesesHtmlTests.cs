using LocalVision.Rules.Evaluation.Theory.Report;

namespace LocalVision.Rules.Tests.Evaluation.Theory;

public sealed class RamesesHtmlTests
{
    private const string Markdown = """
        # Report <one>

        ## Initial programme theory (RAMESES II item 4)

        | rule | context |
        | --- | --- |
        | A&B | x \| y <script> |

        ## Cases: the CMO configurations found (RAMESES II item 14)

        ### Case <1>

        - **Ingredient** A: found [`observations/a&b`]

        ### Case 2

        text

        ## Limits of the data (RAMESES II item 18)

        - one
        """;

    [Fact]
    public void FromMarkdown_EscapesEveryPieceOfText()
    {
        var html = RamesesHtml.FromMarkdown(Markdown);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<h1>Report &lt;one&gt;</h1>", html);
        Assert.Contains("<td>A&amp;B</td><td>x | y &lt;script&gt;</td>", html);
        Assert.Contains("<li><strong>Ingredient</strong> A: found [<code>observations/a&amp;b</code>]</li>", html);
    }

    [Fact]
    public void FromMarkdown_PutsEachCaseInItsOwnSectionClosedBeforeTheNextHeading()
    {
        var html = RamesesHtml.FromMarkdown(Markdown);

        Assert.Contains("<section class=\"case\">\n<h3>Case &lt;1&gt;</h3>", html);
        Assert.Contains("<section class=\"case\">\n<h3>Case 2</h3>\n<p>text</p>\n</section>\n<h2>Limits", html);
        Assert.Equal(2, html.Split("<section class=\"case\">").Length - 1);
        Assert.Equal(2, html.Split("</section>").Length - 1);
        Assert.Contains("<tr><th>rule</th><th>context</th></tr>", html);
    }
}
