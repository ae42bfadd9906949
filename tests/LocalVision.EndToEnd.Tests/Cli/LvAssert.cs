namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>Checks on what `lv` printed.</summary>
public static class LvAssert
{
    /// <summary>Each text appears in the output after the one before it, as a tree or a path prints them.</summary>
    public static void InOrder(string output, params string[] texts)
    {
        var from = 0;
        foreach (var text in texts)
        {
            var at = output.IndexOf(text, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"`{text}` does not follow `{output[..from]}` in:\n{output}");
            from = at + text.Length;
        }
    }

    /// <summary>A refused call: the exit code for its status and one line on stderr naming what was wrong.</summary>
    public static void RefusedInOneLine(LvProcess.Result result, int exitCode, params string[] texts)
    {
        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("error: ", line);
        foreach (var text in texts)
        {
            Assert.Contains(text, line);
        }
    }
}
