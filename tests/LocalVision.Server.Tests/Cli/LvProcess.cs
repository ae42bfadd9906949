using System.Diagnostics;

namespace LocalVision.Server.Tests.Cli;

/// <summary>Runs the built `lv` as a separate process, as a user would, and captures what it prints.</summary>
public static class LvProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    private static string LvPath
    {
        get
        {
            // tests/LocalVision.Server.Tests/bin/{Configuration}/net10.0 → clients/LocalVision.Cli/bin/{Configuration}/net10.0/lv.dll
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = here.Parent!.Name;
            var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "clients", "LocalVision.Cli", "bin", configuration, "net10.0", "lv.dll");
        }
    }

    public static async Task<Result> RunAsync(string server, params string[] args)
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
        start.ArgumentList.Add("--server");
        start.ArgumentList.Add(server);
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
