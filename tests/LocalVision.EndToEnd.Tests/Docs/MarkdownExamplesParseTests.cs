namespace LocalVision.EndToEnd.Tests.Docs;

/// <summary>How examples are read out of markdown, and matched against what they print.</summary>
public sealed class MarkdownExamplesParseTests
{
    private const string Markdown = """
        # A file

        ```bash
        # a comment, not a command
        lv get localities/plymouth   # a trailing comment
        lv list --label Initiative \
          --filter 'cohort = 1'
        cat > /tmp/new.jsonl <<'JSONL'
        {"node":{}}
        JSONL
        ```

        ```console
        $ lv minimize --outcome SURV
        M1: DEV → SURV
        …
        $ lv truth-table
        $ echo $?
        0
        ```

        <!-- examples: not run, it needs a second machine -->
        ```bash
        ssh host-b
        ```

        ```sh
        export NOT_AN_EXAMPLE=1
        ```
        """;

    [Fact]
    public void Parse_BashAndConsoleBlocks_GivesEachCommandWithWhatItShows()
    {
        var examples = MarkdownExamples.Parse("a.md", Markdown);

        Assert.Equal([
            "lv get localities/plymouth   # a trailing comment",
            "lv list --label Initiative \\\n  --filter 'cohort = 1'",
            "cat > /tmp/new.jsonl <<'JSONL'\n{\"node\":{}}\nJSONL",
            "lv minimize --outcome SURV",
            "lv truth-table",
            "echo $?",
            "ssh host-b",
        ], examples.Select(e => e.Command));
        Assert.Equal([5, 6, 8, 14, 17, 18, 24], examples.Select(e => e.Line));
        Assert.Equal(["M1: DEV → SURV", "…"], examples[3].Shown);
        Assert.Null(examples[4].Shown);
        Assert.Equal("it needs a second machine", examples[6].NotRun);
        Assert.All(examples.Take(6), e => Assert.Null(e.NotRun));
    }

    [Theory]
    [InlineData("a|b|c", "a|b|c", true)]
    [InlineData("a|…|c", "a|x|y|c", true)]
    [InlineData("a|…|c", "a|c", true)]
    [InlineData("a|…", "a|x|y", true)]
    [InlineData("a|b", "a|b|c", false)]
    [InlineData("a|…|c", "a|x|d", false)]
    [InlineData("a|b", "a  |b|", true)]
    public void Matches_ShownAgainstPrinted_EllipsisStandsForAnyLines(string shown, string printed, bool expected)
    {
        Assert.Equal(expected, MarkdownExamples.Matches(shown.Split('|'), printed.Split('|')));
    }
}
