using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Access;

/// <summary>
/// Confidential evidence (report §3.2, note 10) on every read path: a reader sees that it exists, its kind, date and
/// section, never its summary or respondent; an evidence reader and an admin see it all.
/// </summary>
public sealed class ConfidentialEvidenceTests : IAsyncLifetime
{
    private const string Confidential = "evidence/bdp-interview-honest-conversations";
    private const string Open = "evidence/bdp-site-visit-integration";
    private const string Observation = "observations/bdp-safe-space";

    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: true, new Dictionary<string, Roles>
        {
            ["reader"] = Roles.Reader,
            ["evaluator"] = Roles.Evaluator,
            ["evidence-reader"] = Roles.EvidenceReader,
            ["admin"] = Roles.Admin,
        });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private GraphService.GraphServiceClient GraphAs(string key) => new(_server.As(key));

    private static void AssertRedacted(Node node)
    {
        Assert.Equal(EvidenceRedactor.Placeholder, node.Properties.Fields["summary"].StringValue);
        Assert.Equal(EvidenceRedactor.Placeholder, node.Properties.Fields["respondentRole"].StringValue);
        Assert.Equal("INTERVIEW", node.Properties.Fields["kind"].StringValue);
        Assert.True(node.Properties.Fields["confidential"].BoolValue);
    }

    private static void AssertRevealed(Node node)
    {
        Assert.Contains("candid exchanges", node.Properties.Fields["summary"].StringValue);
        Assert.Equal("LV Project Partner", node.Properties.Fields["respondentRole"].StringValue);
    }

    [Fact]
    public async Task GetNode_Reader_SeesConfidentialEvidenceRedacted()
    {
        var node = await GraphAs("reader").GetNodeAsync(new GetNodeRequest { Name = Confidential }, cancellationToken: Ct);

        AssertRedacted(node);
    }

    [Theory]
    [InlineData("evidence-reader")]
    [InlineData("admin")]
    public async Task GetNode_EvidenceReaderOrAdmin_SeesItAll(string key)
    {
        var node = await GraphAs(key).GetNodeAsync(new GetNodeRequest { Name = Confidential }, cancellationToken: Ct);

        AssertRevealed(node);
    }

    [Fact]
    public async Task GetNode_ReaderOnEvidenceThatIsNotConfidential_SeesItAll()
    {
        var node = await GraphAs("reader").GetNodeAsync(new GetNodeRequest { Name = Open }, cancellationToken: Ct);

        Assert.NotEqual(EvidenceRedactor.Placeholder, node.Properties.Fields["summary"].StringValue);
    }

    [Fact]
    public async Task ListNodes_Reader_RedactsEveryConfidentialItemAndNoOther()
    {
        var page = await GraphAs("reader").ListNodesAsync(new ListNodesRequest { Label = "Evidence", PageSize = 1000 }, cancellationToken: Ct);

        var confidential = page.Nodes.Where(n => n.Properties.Fields["confidential"].BoolValue).ToList();
        Assert.NotEmpty(confidential);
        Assert.All(confidential, n => Assert.Equal(EvidenceRedactor.Placeholder, n.Properties.Fields["summary"].StringValue));
        Assert.All(page.Nodes.Except(confidential), n => Assert.NotEqual(EvidenceRedactor.Placeholder, n.Properties.Fields["summary"].StringValue));
        AssertRedacted(page.Nodes.Single(n => n.Name == Confidential));
    }

    [Fact]
    public async Task ListNodes_EvidenceReader_SeesItAll()
    {
        var page = await GraphAs("evidence-reader").ListNodesAsync(new ListNodesRequest { Label = "Evidence", PageSize = 1000 }, cancellationToken: Ct);

        Assert.DoesNotContain(page.Nodes, n => n.Properties.Fields["summary"].StringValue == EvidenceRedactor.Placeholder);
        AssertRevealed(page.Nodes.Single(n => n.Name == Confidential));
    }

    [Theory]
    [InlineData("Evidence", "respondentRole = \"LV Project Partner\"")]
    [InlineData("", "summary >= \"A\"")]
    [InlineData("Evidence", "kind = \"INTERVIEW\" AND dateNote != \"x\"")]
    public async Task ListNodes_ReaderFilteringOnAHiddenProperty_IsPermissionDenied(string label, string filter)
    {
        // Which nodes match would reveal the hidden values, so the filter itself is refused.
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied,
            () => GraphAs("reader").ListNodesAsync(new ListNodesRequest { Label = label, Filter = filter }, cancellationToken: Ct));
    }

    [Fact]
    public async Task ListNodes_ReaderFilteringOnVisibleProperties_IsServed()
    {
        var page = await GraphAs("reader").ListNodesAsync(new ListNodesRequest { Label = "Evidence", Filter = "confidential = true AND kind = \"INTERVIEW\"" }, cancellationToken: Ct);

        Assert.NotEmpty(page.Nodes);
        Assert.All(page.Nodes, n => Assert.Equal(EvidenceRedactor.Placeholder, n.Properties.Fields["summary"].StringValue));
    }

    [Fact]
    public async Task ListNodes_EvidenceReaderFilteringOnRespondentRole_IsServed()
    {
        var page = await GraphAs("evidence-reader").ListNodesAsync(
            new ListNodesRequest { Label = "Evidence", Filter = "respondentRole = \"LV Project Partner\"" }, cancellationToken: Ct);

        Assert.Contains(page.Nodes, n => n.Name == Confidential);
    }

    [Fact]
    public async Task GetNeighborhood_Reader_RedactsConfidentialEvidenceAmongTheNodes()
    {
        var subgraph = await GraphAs("reader").GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = Observation, Depth = 1 }, cancellationToken: Ct);

        AssertRedacted(subgraph.Nodes.Single(n => n.Name == Confidential));
    }

    [Fact]
    public async Task GetNeighborhood_EvidenceReader_SeesItAll()
    {
        var subgraph = await GraphAs("evidence-reader").GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = Observation, Depth = 1 }, cancellationToken: Ct);

        AssertRevealed(subgraph.Nodes.Single(n => n.Name == Confidential));
    }

    [Fact]
    public async Task ExportGraph_Reader_RedactsEveryConfidentialItem()
    {
        var nodes = await ExportAsync("reader");

        var confidential = nodes.Where(n => n.Label == "Evidence" && n.Properties.Fields["confidential"].BoolValue).ToList();
        Assert.NotEmpty(confidential);
        Assert.All(confidential, n =>
        {
            Assert.Equal(EvidenceRedactor.Placeholder, n.Properties.Fields["summary"].StringValue);
            Assert.Equal(EvidenceRedactor.Placeholder, n.Properties.Fields["respondentRole"].StringValue);
        });
        Assert.DoesNotContain(nodes.SelectMany(n => n.Properties.Fields.Values), v => v.StringValue.Contains("candid exchanges", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportGraph_EvidenceReader_SeesItAll()
    {
        var nodes = await ExportAsync("evidence-reader");

        AssertRevealed(nodes.Single(n => n.Name == Confidential));
    }

    [Fact]
    public async Task UpsertNodes_EvaluatorWithoutEvidenceRole_GetsItsConfidentialWriteBackRedacted()
    {
        var evidence = new Node
        {
            Name = "evidence/new-confidential-interview",
            Label = "Evidence",
            DisplayName = "New interview",
            Properties = new Struct
            {
                Fields =
                {
                    ["kind"] = Value.ForString("INTERVIEW"),
                    ["summary"] = Value.ForString("A chief executive said something sensitive."),
                    ["confidential"] = Value.ForBool(true),
                    ["respondentRole"] = Value.ForString("Chief Executive"),
                },
            },
        };

        var written = await GraphAs("evaluator").UpsertNodesAsync(new UpsertNodesRequest { Nodes = { evidence } }, cancellationToken: Ct);
        var asEvidenceReader = await GraphAs("evidence-reader").GetNodeAsync(new GetNodeRequest { Name = evidence.Name }, cancellationToken: Ct);

        Assert.Equal(EvidenceRedactor.Placeholder, written.Nodes[0].Properties.Fields["summary"].StringValue);
        Assert.Equal("Chief Executive", asEvidenceReader.Properties.Fields["respondentRole"].StringValue);
    }

    private async Task<List<Node>> ExportAsync(string key)
    {
        using var call = GraphAs(key).ExportGraph(new ExportGraphRequest { BatchSize = 100 }, cancellationToken: Ct);
        var nodes = new List<Node>();
        await foreach (var batch in call.ResponseStream.ReadAllAsync(Ct))
        {
            nodes.AddRange(batch.Nodes);
        }
        return nodes;
    }
}
