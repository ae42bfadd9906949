using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LocalVision.Server.Tests.Access;

/// <summary>
/// The audit log holds under abuse: an entry is a bounded summary whatever the call held, a caller's refusals are
/// written at most once per window and counted, every page can be read, and the log's use per day is reported.
/// Before, one refused UpsertNodes of 100 names of 100 KB added 9.6 MiB, and two such entries made
/// ListAuditEntries fail with RESOURCE_EXHAUSTED.
/// </summary>
public sealed class AuditAbuseTests : IAsyncLifetime
{
    private const int HugeName = 100_000;

    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles>
        {
            ["reader"] = Roles.Reader,
            ["evaluator"] = Roles.Evaluator,
            ["ops"] = Roles.Admin,
        }, "--LocalVision:Access:RefusalWindowSeconds=3600");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private string AccessPath => SqliteAccessStore.PathBeside(_server.StorePath);

    private AccessService.AccessServiceClient Access => new(_server.As("ops"));

    private async Task<List<AuditEntry>> AuditAsync() =>
        (await Access.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1000 }, cancellationToken: Ct)).Entries.ToList();

    private long AccessFileBytes() =>
        new[] { AccessPath, AccessPath + "-wal" }.Where(File.Exists).Sum(path => new FileInfo(path).Length);

    private static UpsertNodesRequest HugeNames(int count) => new()
    {
        Nodes =
        {
            Enumerable.Range(0, count).Select(i => new Node
            {
                Name = $"partners/{new string('x', HugeName)}-{i}",
                Label = "Partner",
                Properties = new Struct { Fields = { ["name"] = Value.ForString("x"), ["kind"] = Value.ForString("CCG") } },
            }),
        },
    };

    [Theory]
    [InlineData("reader", StatusCode.PermissionDenied)]
    [InlineData("evaluator", StatusCode.InvalidArgument)]
    public async Task UpsertNodes_HundredNamesOf100KB_AddsOneBoundedEntry(string key, StatusCode refusal)
    {
        var before = AccessFileBytes();
        var request = HugeNames(100);

        await RpcAssert.ThrowsAsync(refusal, () => new GraphService.GraphServiceClient(_server.As(key)).UpsertNodesAsync(request, cancellationToken: Ct));

        var entry = (await AuditAsync()).First(e => e.Caller == key);
        Assert.InRange(entry.CalculateSize(), 1, 8 * 1024);
        Assert.Equal(AuditSummary.MaxResources, entry.Resources.Count);
        Assert.Equal(100, entry.Counts["resources"]);
        Assert.Equal(100, entry.Counts["nodes"]);
        Assert.StartsWith("sha256:", entry.RequestSha256);
        Assert.Contains("(100,", entry.Resources[0]);
        Assert.True(AccessFileBytes() - before < 256 * 1024, $"the key and audit file grew by {AccessFileBytes() - before:N0} bytes");
    }

    [Fact]
    public async Task UpsertNodes_ReaderRefusedTwoHundredTimes_IsOneEntryThenOneCountingTheRest()
    {
        var asReader = new GraphService.GraphServiceClient(_server.As("reader"));
        for (var i = 0; i < 200; i++)
        {
            await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied,
                () => asReader.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner($"sneaky-{i}") } }, cancellationToken: Ct));
        }
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied,
            () => asReader.DeleteNodeAsync(new DeleteNodeRequest { Name = "partners/sneaky-0" }, cancellationToken: Ct));

        var during = (await AuditAsync()).Where(e => e.Caller == "reader").ToList();
        await _server.Services.GetRequiredService<RefusalLog>().FlushAsync(all: true, Ct);
        var after = (await AuditAsync()).Where(e => e.Caller == "reader").ToList();

        var first = Assert.Single(during);
        Assert.Equal("partners/sneaky-0", Assert.Single(first.Resources));
        Assert.Equal(2, after.Count);
        var counted = after[0];
        Assert.Equal("PERMISSION_DENIED", counted.Outcome);
        Assert.Equal(200, counted.Counts["refused"]);
        Assert.Equal(["/localvision.v1.GraphService/DeleteNode", "/localvision.v1.GraphService/UpsertNodes"], counted.Resources);
        var usage = await Access.GetAuditUsageAsync(new GetAuditUsageRequest { Days = 1 }, cancellationToken: Ct);
        Assert.Equal(201, Assert.Single(usage.Days).Refused);
    }

    [Fact]
    public async Task ListAuditEntries_EntriesWrittenWholeBeforeTheBound_AreReadableAtAnyPageSize()
    {
        // Two entries as the log held them before entries were bounded: every name, 9.6 MiB each.
        using (var connection = new SqliteConnection($"Data Source={AccessPath};Pooling=False"))
        {
            connection.Open();
            for (var n = 0; n < 2; n++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO audit_log (time, key_id, caller, method, resources, outcome) VALUES (0, '', 'old', '/m', @resources, 'PERMISSION_DENIED')";
                command.Parameters.AddWithValue("@resources", System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(0, 100).Select(i => new string('y', HugeName) + i)));
                command.ExecuteNonQuery();
            }
        }

        var page = await Access.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1000 }, cancellationToken: Ct);

        var old = page.Entries.Where(e => e.Caller == "old").ToList();
        Assert.Equal(2, old.Count);
        Assert.All(old, e => Assert.Contains("too large to show", Assert.Single(e.Resources)));
        Assert.InRange(page.CalculateSize(), 1, 64 * 1024);
    }

    [Fact]
    public async Task ListAuditEntries_OverThePageByteBudget_EndsEarlyAndPagesOnToEveryEntry()
    {
        await using var server = await RunningServer.StartAsync(seed: false, new Dictionary<string, Roles> { ["ops"] = Roles.Admin },
            "--LocalVision:Access:AuditPageBytes=2000");
        var graph = new GraphService.GraphServiceClient(server.As("ops"));
        for (var i = 0; i < 20; i++)
        {
            await graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner($"paged-{i}") } }, cancellationToken: Ct);
        }
        var access = new AccessService.AccessServiceClient(server.As("ops"));

        var seen = new List<long>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await access.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1000, PageToken = token }, cancellationToken: Ct);
            Assert.InRange(page.Entries.Sum(e => e.CalculateSize()), 1, 2000);
            seen.AddRange(page.Entries.Select(e => e.Sequence));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.True(pages > 1, $"{pages} page(s)");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i).Reverse(), seen);
    }

    [Fact]
    public async Task GetAuditUsage_AfterWrites_ReportsTodaysEntriesAndBytes()
    {
        var graph = new GraphService.GraphServiceClient(_server.As("evaluator"));
        await graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("counted") } }, cancellationToken: Ct);

        var usage = await Access.GetAuditUsageAsync(new GetAuditUsageRequest(), cancellationToken: Ct);

        var today = Assert.Single(usage.Days);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.Day);
        Assert.True(today.Entries >= 1);
        Assert.InRange(today.Bytes, 100, 64 * 1024);
    }
}
