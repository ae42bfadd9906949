using System.Diagnostics;
using System.Globalization;
using LocalVision.Graph.Migration;
using LocalVision.Graph.Store;
using LocalVision.Server.Hosting;

namespace LocalVision.Server.Migration;

/// <summary>Where a command writes its result and its messages, and whether the messages go to a terminal.</summary>
public sealed record CommandConsole(TextWriter Output, TextWriter Error, bool ErrorIsTerminal);

/// <summary>
/// <c>LocalVision.Server migrate --from SOURCE --to TARGET</c>: copies a whole graph from one store into another —
/// the embedded store to Neo4j, back, or file to file — with <see cref="GraphMigration"/>, showing progress and
/// ending with the count check. It is a command of the server, not of <c>lv</c>, because it copies store to store:
/// a running service serves one store (and holds a SQLite one locked), so the API can reach only one side.
/// </summary>
public static class MigrateCommand
{
    private const int DefaultBatchSize = 1000;
    private const int MaxBatchSize = GraphStoreAddress.MaxNeo4jBatchSize;
    /// <summary>Where the commands take a Neo4j password from when configuration gives none.</summary>
    public const string PasswordVariable = "NEO4J_PASSWORD";

    private const string Usage = """
        usage: LocalVision.Server migrate --from SOURCE --to TARGET [--batch-size N] [--into-non-empty]
        copies the whole graph in SOURCE into TARGET, then checks the counts of every label and relationship type
          SOURCE, TARGET    a SQLite store file (graph.db) or a Neo4j address (neo4j://user@host, http(s)://user@host:port),
                            as --store takes them; the source must exist, a SQLite target is created if need be
          --batch-size N    nodes or relationships written per transaction (default 1000)
          --into-non-empty  copy into a target that already holds a graph: nodes and relationships of the same name are
                            replaced and the rest of both kept, so the graphs mix and the check can only bound the counts
        Neo4j's database, user and password come from configuration (appsettings.json, LocalVision__Store__Neo4j__Database,
        __User, __Password) or, for the password, NEO4J_PASSWORD; never from the command line.
        Stop the service using either store first: a SQLite store is locked by it, and writes to the source spoil the check.
        exit status: 0 copied and checked; 1 failed (a target that was written to holds part of the graph); 2 bad arguments
        """;

