namespace LocalVision.Cli.Tests.Connection;

public sealed class ServerAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:50051", "http://127.0.0.1:50051/")]
    [InlineData("localhost:6000", "http://localhost:6000/")]
    [InlineData("http://127.0.0.1:50051", "http://127.0.0.1:50051/")]
    [InlineData("http://127.0.0.1:50051/", "http://127.0.0.1:50051/")]
    [InlineData("https://lv.example.org:8443", "https://lv.example.org:8443/")]
    [InlineData("https://lv.example.org", "https://lv.example.org:50051/")]
    [InlineData("lv.example.org", "http://lv.example.org:50051/")]
    [InlineData("[::1]:50051", "http://[::1]:50051/")]
    [InlineData(" 127.0.0.1:80 ", "http://127.0.0.1:80/")]
    public void Parse_EveryWrittenForm_GivesTheGrpcAddress(string written, string expected) =>
        Assert.Equal(new Uri(expected), ServerAddress.Parse(written));

    [Theory]
    [InlineData("")]
    [InlineData("ftp://127.0.0.1:50051")]
    [InlineData("http://127.0.0.1:50051/v1/nodes")]
    [InlineData("127.0.0.1:port")]
    public void Parse_NotAnAddress_IsRefusedShowingTheForms(string written)
    {
        var error = Assert.Throws<CliException>(() => ServerAddress.Parse(written));

        Assert.Contains("host:port", error.Message);
        Assert.Contains("https://host:port", error.Message);
    }
}
