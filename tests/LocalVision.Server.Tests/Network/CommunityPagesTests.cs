using Google.Protobuf;
using Grpc.Core;
using LocalVision.Graph.Model;
using LocalVision.Graph.Network;
using LocalVision.Graph.Store;
using LocalVision.Server.Tests.Hosting;
using LocalVision.Testing.Builders;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using CommunityAlgorithm = LocalVision.V1.CommunityAlgorithm;
using WriteOptions = LocalVision.Graph.Store.WriteOptions;

namespace LocalVision.Server.Tests.Network;

/// <summary>
/// DetectCommunities in pages through a real channel (issue #15): pages that concatenate to the whole answer, however
/// small a page or the server's message limit, and tokens bound to their request and to an unchanged network.
/// </summary>
public sealed class CommunityPagesTests
{
    /// <summary>One community of 40 (a chain), then 6, 3, 3 and two partners with no tie.</summary>
    private static readonly int[] ComponentSizes = [40, 6, 3, 3, 1, 1];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Partners in chains of <see cref="ComponentSizes"/>, named so that neither the order of writing nor a
    /// component's place says anything of name order, plus a triangle closed on each chain so Louvain has work.
    /// </summary>
    private static async Task<List<string>> WriteComponentsAsync(RunningServer server, int scale = 1)
    {
        var random = new Random(15);
        var total = ComponentSizes.Sum() * scale;
        var slugs = Enumerable.Range(0, total).Select(i => $"member-{i:D5}").OrderBy(_ => random.Next()).ToList();
        var nodes = slugs.Select(s => GraphBuilders.Partner(s)).ToList();
        var ties = new List<GraphRelationship>();
        var first = 0;
        foreach (var size in ComponentSizes.Select(s => s * scale))
        {
            for (var i = first + 1; i < first + size; i++)
            {
                ties.Add(GraphBuilders.Relationship("COLLABORATES_WITH", nodes[i - 1], nodes[i]));
            }
            if (size >= 3)
            {
                ties.Add(GraphBuilders.Relationship("COLLABORATES_WITH", nodes[first], nodes[first + 2]));
            }
            first += size;
        }
        await server.Services.GetRequiredService<IGraphStore>().WriteAsync(new GraphBatch(nodes, ties), WriteOptions.None, Ct);
        return nodes.Select(n => n.Name).ToList();
    }

    private static DetectCommunitiesRequest Request(CommunityAlgorithm algorithm, int pageSize = 0) =>
        new() { Algorithm = algorithm, Labels = { "Partner" }, PageSize = pageSize };

    private static async Task<List<DetectCommunitiesResponse>> PagesAsync(NetworkService.NetworkServiceClient client, DetectCommunitiesRequest request)
    {
        var pages = new List<DetectCommunitiesResponse>();
        var next = new DetectCommunitiesRequest(request);
        do
        {
            var page = await client.DetectCommunitiesAsync(next, cancellationToken: Ct);
            pages.Add(page);
            next.PageToken = page.NextPageToken;
        }
        while (next.PageToken.Length > 0 && pages.Count < 10_000);
        return pages;
    }

    /// <summary>The pages' communities with the parts of one id joined, checking that each part starts where the last stopped.</summary>
    private static List<Community> Joined(IEnumerable<DetectCommunitiesResponse> pages)
    {
        var whole = new List<Community>();
        foreach (var part in pages.SelectMany(p => p.Communities))
        {
            if (whole.Count > 0 && whole[^1].Id == part.Id)
            {
                Assert.Equal(whole[^1].Members.Count, part.FirstMemberIndex);
                whole[^1].Members.AddRange(part.Members);
            }
            else
            {
                Assert.Equal(0, part.FirstMemberIndex);
                whole.Add(part.Clone());
            }
        }
        return whole;
    }

