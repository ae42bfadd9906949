using Google.Protobuf;
using LocalVision.Server.Grpc;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Paging;

/// <summary>
/// The page-filling rule both byte-budgeted pages use (audit entries, solution models), checked against the encoded
/// size of the response itself: a full page fits the budget, and one more item would not.
/// </summary>
public sealed class BytePageTests
{
    private static AuditEntry Entry(int sequence, int resourceLength) => new()
    {
        Sequence = sequence,
        Method = "/localvision.v1.GraphService/UpsertNodes",
        Resources = { new string('r', resourceLength) },
    };

    private static List<AuditEntry> Entries(int count, int resourceLength) =>
        Enumerable.Range(1, count).Select(i => Entry(i, resourceLength)).ToList();

    [Theory]
    [InlineData(200)]
    [InlineData(1000)]
    [InlineData(4096)]
    public void Fill_OverTheBudget_StopsAtTheLastItemThatFitsTheEncodedResponse(int budget)
    {
        var items = Entries(100, 90);
        var response = new ListAuditEntriesResponse();

        var cut = BytePage.Fill(response, response.Entries, ListAuditEntriesResponse.EntriesFieldNumber, items, budget);

        Assert.True(cut);
        Assert.InRange(response.CalculateSize(), 1, budget);
        var withOneMore = response.Clone();
        withOneMore.Entries.Add(items[response.Entries.Count]);
        Assert.True(withOneMore.CalculateSize() > budget, $"{withOneMore.CalculateSize()} bytes with one more item would still fit {budget}");
        Assert.Equal(items.Take(response.Entries.Count), response.Entries);
    }

    [Fact]
    public void Fill_CountsWhatTheResponseHoldsAlready()
    {
        var items = Entries(100, 90);
        var bare = new ListAuditEntriesResponse();
        var withToken = new ListAuditEntriesResponse { NextPageToken = new string('t', 300) };

        BytePage.Fill(bare, bare.Entries, ListAuditEntriesResponse.EntriesFieldNumber, items, 1000);
        BytePage.Fill(withToken, withToken.Entries, ListAuditEntriesResponse.EntriesFieldNumber, items, 1000);

        Assert.True(withToken.Entries.Count < bare.Entries.Count, $"{withToken.Entries.Count} entries beside a 300-byte token, {bare.Entries.Count} without");
        Assert.InRange(withToken.CalculateSize(), 1, 1000);
    }

    [Fact]
    public void Fill_AnItemLargerThanTheBudget_StillFillsThePageWithIt()
    {
        var items = Entries(3, 5000);
        var response = new ListAuditEntriesResponse();

        var cut = BytePage.Fill(response, response.Entries, ListAuditEntriesResponse.EntriesFieldNumber, items, 100);

        Assert.True(cut);
        Assert.Equal(1, Assert.Single(response.Entries).Sequence);
    }

    [Fact]
    public void Fill_EverythingFits_TakesAllAndSaysThereIsNoNextPage()
    {
        var items = Entries(5, 10);
        var response = new ListAuditEntriesResponse();

        var cut = BytePage.Fill(response, response.Entries, ListAuditEntriesResponse.EntriesFieldNumber, items, 64 * 1024);

        Assert.False(cut);
        Assert.Equal(items, response.Entries);
    }

    [Fact]
    public void Fill_NoItems_LeavesAnEmptyPageWithNoNextPage()
    {
        var response = new ListAuditEntriesResponse();

        Assert.False(BytePage.Fill(response, response.Entries, ListAuditEntriesResponse.EntriesFieldNumber, [], 10));
        Assert.Empty(response.Entries);
    }
}
