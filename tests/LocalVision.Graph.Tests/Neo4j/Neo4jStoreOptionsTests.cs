using LocalVision.Graph.Neo4j;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>Addresses as people write them, the options that hold secrets, the retry pacing.</summary>
public sealed class Neo4jStoreOptionsTests
{
    [Theory]
    [InlineData("neo4j://graph.internal", "http://graph.internal:7474/", null)]
    [InlineData("neo4j://ops@graph.internal:7474", "http://graph.internal:7474/", "ops")]
    [InlineData("neo4j://graph.internal:7687", "http://graph.internal:7474/", null)]
    [InlineData("bolt://graph.internal:17474", "http://graph.internal:17474/", null)]
    [InlineData("neo4j+s://ops@graph.example.org", "https://graph.example.org:7473/", "ops")]
    [InlineData("http://localhost:7474", "http://localhost:7474/", null)]
    [InlineData("https://ops@proxy.example.org/neo4j", "https://proxy.example.org/neo4j/", "ops")]
    public void Parse_Address_GivesTheHttpAddressAndUser(string text, string uri, string? user)
    {
        var address = Neo4jAddress.Parse(text);

        Assert.Equal(uri, address.Uri.ToString());
        Assert.Equal(user, address.User);
    }

    [Fact]
    public void Parse_BoltAddress_SaysItMappedToTheHttpPort()
    {
        var address = Neo4jAddress.Parse("neo4j://graph.internal");

        Assert.Contains("http://graph.internal:7474", address.Note);
        Assert.Null(Neo4jAddress.Parse("http://graph.internal:7474").Note);
    }

    [Fact]
    public void Parse_AddressWithPassword_IsRefusedWithoutRepeatingIt()
    {
        var error = Assert.Throws<FormatException>(() => Neo4jAddress.Parse("neo4j://ops:hunter2@graph.internal"));

        Assert.Contains("LocalVision:Store:Neo4j:Password", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void Parse_UnparsableAddressWithPassword_IsQuotedWithoutIt()
    {
        var error = Assert.Throws<FormatException>(() => Neo4jAddress.Parse("neo4j://ops:hunter2@graph internal"));

        Assert.StartsWith("`neo4j://…@graph internal` is not a Neo4j address", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData("/var/lib/localvision/graph.db", false)]
    [InlineData("C:\\data\\graph.db", false)]
    [InlineData("neo4j://graph.internal", true)]
    [InlineData("HTTPS://graph.internal", true)]
    public void IsNeo4jAddress_Text_TellsServersFromFiles(string text, bool expected)
    {
        Assert.Equal(expected, Neo4jAddress.IsNeo4jAddress(text));
    }

    [Fact]
    public void Options_ToString_ShowsServerDatabaseAndUserButNeverThePassword()
    {
        var options = new Neo4jStoreOptions { Uri = new Uri("http://graph.internal:7474/"), Database = "lv", User = "ops", Password = "hunter2" };

        Assert.Equal("http://graph.internal:7474 database lv as ops", options.ToString());
        Assert.DoesNotContain("hunter2", options.Location);
    }

    [Fact]
    public void RetryPolicy_DelayBefore_DoublesFromTheFirstDelayUpToTheCapWithin20Percent()
    {
        var policy = new Neo4jRetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(700));

        var delays = Enumerable.Range(1, 5).Select(retry => policy.DelayBefore(retry).TotalMilliseconds).ToList();

        Assert.All(delays.Zip(new[] { 100d, 200, 400, 700, 700 }), pair => Assert.InRange(pair.First, pair.Second * 0.8, pair.Second * 1.2));
    }
}