    [Theory]
    [InlineData(CommunityAlgorithm.Wcc)]
    [InlineData(CommunityAlgorithm.Louvain)]
    [InlineData(CommunityAlgorithm.LabelPropagation)]
    public async Task DetectCommunities_SmallPages_ConcatenateToTheUnpagedAnswer(CommunityAlgorithm algorithm)
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);

        var unpaged = await client.DetectCommunitiesAsync(Request(algorithm, CommunityPagesMaxPageSize), cancellationToken: Ct);
        var pages = await PagesAsync(client, Request(algorithm, pageSize: 3));

        Assert.Empty(unpaged.NextPageToken);
        Assert.Equal((ComponentSizes.Sum() + 2) / 3, pages.Count);
        Assert.All(pages, p => Assert.InRange(p.Communities.Sum(c => c.Members.Count), 1, 3));
        Assert.All(pages, p => Assert.Equal((unpaged.Modularity, unpaged.CommunityCount), (p.Modularity, p.CommunityCount)));
        Assert.Contains(unpaged.Communities, c => c.Size > 3);
        Assert.Equal(unpaged.Communities.ToList(), Joined(pages));
    }

    [Fact]
    public async Task DetectCommunities_Wcc_LargestFirstMembersInNameOrderWithSizes()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var names = await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);

        var answer = await client.DetectCommunitiesAsync(Request(CommunityAlgorithm.Wcc), cancellationToken: Ct);

        Assert.Equal(ComponentSizes, answer.Communities.Select(c => c.Size));
        Assert.Equal(Enumerable.Range(0, ComponentSizes.Length), answer.Communities.Select(c => c.Id));
        Assert.Equal(ComponentSizes.Length, answer.CommunityCount);
        Assert.All(answer.Communities, c => Assert.Equal(c.Members.Order(StringComparer.Ordinal), c.Members));
        // Equal sizes come by their first member's name.
        Assert.True(string.CompareOrdinal(answer.Communities[2].Members[0], answer.Communities[3].Members[0]) < 0);
        Assert.True(string.CompareOrdinal(answer.Communities[4].Members[0], answer.Communities[5].Members[0]) < 0);
        Assert.Equal(names.Take(40).Order(StringComparer.Ordinal), answer.Communities[0].Members);
    }

    [Fact]
    public async Task DetectCommunities_PagesOfOneAnswer_DetectOnce()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var cache = server.Services.GetRequiredService<CommunityCache>();
        var before = cache.Detections;

        var pages = await PagesAsync(client, Request(CommunityAlgorithm.Louvain, pageSize: 5));

        Assert.True(pages.Count > 5);
        Assert.Equal(1, cache.Detections - before);
    }

    [Fact]
    public async Task DetectCommunities_PagesOfOneAnswer_AdminStatsShowOneListAndTheOtherPagesAsHits()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var admin = new AdminService.AdminServiceClient(server.Channel);

        var pages = await PagesAsync(client, Request(CommunityAlgorithm.Wcc, pageSize: 5));
        var stats = (await admin.GetServerStatsAsync(new GetServerStatsRequest(), cancellationToken: Ct)).CommunityCache;

        // One list: a 4-byte index per partner, and one per community plus one for where each starts.
        Assert.True(pages.Count > 5);
        Assert.Equal((1, CommunityCache.DefaultCapacity), (stats.Entries, stats.Capacity));
        Assert.Equal((1L, pages.Count - 1L), (stats.Detections, stats.Hits));
        Assert.Equal(4L * (ComponentSizes.Sum() + ComponentSizes.Length + 1), stats.SizeBytes);
    }

    [Fact]
    public async Task DetectCommunities_MembersPerCommunity_NamesTheFirstOnlyAndCountsAll()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var full = await client.DetectCommunitiesAsync(Request(CommunityAlgorithm.Wcc), cancellationToken: Ct);

        var request = Request(CommunityAlgorithm.Wcc, pageSize: 2);
        request.MembersPerCommunity = 2;
        var shape = Joined(await PagesAsync(client, request));

        Assert.Equal(full.Communities.Select(c => c.Size), shape.Select(c => c.Size));
        Assert.Equal(full.Communities.Select(c => c.Members.Take(2).ToList()), shape.Select(c => c.Members.ToList()));
    }

    [Fact]
    public async Task DetectCommunities_UnpagedAnswerOverTheMessageLimit_ComesInPagesWithinIt()
    {
        const int maxMessageBytes = 32 * 1024;
        await using var server = await RunningServer.StartAsync(seed: false, $"--LocalVision:Limits:MaxMessageBytes={maxMessageBytes}");
        var names = await WriteComponentsAsync(server, scale: 40);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var request = Request(CommunityAlgorithm.Wcc, CommunityPagesMaxPageSize);

        var pages = await PagesAsync(client, request);

        var whole = Joined(pages);
        var unpaged = new DetectCommunitiesResponse { Modularity = pages[0].Modularity, CommunityCount = pages[0].CommunityCount, Communities = { whole } };
        Assert.True(unpaged.CalculateSize() > maxMessageBytes, $"the whole answer is {unpaged.CalculateSize()} bytes");
        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.InRange(p.CalculateSize(), 1, maxMessageBytes));
        Assert.Equal(names.Order(StringComparer.Ordinal), whole.SelectMany(c => c.Members).Order(StringComparer.Ordinal));
        Assert.Equal(ComponentSizes.Select(s => s * 40), whole.Select(c => c.Size));
    }

    [Fact]
    public async Task DetectCommunities_TieWrittenBetweenPages_IsFailedPreconditionNetworkChanged()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var names = await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var request = Request(CommunityAlgorithm.Wcc, pageSize: 5);
        var first = await client.DetectCommunitiesAsync(request, cancellationToken: Ct);

        await new GraphService.GraphServiceClient(server.Channel).UpsertRelationshipsAsync(new UpsertRelationshipsRequest
        {
            Relationships = { new Relationship { Type = "COLLABORATES_WITH", Start = names[^1], End = names[^2] } },
        }, cancellationToken: Ct);
        request.PageToken = first.NextPageToken;
        var error = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => client.DetectCommunitiesAsync(request, cancellationToken: Ct));

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations);
        Assert.Equal(("NETWORK_CHANGED", "page_token"), (violation.Type, violation.Subject));
        Assert.Contains("start again", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectCommunities_WriteOutsideTheNetworkBetweenPages_KeepsTheTokenGood()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var unpaged = await client.DetectCommunitiesAsync(Request(CommunityAlgorithm.Wcc), cancellationToken: Ct);
        var request = Request(CommunityAlgorithm.Wcc, pageSize: 30);
        var first = await client.DetectCommunitiesAsync(request, cancellationToken: Ct);

        // A locality is not in a network of partners: the projection is restamped, its content unchanged.
        await server.Services.GetRequiredService<IGraphStore>().WriteAsync(new GraphBatch([GraphBuilders.Locality("elsewhere")], []), WriteOptions.None, Ct);
        request.PageToken = first.NextPageToken;
        var rest = await PagesAsync(client, request);

        Assert.Equal(unpaged.Communities.ToList(), Joined([first, .. rest]));
    }

    [Fact]
    public async Task DetectCommunities_TokenOfAnotherRequestOrNoneAtAll_IsInvalidArgumentOnPageToken()
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        await WriteComponentsAsync(server);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var wcc = await client.DetectCommunitiesAsync(Request(CommunityAlgorithm.Wcc, pageSize: 5), cancellationToken: Ct);
        Assert.NotEmpty(wcc.NextPageToken);

        var louvain = Request(CommunityAlgorithm.Louvain, pageSize: 5);
        louvain.PageToken = wcc.NextPageToken;
        var typed = Request(CommunityAlgorithm.Wcc, pageSize: 5);
        typed.RelationshipTypes.Add("COLLABORATES_WITH");
        typed.PageToken = wcc.NextPageToken;
        var garbage = Request(CommunityAlgorithm.Wcc, pageSize: 5);
        garbage.PageToken = "not-a-token";
        var resized = Request(CommunityAlgorithm.Wcc, pageSize: 9);
        resized.PageToken = wcc.NextPageToken;

        foreach (var request in new[] { louvain, typed, garbage })
        {
            var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => client.DetectCommunitiesAsync(request, cancellationToken: Ct));
            RpcAssert.HasViolation(error, "page_token");
        }
        // page_size may change between pages.
        Assert.Equal(5, (await client.DetectCommunitiesAsync(resized, cancellationToken: Ct)).Communities.Single().FirstMemberIndex);
    }

    [Theory]
    [InlineData(CommunityPagesMaxPageSize + 1, "page_size")]
    [InlineData(-1, "page_size")]
    public async Task DetectCommunities_PageSizeOutOfRange_IsInvalidArgument(int pageSize, string field)
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var client = new NetworkService.NetworkServiceClient(server.Channel);
        var negativeShape = Request(CommunityAlgorithm.Wcc);
        negativeShape.MembersPerCommunity = -1;

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => client.DetectCommunitiesAsync(Request(CommunityAlgorithm.Wcc, pageSize), cancellationToken: Ct));
        var shape = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => client.DetectCommunitiesAsync(negativeShape, cancellationToken: Ct));

        RpcAssert.HasViolation(error, field);
        Assert.Contains("100000", RpcAssert.FieldViolations(error).Single().Description, StringComparison.Ordinal);
        RpcAssert.HasViolation(shape, "members_per_community");
    }

    /// <summary>The documented largest page (CommunityPages.MaxPageSize), written out: the contract, not the code, is under test.</summary>
    private const int CommunityPagesMaxPageSize = 100_000;
}