    /// <summary>Runs in this process's console: settings from appsettings.json and the environment; Ctrl+C stops the copy.</summary>
    public static async Task<int> RunInConsoleAsync(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build();
            return await RunAsync(args, configuration, new CommandConsole(Console.Out, Console.Error, !Console.IsErrorRedirected), interrupted.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, CommandConsole console, CancellationToken cancellationToken)
    {
        string? from = null;
        string? to = null;
        var batchSize = DefaultBatchSize;
        var merge = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--from" when value is not null:
                    from = value;
                    i++;
                    break;
                case "--to" when value is not null:
                    to = value;
                    i++;
                    break;
                case "--batch-size" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out batchSize) || batchSize is < 1 or > MaxBatchSize)
                    {
                        return Fail(console, 2, $"--batch-size takes a whole number from 1 to {MaxBatchSize:N0}");
                    }
                    i++;
                    break;
                case "--into-non-empty":
                    merge = true;
                    break;
                case "-h" or "--help":
                    console.Output.WriteLine(Usage);
                    return 0;
                case var other when other.Contains("password", StringComparison.OrdinalIgnoreCase):
                    return Fail(console, 2, $"the Neo4j password is never taken from the command line; put it in {PasswordVariable} or LocalVision__Store__Neo4j__Password");
                default:
                    return Fail(console, 2, $"`{args[i]}` is not an option of migrate (or lacks its value); `migrate --help` lists them");
            }
        }
        if (from is null || to is null)
        {
            return Fail(console, 2, "migrate needs --from SOURCE and --to TARGET; `migrate --help` says what they may be");
        }

        GraphStoreAddress source;
        GraphStoreAddress target;
        try
        {
            source = Address(from, configuration);
            target = Address(to, configuration);
        }
        catch (StartupConfigurationException e)
        {
            return Fail(console, 2, e.Message);
        }
        if (source.IsSameStoreAs(target))
        {
            return Fail(console, 2, $"--from and --to are the same store ({source.Location}); a graph cannot be copied onto itself");
        }
        if (source is GraphStoreAddress.SqliteStore { Path: var path } && !File.Exists(path))
        {
            return Fail(console, 1, $"there is no store at {path} to copy from");
        }
        foreach (var note in new[] { source.Note, target.Note }.OfType<string>().Distinct())
        {
            console.Error.WriteLine($"migrate: {note}");
        }
        return await CopyAsync(source, target, batchSize, merge, console, cancellationToken);
    }

    /// <summary>The store named on the command line, with the Neo4j settings configured for the service; never its configured address.</summary>
    private static GraphStoreAddress Address(string text, IConfiguration configuration)
    {
        var configured = configuration.GetSection(LocalVisionOptions.Section).Get<LocalVisionOptions>()?.Store ?? new StoreOptions();
        return GraphStoreAddress.From(new StoreOptions
        {
            Path = text,
            Durable = configured.Durable,
            Neo4j = new Neo4jStoreSettings
            {
                Database = configured.Neo4j.Database,
                User = configured.Neo4j.User,
                Password = configured.Neo4j.Password ?? configuration[PasswordVariable],
                BatchSize = configured.Neo4j.BatchSize,
            },
        });
    }

    private static async Task<int> CopyAsync(
        GraphStoreAddress sourceAddress, GraphStoreAddress targetAddress, int batchSize, bool merge, CommandConsole console, CancellationToken cancellationToken)
    {
        IGraphStore? source = null;
        IGraphStore? target = null;
        var progress = new ProgressLine(console.Error, console.ErrorIsTerminal, TimeProvider.System);
        var started = Stopwatch.StartNew();
        var wrote = false;
        try
        {
            source = await sourceAddress.OpenAsync(cancellationToken);
            target = await targetAddress.OpenAsync(cancellationToken);
            console.Error.WriteLine($"migrate: copying {source.Location} into {target.Location}");
            var report = await new GraphMigration(source, target, batchSize, merge).RunAsync(p =>
            {
                wrote |= p.NodesCopied + p.RelationshipsCopied > 0;
                progress.Report(p);
            }, cancellationToken);
            progress.End();
            console.Output.WriteLine($"Copied {report.Source.Nodes:N0} nodes and {report.Source.Relationships:N0} relationships "
                + $"from {source.Location} to {target.Location} in {started.Elapsed.TotalSeconds:N1} s.");
            if (report.TheoryVersions > 0)
            {
                console.Output.WriteLine($"Copied {report.TheoryVersionsCopied:N0} of the {report.TheoryVersions:N0} versions of the programme theory, "
                    + "each with its author, time and note; the target's history is the source's.");
            }
            WriteCounts(console.Output, report, merge);
            console.Output.WriteLine(merge
                ? "Every count is within bounds: at least the larger of source and target before, at most their sum."
                : "Every count matches.");
            return 0;
        }
        catch (GraphMigrationException e) when (e.Failure == MigrationFailure.TargetNotEmpty)
        {
            return Fail(console, 1, $"{e.Message}, or pass --into-non-empty to merge the graphs", progress);
        }
        catch (GraphMigrationException e)
        {
            progress.End();
            if (e.Report is { } report)
            {
                WriteCounts(console.Output, report, merge);
            }
            return Fail(console, 1, e.Message, progress);
        }
        catch (Exception e) when (e is GraphStoreUnavailableException or GraphValidationException or MissingNodesException)
        {
            return Fail(console, 1, e.Message + Partly(wrote, target), progress);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(console, 1, "interrupted" + Partly(wrote, target), progress);
        }
        finally
        {
            if (target is not null)
            {
                await target.DisposeAsync();
            }
            if (source is not null)
            {
                await source.DisposeAsync();
            }
        }
    }

    private static string Partly(bool wrote, IGraphStore? target) =>
        wrote ? $"; {target!.Location} holds part of the graph: empty it before migrating again" : "; nothing was copied";

    /// <summary>Source and target counts side by side (with the target's before when merging): nodes by label, relationships by type.</summary>
    private static void WriteCounts(TextWriter output, MigrationReport report, bool merge)
    {
        var rows = new List<(string Name, long Source, long Before, long Target)>
        {
            ("nodes", report.Source.Nodes, report.TargetBefore.Nodes, report.Target.Nodes),
        };
        rows.AddRange(Breakdown(report.Source.NodesByLabel, report.TargetBefore.NodesByLabel, report.Target.NodesByLabel));
        rows.Add(("relationships", report.Source.Relationships, report.TargetBefore.Relationships, report.Target.Relationships));
        rows.AddRange(Breakdown(report.Source.RelationshipsByType, report.TargetBefore.RelationshipsByType, report.Target.RelationshipsByType));

        var width = rows.Max(r => r.Name.Length);
        output.WriteLine($"{"".PadRight(width)}  {"source",12}" + (merge ? $"  {"target before",14}" : "") + $"  {"target",12}");
        foreach (var (name, source, before, target) in rows)
        {
            output.WriteLine($"{name.PadRight(width)}  {source,12:N0}" + (merge ? $"  {before,14:N0}" : "") + $"  {target,12:N0}");
        }
    }

    private static IEnumerable<(string, long, long, long)> Breakdown(
        IReadOnlyDictionary<string, long> source, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> target) =>
        source.Keys.Union(before.Keys).Union(target.Keys).Order(StringComparer.Ordinal)
            .Select(key => ("  " + key, source.GetValueOrDefault(key), before.GetValueOrDefault(key), target.GetValueOrDefault(key)));

    private static int Fail(CommandConsole console, int code, string message, ProgressLine? progress = null)
    {
        progress?.End();
        console.Error.WriteLine($"migrate: {message}");
        return code;
    }
}
