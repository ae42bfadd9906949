using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.EndToEnd.Tests.Durability;

/// <summary>
/// One process per store, whatever the path: a second server given a symlink or a hard link to a store another server
/// holds is refused with the same message as for the same path, and the first keeps writing. Keyed by the path
/// string, the lock let the second start; the first then failed on every write with `UNIQUE constraint failed`.
/// </summary>
public sealed class StoreOwnershipTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StorePath => Path.Combine(_folder, "graph.db");

    public static TheoryData<string> Spellings => ["same path", "symlink", "hard link", "relative path"];

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Start_StoreHeldByAnotherServer_IsRefusedWhateverThePathAndTheFirstKeepsWriting(string spelling)
    {
        await using var first = await ServerProcess.StartAsync(StorePath);
        var other = Spell(spelling);

        await using var second = await ServerProcess.RunToExitAsync(other, TimeSpan.FromMinutes(2));

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("in use by another LocalVision process", second.Output);
        Assert.DoesNotContain("   at ", second.Output);
        var graph = new GraphService.GraphServiceClient(first.Channel);
        var written = await graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { WireNodes.Partner("after-the-refusal") } }, cancellationToken: Ct);
        Assert.Equal("partners/after-the-refusal", Assert.Single(written.Nodes).Name);
    }

    private string Spell(string spelling)
    {
        switch (spelling)
        {
            case "symlink":
                var link = Path.Combine(_folder, "elsewhere", "link.db");
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                File.CreateSymbolicLink(link, StorePath);
                return link;
            case "hard link":
                var hard = Path.Combine(_folder, "hard.db");
                Assert.Equal(0, HardLink(StorePath, hard));
                return hard;
            case "relative path":
                return Path.GetRelativePath(Environment.CurrentDirectory, StorePath);
            default:
                return StorePath;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink(string existing, string created);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
