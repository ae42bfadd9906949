using LocalVision.Graph.Model;
using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;
using LocalVision.Server.Hosting;
using LocalVision.Server.Migration;
using LocalVision.Server.Tests.Hosting;
using LocalVision.Testing.Dataset;
using LocalVision.Testing.Neo4j;
using LocalVision.Testing.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Server.Tests.Migration;

/// <summary><c>LocalVision.Server migrate</c>, run in-process with captured output, between real store files and the scripted FAKE Neo4j over HTTP.</summary>
public sealed class MigrateCommandTests(SeededServerFixture seeded) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_SampleDatasetSqliteToSqlite_CopiesEveryNodeAndRelationship()
    {
        var source = await SampleStoreAsync();
        var target = InFolder("copy.db");

        var (code, output, error) = await MigrateAsync("--from", source, "--to", target, "--batch-size", "250");

        Assert.Equal(0, code);
        var (expected, copied) = (await ContentsAsync(source), await ContentsAsync(target));
        Assert.Equal(expected.Nodes, copied.Nodes);
        Assert.Equal(expected.Relationships, copied.Relationships);
        Assert.Contains($"Copied {expected.Nodes.Count:N0} nodes and {expected.Relationships.Count:N0} relationships from {source} to {target}", output);
        Assert.Matches(@"\n  Partner +\d[\d,]* +\d[\d,]*\r?\n", output);
        Assert.Matches(@"\n  PARTNER_IN +\d[\d,]* +\d[\d,]*\r?\n", output);
        Assert.EndsWith("Every count matches." + Environment.NewLine, output);
        var progress = error.Split(Environment.NewLine).Where(l => l.Contains(" relationships copied", StringComparison.Ordinal)).ToList();
        Assert.StartsWith($"migrate: 0 of {expected.Nodes.Count:N0} nodes, 0 of {expected.Relationships.Count:N0} relationships", progress[0]);
        Assert.StartsWith($"migrate: {expected.Nodes.Count:N0} of {expected.Nodes.Count:N0} nodes, {expected.Relationships.Count:N0} of {expected.Relationships.Count:N0} relationships", progress[^1]);
        Assert.DoesNotContain('\r', error);
    }

    [Fact]
    public async Task Migrate_StoreWithARefinedTheory_CopiesEveryVersionWithItsAuthorTimeAndNote()
    {
        var source = await SampleStoreAsync();
        TheoryVersionRecord[] history =
        [
            new("1", "rules: []\n", "the initial programme theory", "LocalVision", DateTimeOffset.FromUnixTimeMilliseconds(1_577_836_800_123)),
            new("2", "rules:\n- id: A\n", "refined after the West Cheshire deviant case", "evaluator-ann", DateTimeOffset.FromUnixTimeMilliseconds(1_580_515_200_456)),
        ];
        await using (var store = SqliteGraphStore.Open(source, new SqliteStoreOptions(Durable: false)))
        {
            foreach (var version in history)
            {
                await store.CopyTheoryVersionAsync(version, Ct);
            }
        }
        var target = InFolder("copy.db");

        var (code, output, _) = await MigrateAsync("--from", source, "--to", target);

        Assert.Equal(0, code);
        Assert.Contains("Copied 2 of the 2 versions of the programme theory, each with its author, time and note", output);
        await using var copied = SqliteGraphStore.Open(target, new SqliteStoreOptions(Durable: false));
        Assert.Equal(history, await copied.ListTheoryVersionsAsync(Ct));
    }

    [Fact]
    public async Task Migrate_SqliteToNeo4jAndBack_ArrivesWholeWithoutShowingThePassword()
    {
        await using var neo4j = await ScriptedNeo4jOverHttp.StartAsync(Ct);
        var source = await SampleStoreAsync();
        var back = InFolder("back.db");

        var there = await MigrateAsync("--from", source, "--to", neo4j.Address);
        var again = await MigrateAsync("--from", neo4j.Address, "--to", back);

        Assert.Equal(0, there.Code);
        Assert.Equal(0, again.Code);
        Assert.Contains($"to neo4j http://127.0.0.1:{new Uri(neo4j.Address).Port} database neo4j as neo4j", there.Output);
        var (original, roundTripped) = (await ContentsAsync(source), await ContentsAsync(back));
        Assert.Equal(original.Nodes, roundTripped.Nodes);
        Assert.Equal(original.Relationships, roundTripped.Relationships);
        Assert.DoesNotContain(ScriptedNeo4j.Password, there.Output + there.Error + again.Output + again.Error);
    }

    [Fact]
    public async Task Migrate_Neo4jTurnsReadOnlyMidway_FailsInOneLineSayingTheTargetHoldsPartOfTheGraph()
    {
        await using var neo4j = await ScriptedNeo4jOverHttp.StartAsync(Ct);
        neo4j.TurnReadOnlyAt("MERGE (a)-[r:");
        var source = await SampleStoreAsync();

        var (code, output, error) = await MigrateAsync("--from", source, "--to", neo4j.Address);

        Assert.Equal(1, code);
        Assert.DoesNotContain("Every count", output);
        var failure = Assert.Single(error.Split(Environment.NewLine), l => l.StartsWith("migrate: the Neo4j database", StringComparison.Ordinal));
        Assert.Contains("is read-only", failure);
        Assert.EndsWith("holds part of the graph: empty it before migrating again", failure);
    }

    [Fact]
    public async Task Migrate_ToATerminal_RewritesOneProgressLine()
    {
        var source = await SampleStoreAsync();

        var (code, _, error) = await MigrateAsync(terminal: true, "--from", source, "--to", InFolder("copy.db"), "--batch-size", "100");

        Assert.Equal(0, code);
        var progress = Assert.Single(error.Split(Environment.NewLine), l => l.Contains(" relationships copied", StringComparison.Ordinal));
        Assert.StartsWith("\rmigrate: 0 of ", progress);
        Assert.True(progress.Count(c => c == '\r') >= 2, "the line is rewritten in place at least once");
    }

    [Fact]
    public async Task Migrate_IntoNonEmptyTarget_IsRefusedUnlessMergingIsAskedFor()
    {
        var source = await SampleStoreAsync();
        var target = InFolder("target.db");
        await using (var store = SqliteGraphStore.Open(target))
        {
            await store.WriteAsync(new GraphBatch([Partner("already-there")], []), WriteOptions.None, Ct);
        }

        var refused = await MigrateAsync("--from", source, "--to", target);
        var countAfterRefusal = (await ContentsAsync(target)).Nodes.Count;
        var merged = await MigrateAsync("--from", source, "--to", target, "--into-non-empty");

        Assert.Equal(1, refused.Code);
        Assert.Contains("already holds 1 nodes and 0 relationships", refused.Error);
        Assert.Contains("or pass --into-non-empty to merge the graphs", refused.Error);
        Assert.Equal(1, countAfterRefusal);
        Assert.Equal(0, merged.Code);
        Assert.Contains("target before", merged.Output);
        Assert.Contains("Every count is within bounds", merged.Output);
        var nodes = (await ContentsAsync(target)).Nodes;
        Assert.Equal((await ContentsAsync(source)).Nodes.Count + 1, nodes.Count);
        Assert.Contains(nodes, n => n.StartsWith("partners/already-there ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_SameSqliteFile_IsRefusedBeforeOpeningIt()
    {
        var source = InFolder("source.db");
        var sameByAnotherPath = Path.Combine(_folder, "..", Path.GetFileName(_folder), "source.db");

        var (code, _, error) = await MigrateAsync("--from", source, "--to", sameByAnotherPath);

        Assert.Equal(2, code);
        Assert.Equal($"migrate: --from and --to are the same store ({source}); a graph cannot be copied onto itself" + Environment.NewLine, error);
        Assert.False(File.Exists(source));
    }

    [Fact]
    public async Task Migrate_SameNeo4jDatabaseWrittenTwoWays_IsRefusedWithoutConnecting()
    {
        // Nothing listens on graph.invalid: a connection attempt would fail with another message.
        var (code, _, error) = await MigrateAsync("--from", "neo4j://graph.invalid", "--to", "http://GRAPH.invalid:7474");

        Assert.Equal(2, code);
        Assert.Contains("are the same store (neo4j http://graph.invalid:7474 database neo4j)", error);
    }

    [Fact]
    public async Task Migrate_MissingSourceFile_SaysSoAndCreatesNothing()
    {
        var missing = InFolder("missing.db");

        var (code, _, error) = await MigrateAsync("--from", missing, "--to", InFolder("copy.db"));

        Assert.Equal(1, code);
        Assert.Equal($"migrate: there is no store at {missing} to copy from" + Environment.NewLine, error);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(InFolder("copy.db")));
    }

    [Fact]
    public async Task Migrate_SourceInUseByRunningServer_GivesTheStoresInUseError()
    {
        var (code, _, error) = await MigrateAsync("--from", seeded.Server.StorePath, "--to", InFolder("copy.db"));

        Assert.Equal(1, code);
        Assert.StartsWith($"migrate: the store {seeded.Server.StorePath} is in use by another LocalVision process", error);
    }

    [Theory]
    [InlineData("neo4j://graph.internal/localvision", "has a path; name the database in LocalVision:Store:Neo4j:Database")]
    [InlineData("neo4j://ops:hunter2@graph.internal", "the Neo4j address carries a password")]
    [InlineData("neo4j://ops:hunter2@graph internal", "is not a Neo4j address")]
    public async Task Migrate_BadNeo4jAddress_IsABadArgumentAndNeverEchoesAPassword(string address, string expected)
    {
        var (code, output, error) = await MigrateAsync("--from", InFolder("source.db"), "--to", address);

        Assert.Equal(2, code);
        Assert.StartsWith("migrate: ", error);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("hunter2", output + error);
    }

    [Fact]
    public async Task Migrate_UnreachableNeo4j_SaysItCannotBeReached()
    {
        var source = await SampleStoreAsync();

        var (code, _, error) = await MigrateAsync("--from", source, "--to", "http://127.0.0.1:1");

        Assert.Equal(1, code);
        Assert.StartsWith("migrate: ", error);
        Assert.Contains("127.0.0.1:1", error);
    }

    [Theory]
    [InlineData("--from", "a.db")]
    [InlineData("--from", "a.db", "--to", "b.db", "--batch-size", "0")]
    [InlineData("--from", "a.db", "--to", "b.db", "--batch-size", "many")]
    [InlineData("--from", "a.db", "--to", "b.db", "--force")]
    [InlineData("--from", "a.db", "--to", "neo4j://graph.internal", "--password", "hunter2")]
    public async Task Migrate_BadArguments_FailWithExitCode2AndOneLine(params string[] args)
    {
        var (code, output, error) = await MigrateAsync(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split(Environment.NewLine));
        Assert.StartsWith("migrate: ", error);
        Assert.DoesNotContain("hunter2", error);
    }

    [Fact]
    public async Task Migrate_Help_PrintsUsage()
    {
        var (code, output, _) = await MigrateAsync("--help");

        Assert.Equal(0, code);
        Assert.StartsWith("usage: LocalVision.Server migrate --from SOURCE --to TARGET", output);
        Assert.Contains("--into-non-empty", output);
        Assert.Contains("NEO4J_PASSWORD", output);
    }

    /// <summary>A store file holding the shipped sample dataset, closed so the command can open it.</summary>
    private async Task<string> SampleStoreAsync()
    {
        var path = InFolder("source.db");
        await using var store = SqliteGraphStore.Open(path, new SqliteStoreOptions(Durable: false));
        await SampleDataset.LoadAsync(store, Ct);
        return path;
    }

    private static async Task<(List<string> Nodes, List<string> Relationships)> ContentsAsync(string path)
    {
        await using var store = SqliteGraphStore.Open(path, new SqliteStoreOptions(Durable: false));
        return await StoreContents.ReadAsync(store, Ct);
    }

    private string InFolder(string name)
    {
        Directory.CreateDirectory(_folder);
        return Path.Combine(_folder, name);
    }

    private static Task<(int Code, string Output, string Error)> MigrateAsync(params string[] args) => MigrateAsync(terminal: false, args);

    private static async Task<(int Code, string Output, string Error)> MigrateAsync(bool terminal, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NEO4J_PASSWORD"] = ScriptedNeo4j.Password,
            [$"{LocalVisionOptions.Section}:Store:Durable"] = "false",
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await MigrateCommand.RunAsync(args, configuration, new CommandConsole(output, error, terminal), Ct);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
