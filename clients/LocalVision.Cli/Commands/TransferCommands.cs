using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using LocalVision.Cli.Output;
using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Commands;

/// <summary>Bulk import and export in the JSON-lines record format.</summary>
public static class TransferCommands
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON-lines file: one {\"node\":{...}} or {\"relationship\":{...}} per line" };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per atomic batch", DefaultValueFactory = _ => 1000 };
        var deadline = new Option<double>("--import-deadline") { Description = "Seconds the whole import may take", DefaultValueFactory = _ => 3600 };
        var command = new Command("import", "Import nodes and relationships from a JSON-lines file; each batch is committed whole or not at all") { file, batchSize, deadline };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName} does not exist");
            }
            var total = File.ReadLines(path.FullName).Count(l => l.Trim().Length > 0);
            var size = Math.Max(1, parse.GetValue(batchSize));
            using var call = connection.Graph.ImportGraph(connection.Call(TimeSpan.FromSeconds(parse.GetValue(deadline)), ct));
            await Progress(connection.Output, "importing", total, async advance =>
            {
                var message = new ImportGraphRequest();
                var lineNumber = 0;
                foreach (var line in File.ReadLines(path.FullName))
                {
                    lineNumber++;
                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }
                    var record = ParseRecord(line, lineNumber);
                    if (record.RecordCase == GraphRecord.RecordOneofCase.Node)
                    {
                        message.Nodes.Add(record.Node);
                    }
                    else
                    {
                        message.Relationships.Add(record.Relationship);
                    }
                    if (message.Nodes.Count + message.Relationships.Count >= size)
                    {
                        await call.RequestStream.WriteAsync(message, ct);
                        advance(message.Nodes.Count + message.Relationships.Count);
                        message = new ImportGraphRequest();
                    }
                }
                if (message.Nodes.Count + message.Relationships.Count > 0)
                {
                    await call.RequestStream.WriteAsync(message, ct);
                    advance(message.Nodes.Count + message.Relationships.Count);
                }
                await call.RequestStream.CompleteAsync();
            });
            var response = await call;
            Render.Message(response, connection.Output, () =>
                AnsiConsole.MarkupLine($"imported [green]{response.NodesWritten:N0}[/] nodes and [green]{response.RelationshipsWritten:N0}[/] relationships in {response.Batches} batches"));
        }));
        return command;
    }

    public static Command Export()
    {
        var labels = new Option<string[]>("--label", "-l") { Description = "Only these labels (and the relationships among them)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output" };
        var format = new Option<string>("--format") { Description = "jsonl (the import format)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var command = new Command("export", "Export the graph as JSON lines, nodes first") { labels, output, format };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new ExportGraphRequest { BatchSize = 1000 };
            request.Labels.AddRange(parse.GetValue(labels) ?? []);
            var target = parse.GetValue(output);
            await using var writer = target is null ? Console.Out : new StreamWriter(target.FullName);
            using var call = connection.Graph.ExportGraph(request, connection.Call(TimeSpan.FromHours(1), ct));
            long nodes = 0, relationships = 0;
            await foreach (var batch in call.ResponseStream.ReadAllAsync(ct))
            {
                foreach (var node in batch.Nodes)
                {
                    await writer.WriteLineAsync(JsonFormatter.Default.Format(new GraphRecord { Node = node }));
                }
                foreach (var relationship in batch.Relationships)
                {
                    await writer.WriteLineAsync(JsonFormatter.Default.Format(new GraphRecord { Relationship = relationship }));
                }
                nodes += batch.Nodes.Count;
                relationships += batch.Relationships.Count;
            }
            if (target is not null)
            {
                AnsiConsole.MarkupLine($"exported [green]{nodes:N0}[/] nodes and [green]{relationships:N0}[/] relationships to {Markup.Escape(target.FullName)}");
            }
        }));
        return command;
    }

    private static GraphRecord ParseRecord(string line, int lineNumber)
    {
        try
        {
            var record = Parser.Parse<GraphRecord>(line);
            return record.RecordCase == GraphRecord.RecordOneofCase.None
                ? throw new CliException($"line {lineNumber}: expected {{\"node\":{{...}}}} or {{\"relationship\":{{...}}}}")
                : record;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CliException($"line {lineNumber}: {e.Message}");
        }
        catch (InvalidJsonException e)
        {
            throw new CliException($"line {lineNumber}: not valid JSON ({e.Message})");
        }
    }

    /// <summary>A progress bar with rate and time left on a terminal; nothing extra when printing JSON or redirected.</summary>
    private static async Task Progress(OutputFormat format, string what, int total, Func<Action<int>, Task> work)
    {
        if (format == OutputFormat.Json || Console.IsOutputRedirected)
        {
            await work(_ => { });
            return;
        }
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(what, maxValue: Math.Max(1, total));
                await work(n => task.Increment(n));
            });
    }
}
