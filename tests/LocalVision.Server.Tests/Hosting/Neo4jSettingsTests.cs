using LocalVision.Server;
using LocalVision.Server.Hosting;

namespace LocalVision.Server.Tests.Hosting;

/// <summary>Neo4j settings that cannot work stop the start with the setting named, before any connection is tried.</summary>
public sealed class Neo4jSettingsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100001")]
    public void Build_BatchSizeOutOfRange_StopsWithTheSettingNamed(string batchSize)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => Program.Build(
            ["--store", "neo4j://neo4j@127.0.0.1:1", "--grpc-port", "0", "--web-port", "0", $"--LocalVision:Store:Neo4j:BatchSize={batchSize}"]));

        Assert.Contains($"LocalVision:Store:Neo4j:BatchSize {batchSize} is not a batch size", error.Message);
        Assert.Contains("from 1 to 100,000", error.Message);
    }
}
