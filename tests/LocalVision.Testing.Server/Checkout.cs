using System.Diagnostics;

namespace LocalVision.Testing.Hosting;

/// <summary>The source checkout the tests were built from, for tests that run what a user of a checkout runs.</summary>
public static class Checkout
{
    /// <summary>The folder holding LocalVision.slnx above the test's output, or null when the tests run elsewhere.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>The root, or a skip that says why there is none.</summary>
    public static string RootOrSkip()
    {
        Assert.SkipWhen(Root is null, $"the tests do not run inside a LocalVision checkout (no LocalVision.slnx above {AppContext.BaseDirectory})");
        return Root!;
    }

    /// <summary>Whether a command answers <c>--version</c>, i.e. is on PATH.</summary>
    public static bool IsOnPath(string command)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Skips without npm, except under CI, where npm is part of the machine and its absence a failure.</summary>
    public static void RequireNpm()
    {
        if (IsOnPath("npm"))
        {
            return;
        }
        const string reason = "npm is not on PATH: the dashboard is built with Node.js 20+ and npm";
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            Assert.Fail(reason);
        }
        Assert.Skip(reason);
    }

    /// <summary>Runs a command to its end, with its output and error together; the process tree is killed on cancellation.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string command, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string? FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LocalVision.slnx")))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
