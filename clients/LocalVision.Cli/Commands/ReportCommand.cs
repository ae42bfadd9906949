using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>`lv report`: the RAMESES II report from the graph, printed, written as Markdown or HTML, or printed to PDF.</summary>
public static class ReportCommand
{
    public static Command Report()
    {
        var filter = new Option<string>("--filter") { Description = "Which initiatives are the report's cases, as a list filter; every Local Vision project when left out" };
        var initiative = new Option<string>("--initiative", "-i") { Description = "Report on this one case only: an initiative's name (initiatives/plymouth-local-vision), id (plymouth-local-vision) or display name" };
        var asOf = AnalysisOptions.AsOf("Evaluate with what held and was recorded by this date, YYYY-MM-DD; today when left out");
        var format = new Option<string>("--format") { Description = "md (Markdown) or html (one self-contained page); for --out, by the file's extension when left out (.html or .htm: html), otherwise md" };
        format.AcceptOnlyFromAmong("md", "html");
        var output = new Option<FileInfo>("--out") { Description = "Write the report to this file; printed when neither --out nor --pdf is given" };
        var pdf = new Option<FileInfo>("--pdf") { Description = "Print the report's HTML to this PDF file with headless Chromium (/usr/bin/chromium, or LV_CHROMIUM), each case on a new page" };
        var command = new Command("report",
            "A realist evaluation report from the graph, by the RAMESES II items: initial and refined programme theory with the refinement log, the theory tested case by case, each case's CMO configurations with their evidence, deviant cases and what each refined, what was not assessed, the data's limits")
        {
            filter, initiative, asOf, format, output, pdf,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var file = parse.GetValue(output);
            var pdfFile = parse.GetValue(pdf);
            var html = (parse.GetValue(format) ?? Inferred(file)) == "html";
            if (pdfFile is not null)
            {
                // Before calling the server: a missing browser is said at once, not after the report is built.
                ReportPdf.CheckBrowser();
            }
            var report = await connection.Theory.GetRamesesReportAsync(new GetRamesesReportRequest
            {
                Filter = parse.GetValue(filter) ?? "",
                Initiative = parse.GetValue(initiative) ?? "",
                AsOf = AnalysisOptions.Timestamp(parse.GetValue(asOf)),
                Format = html || pdfFile is not null ? ReportFormat.Html : ReportFormat.Markdown,
            }, connection.Call(ct));
            if (file is null && pdfFile is null)
            {
                Render.Message(report, connection.Output, () => Console.Write(html ? report.Html : report.Markdown));
                return;
            }
            if (file is not null)
            {
                await File.WriteAllTextAsync(file.FullName, html ? report.Html : report.Markdown, ct);
                Console.WriteLine($"wrote {file.FullName} ({(html ? "HTML" : "Markdown")}, programme theory version {report.TheoryVersion})");
            }
            if (pdfFile is not null)
            {
                await ReportPdf.PrintAsync(report.Html, pdfFile.FullName, ct);
                Console.WriteLine($"wrote {pdfFile.FullName} (PDF, programme theory version {report.TheoryVersion})");
            }
        }));
        return command;
    }

    private static string Inferred(FileInfo? file) =>
        file?.Extension.ToLowerInvariant() is ".html" or ".htm" ? "html" : "md";
}
