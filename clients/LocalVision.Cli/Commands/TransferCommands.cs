using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using LocalVision.Cli.Output;
using LocalVision.Cli.Transfer;
using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Commands;

/// <summary>Bulk import (JSON lines, neo4j-admin CSV) and export (JSON lines, GraphML, GEXF).</summary>
public static class TransferCommands
{
    public static Command Import()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "JSON-lines files (one {\"node\":{...}} or {\"relationship\":{...}} per line), and CSV files with a neo4j-admin header "
                + "(id:ID(partners),:LABEL,name,... or :START_ID,:END_ID,:TYPE,...); CSV nodes are sent first, CSV relationships last",
            Arity = ArgumentArity.OneOrMore,
        };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per atomic batch", DefaultValueFactory = _ => 1000 };
        var deadline = new Option<double>("--import-deadline") { Description = "Seconds the whole import may take", DefaultValueFactory = _ => 3600 };
        var onConflict = new Option<string>("--on-conflict")
        {
            Description = "A node whose name is already stored: fail (refuse the import, naming it, and write nothing), "
                + "replace (the file's node replaces it whole) or merge (the file's properties go over the stored ones; the rest are kept). "
                + "A node identical to the stored one is never a conflict",
            DefaultValueFactory = _ => "fail",
        };
        onConflict.AcceptOnlyFromAmong("fail", "replace", "merge");
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything with the server and say what the import would do, writing nothing" };
        var command = new Command("import", "Import nodes and relationships from JSON-lines and CSV files; every record is checked before any is sent, and each batch is committed whole or not at all")
        {
            files, batchSize, deadline, onConflict, dryRun,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var sources = ImportFiles.Open(parse.GetValue(files)!);
            // Reading every record once before sending checks them all, so a mistake anywhere writes nothing, and counts them for the progress bar.
            var total = sources.Sum(file => file.ReadRecords().LongCount());
            if (total == 0)
            {
                throw new CliException($"{string.Join(", ", sources.Select(f => f.Path))}: no nodes or relationships to import");
            }
            var size = Math.Max(1, parse.GetValue(batchSize));
            var policy = parse.GetValue(onConflict) switch
            {
                "replace" => OnConflict.Replace,
                "merge" => OnConflict.Merge,
                _ => OnConflict.Fail,
            };
            var timeout = TimeSpan.FromSeconds(parse.GetValue(deadline));
            var plan = new ImportRun(connection, sources, size, total, timeout, policy);
            // Under fail a later batch could meet a stored name after earlier ones were committed: a dry run of the
            // whole import first finds every such name while nothing is written yet.
            var response = await plan.SendAsync(dryRun: parse.GetValue(dryRun) || policy == OnConflict.Fail, ct);
            if (!parse.GetValue(dryRun) && policy == OnConflict.Fail)
            {
                response = await plan.SendAsync(dryRun: false, ct);
            }
            Render.Message(response, connection.Output, () => AnsiConsole.MarkupLine(Markup.Escape(ImportRun.Describe(response))));
        }));
        return command;
    }

    /// <summary>One import's files, sent as an ImportGraph stream (for real or as a dry run).</summary>
    private sealed class ImportRun(Connection connection, IReadOnlyList<IImportFile> sources, int size, long total, TimeSpan timeout, OnConflict policy)
    {
        public async Task<ImportGraphResponse> SendAsync(bool dryRun, CancellationToken ct)
        {
            using var call = connection.Graph.ImportGraph(connection.Call(timeout, ct));
            try
            {
                await Progress(connection.Output, dryRun ? "checking" : "importing", total, async advance =>
                {
                    var first = true;
                    foreach (var batch in ImportFiles.Batches(sources, size))
                    {
                        if (first)
                        {
                            batch.Message.OnConflict = policy;
                            batch.Message.DryRun = dryRun;
                            first = false;
                        }
                        await call.RequestStream.WriteAsync(batch.Message, ct);
                        advance(batch.Count);
                    }
                    await call.RequestStream.CompleteAsync();
                });
            }
            catch (RpcException)
            {
                // The server ended the call early; awaiting its response below gives the reason with its details.
            }
            try
            {
                return await call;
            }
            catch (RpcException e)
            {
                throw ImportRejection.Locate(e, sources, size) ?? (Exception)e;
            }
        }

        /// <summary>"imported 3 nodes (2 created, 1 merged, 4 unchanged) and 1 relationship in 1 batch".</summary>
        public static string Describe(ImportGraphResponse response)
        {
            var counts = response.Counts ?? new NodeWriteCounts();
            var parts = new List<string> { Figures.Count(counts.Created, "created", "created") };
            if (counts.Replaced > 0)
            {
                parts.Add(Figures.Count(counts.Replaced, "replaced", "replaced"));
            }
            if (counts.Merged > 0)
            {
                parts.Add(Figures.Count(counts.Merged, "merged", "merged"));
            }
            if (counts.Unchanged > 0)
            {
                parts.Add(Figures.Count(counts.Unchanged, "unchanged", "unchanged"));
            }
            var nodes = counts.Created + counts.Replaced + counts.Merged + counts.Unchanged;
            var what = $"{Figures.Count(nodes, "node")} ({string.Join(", ", parts)}) and {Figures.Count(response.RelationshipsWritten, "relationship")} "
                + $"in {Figures.Count(response.Batches, "batch", "batches")}";
            return response.DryRun ? $"dry run, nothing written: would import {what}" : $"imported {what}";
        }
    }

    public static Command Export()
    {
        var labels = new Option<string[]>("--label", "-l") { Description = "Only these labels (and the relationships among them)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output" };
        var format = new Option<string>("--format") { Description = "jsonl (the import format), graphml or gexf (for Gephi, networkx, yEd)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "graphml", "gexf");
        var command = new Command("export", "Export the graph, nodes first: as JSON lines, GraphML or GEXF") { labels, output, format };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new ExportGraphRequest { BatchSize = 1000 };
            request.Labels.AddRange(parse.GetValue(labels) ?? []);
            var target = parse.GetValue(output);
            await using var writer = target is null ? Console.Out : new StreamWriter(target.FullName);
            using var call = connection.Graph.ExportGraph(request, connection.Call(TimeSpan.FromHours(1), ct));
            long nodes = 0, relationships = 0;
            // The bar only when the records go to a file: on standard output it would be mixed into them.
            await Progress(target is null ? OutputFormat.Json : connection.Output, "exporting", 0, async progress =>
            {
                var stream = new CountedExport(call.ResponseStream, progress);
                (nodes, relationships) = parse.GetValue(format) switch
                {
                    "graphml" => await WriteDocumentAsync(stream, writer, GraphMlWriter.Write, ct),
                    "gexf" => await WriteDocumentAsync(stream, writer, GexfWriter.Write, ct),
                    _ => await ReadAllAsync(stream,
                        node => writer.WriteLineAsync(JsonFormatter.Default.Format(new GraphRecord { Node = node })),
                        relationship => writer.WriteLineAsync(JsonFormatter.Default.Format(new GraphRecord { Relationship = relationship })), ct),
                };
            });
            if (target is not null)
            {
                AnsiConsole.MarkupLine($"exported [green]{nodes:N0}[/] nodes and [green]{relationships:N0}[/] relationships to {Markup.Escape(target.FullName)}");
            }
        }));
        return command;
    }

    /// <summary>Hands each node and relationship of the export on as it arrives; returns how many of each there were.</summary>
    private static async Task<(long Nodes, long Relationships)> ReadAllAsync(
        IAsyncStreamReader<ExportGraphResponse> stream, Func<Node, Task> onNode, Func<Relationship, Task> onRelationship, CancellationToken ct)
    {
        long nodes = 0, relationships = 0;
        await foreach (var batch in stream.ReadAllAsync(ct))
        {
            foreach (var node in batch.Nodes)
            {
                await onNode(node);
            }
            foreach (var relationship in batch.Relationships)
            {
                await onRelationship(relationship);
            }
            nodes += batch.Nodes.Count;
            relationships += batch.Relationships.Count;
        }
        return (nodes, relationships);
    }

    /// <summary>Learns the attributes while spooling the records, then writes the document, whose attribute declarations come first.</summary>
    private static async Task<(long Nodes, long Relationships)> WriteDocumentAsync(IAsyncStreamReader<ExportGraphResponse> stream, TextWriter writer,
        Action<TextWriter, AttributeSchema, IEnumerable<Node>, IEnumerable<Relationship>> write, CancellationToken ct)
    {
        var schema = new AttributeSchema();
        using var nodes = new ExportSpool<Node>(Node.Parser);
        using var relationships = new ExportSpool<Relationship>(Relationship.Parser);
        var counts = await ReadAllAsync(stream,
            node =>
            {
                schema.Add(node);
                nodes.Add(node);
                return Task.CompletedTask;
            },
            relationship =>
            {
                schema.Add(relationship);
                relationships.Add(relationship);
                return Task.CompletedTask;
            }, ct);
        write(writer, schema, nodes.Replay(), relationships.Replay());
        return counts;
    }

    /// <summary>A progress bar with rate and time left on a terminal; nothing extra when printing JSON or redirected.</summary>
    private static Task Progress(OutputFormat format, string what, long total, Func<Action<int>, Task> work) =>
        Progress(format, what, total, (ProgressReport progress) => work(progress.Advance));

    /// <summary>As above, for work that learns its total as it goes (an export learns it from the first message).</summary>
    private static async Task Progress(OutputFormat format, string what, long total, Func<ProgressReport, Task> work)
    {
        if (format == OutputFormat.Json || Console.IsOutputRedirected)
        {
            await work(new ProgressReport(_ => { }, _ => { }));
            return;
        }
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(what, maxValue: Math.Max(1, total));
                await work(new ProgressReport(n => task.Increment(n), t => task.MaxValue = Math.Max(1, t)));
                task.Value = task.MaxValue;
            });
    }

    /// <summary>Moves a bar on by some records, or sets how many records it expects in all.</summary>
    private sealed record ProgressReport(Action<int> Advance, Action<long> Expect);

    /// <summary>The export stream, telling the bar how many records to expect (from the first message) and how many came.</summary>
    private sealed class CountedExport(IAsyncStreamReader<ExportGraphResponse> inner, ProgressReport progress) : IAsyncStreamReader<ExportGraphResponse>
    {
        private bool _first = true;

        public ExportGraphResponse Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }
            if (_first)
            {
                progress.Expect(inner.Current.ExpectedNodes + inner.Current.ExpectedRelationships);
                _first = false;
            }
            progress.Advance(inner.Current.Nodes.Count + inner.Current.Relationships.Count);
            return true;
        }
    }
}
