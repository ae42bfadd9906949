using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LocalVision.EndToEnd.Tests.FreshCheckout;

/// <summary>
/// The README's first command on a fresh copy of the checkout (what git tracks, no bin, obj, node_modules or dist):
/// `dotnet run --project src/LocalVision.Server` builds the dashboard and serves it. And the build without npm.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed partial class FreshCheckoutTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", "fresh-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"Dashboard and JSON API on (http://\S+/)")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"src=""\./(assets/[^""]+\.js)""")]
    private static partial Regex ScriptSource();

    [Fact]
    public async Task DotnetRun_OnAFreshCopyOfTheCheckout_BuildsTheDashboardAndServesIt()
    {
        var root = Checkout.RootOrSkip();
        Checkout.RequireNpm();
        var copy = await CopyTrackedFilesAsync(root);
        Assert.False(Directory.Exists(Path.Combine(copy, "clients", "web", "dist")));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = copy, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "run", "--project", "src/LocalVision.Server", "--", "--store", Path.Combine(_folder, "store", "lv.db"),
            "--grpc-port", "0", "--web-port", "0", "--LocalVision:Seed:Enabled=false" })
        {
            start.ArgumentList.Add(argument);
        }
        // As a user would, but with a store of its own (never the default one under HOME), and outside CI's strictness.
        start.Environment["CI"] = "";
        using var server = Process.Start(start)!;
        var output = new StringBuilder();
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
                if (DashboardLine().Match(output.ToString()) is { Success: true } found)
                {
                    started.TrySetResult(found.Groups[1].Value);
                }
            }
        }
        server.OutputDataReceived += (_, e) => Read(e.Data);
        server.ErrorDataReceived += (_, e) => Read(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var exited = server.WaitForExitAsync(Ct);
            var first = await Task.WhenAny(started.Task, exited);
            Assert.True(first == started.Task, $"the server exited before serving the dashboard:\n{Snapshot(output)}");
            using var http = new HttpClient { BaseAddress = new Uri(await started.Task) };

            var index = await http.GetStringAsync("/", Ct);
            var script = ScriptSource().Match(index);
            using var bundle = await http.GetAsync(script.Groups[1].Value, Ct);

            Assert.Contains("<main id=\"app\">", index);
            Assert.True(script.Success, index);
            Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
            Assert.True(Directory.Exists(Path.Combine(copy, "clients", "web", "dist")));
            Assert.DoesNotContain("dashboard is not built", Snapshot(output));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Build_WithoutNpm_GoesOnAndSaysHowToGetTheDashboard()
    {
        var root = Checkout.RootOrSkip();
        var project = Path.Combine(root, "src", "LocalVision.Server", "LocalVision.Server.csproj");
        string[] withoutNpm = ["msbuild", project, "-t:LocalVisionDashboard", "-nologo", "-p:NpmCommand=/nonexistent/npm", $"-p:DashboardDist={_folder}/dist/", "-p:CI="];

        var (code, output) = await Checkout.RunAsync("dotnet", withoutNpm, root, null, Ct);
        var (requiredCode, requiredOutput) = await Checkout.RunAsync("dotnet", [.. withoutNpm, "-p:DashboardRequired=true"], root, null, Ct);

        Assert.True(code == 0, output);
        Assert.Contains("npm is not on PATH, so the dashboard (clients/web) is not built", output);
        Assert.NotEqual(0, requiredCode);
        Assert.Contains("this build must make the dashboard", requiredOutput);
    }

    /// <summary>What git tracks (and untracked files it does not ignore), as they are now in the working tree.</summary>
    private async Task<string> CopyTrackedFilesAsync(string root)
    {
        Assert.SkipUnless(Checkout.IsOnPath("git"), "git is not on PATH: the fresh copy is made of what git tracks");
        var (code, listing) = await Checkout.RunAsync("git", ["ls-files", "-co", "--exclude-standard"], root, null, Ct);
        Assert.SkipWhen(code != 0, $"{root} is not a git checkout: {listing}");
        var copy = Path.Combine(_folder, "checkout");
        foreach (var file in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var source = Path.Combine(root, file);
            if (!File.Exists(source))
            {
                continue; // Deleted in the working tree but not yet in the index.
            }
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        return copy;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
