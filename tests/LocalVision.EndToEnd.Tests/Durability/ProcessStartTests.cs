using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.EndToEnd.Tests.Durability;

/// <summary>What the real executable says at start-up in protected mode.</summary>
public sealed class ProcessStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_folder, "graph.db");

    [Fact]
    public async Task Start_LoopbackWithoutKeys_WarnsThatItServesWithoutAuthentication()
    {
        await using var server = await ServerProcess.StartAsync(StorePath);

        Assert.Contains("WITHOUT AUTHENTICATION", server.Output);
        Assert.Contains("keys create --role admin", server.Output);
    }

    [Fact]
    public async Task Start_BeyondLoopbackWithoutKeys_ExitsWithOneSayingHowToCreateAKey()
    {
        await using var server = await ServerProcess.RunToExitAsync(StorePath, TimeSpan.FromMinutes(2), "--bind", "0.0.0.0");

        Assert.Equal(1, server.ExitCode);
        Assert.Contains("LocalVision cannot start", server.Output);
        Assert.Contains("keys create --role admin", server.Output);
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
