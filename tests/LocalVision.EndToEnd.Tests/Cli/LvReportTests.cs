using System.Diagnostics;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv report` to Markdown, HTML and PDF against a seeded service of its own; the PDF printed by the machine's Chromium.</summary>
public sealed class LvReportTests : IAsyncLifetime, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string PdfToText = "/usr/bin/pdftotext";

    private readonly string _folder = Directory.CreateTempSubdirectory("lv-report-").FullName;
    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RunningServer.StartAsync(seed: true);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<LvProcess.Result> LvAsync(params string[] args) => LvProcess.RunAsync(_server.Address, args);

    [Fact]
    public async Task Out_AnHtmlFileForOneInitiative_IsOnePageWithOneCaseSection()
    {
        var file = Path.Combine(_folder, "report.html");

        var result = await LvAsync("report", "--initiative", "plymouth-local-vision", "--as-of", "2015-09-01", "--out", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(HTML, programme theory version 1)", result.Output);
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(1, html.Split("<section class=\"case\">").Length - 1);
        Assert.Contains("<h3>Plymouth Local Vision project</h3>", html);
    }

    [Fact]
    public async Task Format_Md_PrintsMarkdownEvenToAnHtmlName()
    {
        var file = Path.Combine(_folder, "report.html");

        var result = await LvAsync("report", "--format", "md", "--as-of", "2015-09-01", "--out", file);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Realist evaluation of Local Vision", File.ReadAllText(file));
    }

    [Fact]
    public async Task Initiative_Unknown_IsRefusedInOneLineNamingTheNearest()
    {
        var result = await LvAsync("report", "--initiative", "plymuoth-local-vision");

        LvAssert.RefusedInOneLine(result, 3, "NotFound", "No initiative is named `plymuoth-local-vision`; did you mean `initiatives/plymouth-local-vision`?");
    }

    [Fact]
    public async Task Pdf_WithoutChromium_IsRefusedInOneLine()
    {
        var pdf = Path.Combine(_folder, "report.pdf");

        var result = await LvProcess.RunAsync(_server.Address, new Dictionary<string, string> { ["LV_CHROMIUM"] = "/nowhere/chromium" }, "report", "--pdf", pdf);

        LvAssert.RefusedInOneLine(result, 2, "no Chromium at /nowhere/chromium", "LV_CHROMIUM");
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public async Task Pdf_StartsEachCaseSectionOnANewPage()
    {
        if (!File.Exists(Chromium) || !File.Exists(PdfToText))
        {
            Assert.Skip($"`lv report --pdf` needs {Chromium} and {PdfToText} (apt-get install chromium poppler-utils); one of them is missing.");
        }
        var pdf = Path.Combine(_folder, "report.pdf");
        var markdown = Path.Combine(_folder, "report.md");

        var result = await LvAsync("report", "--as-of", "2015-09-01", "--pdf", pdf, "--out", markdown);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(PDF, programme theory version 1)", result.Output);
        var cases = CaseNames(File.ReadAllText(markdown));
        Assert.True(cases.Count > 1);
        var pages = (await TextAsync(pdf)).Split('\f');
        // Each case's heading opens a page of its own, in the report's order.
        var opening = pages.Select(p => p.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "").ToList();
        var caseOpenings = opening.Where(cases.Contains).ToList();
        Assert.Equal(cases, caseOpenings);
        Assert.True(pages.Length > cases.Count, "the theory sections come before the first case's page");
    }

    /// <summary>The cases' headings in the Markdown, in order: the third-level headings between the cases heading and the next second-level one.</summary>
    private static List<string> CaseNames(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("## Cases:", StringComparison.Ordinal));
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Select(l => l[4..].Trim()).ToList();
    }

    private static async Task<string> TextAsync(string pdf)
    {
        var start = new ProcessStartInfo(PdfToText) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-layout");
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
