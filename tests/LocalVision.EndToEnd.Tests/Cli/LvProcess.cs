using System.Diagnostics;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>Runs the built `lv` as a separate process, as a user would, and captures what it prints.</summary>
public static class LvProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    // tests/LocalVision.EndToEnd.Tests/bin/{Configuration}/net10.0 is five folders below the repository's root.
    private static readonly DirectoryInfo Here = new(AppContext.BaseDirectory);

    /// <summary>A file of the checkout, such as an example the README tells users to pass to `lv`.</summary>
    public static string RepositoryPath(params string[] parts) => Path.Combine([Here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, .. parts]);

    internal static string LvPath => RepositoryPath("clients", "LocalVision.Cli", "bin", Here.Parent!.Name, "net10.0", "lv.dll");

    public static Task<Result> RunAsync(string server, params string[] args) =>
        RunAsync(server, new Dictionary<string, string>(), args);

    /// <summary>Runs lv with these environment variables; without a server it takes the address from them (LV_SERVER).</summary>
    public static async Task<Result> RunAsync(string? server, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LvPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        if (server is not null)
        {
            start.ArgumentList.Add("--server");
            start.ArgumentList.Add(server);
        }
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
