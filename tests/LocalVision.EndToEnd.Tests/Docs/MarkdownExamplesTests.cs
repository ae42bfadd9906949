using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using LocalVision.EndToEnd.Tests.Cli;
using LocalVision.Testing.Neo4j;

namespace LocalVision.EndToEnd.Tests.Docs;

/// <summary>
/// Every example of the README and of docs/*.md, run as a reader would run it against the service started as the
/// README starts it (the built server, with a home of its own, so the default store is a fresh one): each command must
/// succeed, print what the file shows where it shows output, and may fail only where the file shows its exit code
/// (<c>$ echo $?</c> next). What the test changes in a command, and what it does not run, is in <see cref="Rules"/>,
/// each with its reason.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed partial class MarkdownExamplesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", "examples-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What a command is turned into before it runs: the same command on the test's ports and files, or not run, and why.</summary>
    private static readonly (Regex Pattern, string? Replacement, string? NotRun)[] Rules =
    [
        (Rule(@"^alias lv=.*$"), null, "`lv` is the build the tests made of clients/LocalVision.Cli, defined as a shell function for every command"),
        (Rule(@"^dotnet test\b.*$"), null, "it is this test run"),
        (Rule(@"^dotnet run -c Release --project bench/.*$"), null, "benchmarks are never run as tests"),
        (Rule(@"^dotnet run --project src/LocalVision\.Server\s*(#.*)?$"), null, "the test started the service this way beforehand, on ports of its own"),
        (Rule(@"dotnet run --project src/LocalVision\.Server --"), "dotnet '{server}'", null),
        (Rule(@"127\.0\.0\.1:8080"), "127.0.0.1:{web}", null),
        (Rule(@"127\.0\.0\.1:50051"), "127.0.0.1:{grpc}", null),
        (Rule(@"(?<![\w.])/tmp/"), "{tmp}/", null),
        (Rule(@"neo4j://neo4j@localhost\b"), "neo4j://neo4j@127.0.0.1:{neo4j}", null),
        // curl exits 0 on an HTTP error; this makes an example that answers one fail, showing the error's body.
        (Rule(@"^curl "), "curl --fail-with-body -sS ", null),
    ];

    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        if (Checkout.Root is { } root && Directory.Exists(Path.Combine(root, "docs")))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
            {
                documents.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }
        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Examples_RunAgainstTheStartedService_DoAndPrintWhatTheFileShows(string document)
    {
        var root = Checkout.RootOrSkip();
        var examples = MarkdownExamples.Parse(document, await File.ReadAllTextAsync(Path.Combine(root, document), Ct));
        await using var shell = await ExampleShell.StartAsync(root, _folder);
        var failures = new List<string>();
        var ran = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            var example = examples[i];
            var ruleSays = Prepare(example.Command, out var command);
            if ((example.NotRun ?? ruleSays) is { } reason)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"not run: {example} ({reason})");
                continue;
            }
            if (example.Command.Trim() == "echo $?")
            {
                // The exit code of the command before, which the file shows.
                if (example.Shown is [var code] && code != shell.LastExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    failures.Add($"{example}: the command before exited {shell.LastExitCode}, not {code}");
                }
                continue;
            }
            var (exit, output) = await shell.RunAsync(command!);
            ran++;
            var exitShown = i + 1 < examples.Count && examples[i + 1].Command.Trim() == "echo $?";
            if (exit != 0 && !exitShown)
            {
                failures.Add($"{example}: exited {exit}:\n{output}");
            }
            if (example.Shown is { } shown && !MarkdownExamples.Matches(shown, output.Split('\n')))
            {
                failures.Add($"{example}: printed\n{output}\nbut the file shows\n{string.Join('\n', shown)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {ran} examples run from {document} did not do what it says:\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>The command as the test runs it, or the reason it is not run.</summary>
    private static string? Prepare(string command, out string? prepared)
    {
        prepared = command;
        foreach (var (pattern, replacement, notRun) in Rules)
        {
            if (!pattern.IsMatch(prepared))
            {
                continue;
            }
            if (notRun is not null)
            {
                prepared = null;
                return notRun;
            }
            prepared = pattern.Replace(prepared, replacement!);
        }
        return null;
    }

    private static Regex Rule(string pattern) => new(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant);

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

    /// <summary>
    /// Where a document's commands run: a folder that looks like the checkout (its top-level entries linked, so what a
    /// command writes lands here), a home of its own, the service started as the README starts it, and, once a command
    /// names one, a (scripted) Neo4j.
    /// </summary>
    private sealed partial class ExampleShell : IAsyncDisposable
    {
        private readonly string _work;
        private readonly Dictionary<string, string> _values;
        private readonly Dictionary<string, string> _environment;
        private Process? _server;
        private ScriptedNeo4jOverHttp? _neo4j;
        private readonly StringBuilder _serverOutput = new();

        private ExampleShell(string work, Dictionary<string, string> values, Dictionary<string, string> environment)
        {
            _work = work;
            _values = values;
            _environment = environment;
        }

        public int LastExitCode { get; private set; }

        [GeneratedRegex(@"\{(\w+)\}")]
        private static partial Regex Placeholder();

        public static async Task<ExampleShell> StartAsync(string root, string folder)
        {
            var work = Path.Combine(folder, "checkout");
            var home = Path.Combine(folder, "home");
            var tmp = Path.Combine(folder, "tmp");
            foreach (var path in new[] { work, home, tmp })
            {
                Directory.CreateDirectory(path);
            }
            foreach (var entry in Directory.EnumerateFileSystemEntries(root).Where(e => Path.GetFileName(e) != ".git"))
            {
                var link = Path.Combine(work, Path.GetFileName(entry));
                if (Directory.Exists(entry))
                {
                    Directory.CreateSymbolicLink(link, entry);
                }
                else
                {
                    File.CreateSymbolicLink(link, entry);
                }
            }
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var (grpc, web) = (FreePort(), FreePort());
            var values = new Dictionary<string, string>
            {
                ["server"] = Path.Combine(root, "src", "LocalVision.Server", "bin", configuration, "net10.0", "LocalVision.Server.dll"),
                ["grpc"] = grpc.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["web"] = web.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["tmp"] = tmp,
            };
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = home,
                ["LV_SERVER"] = $"http://127.0.0.1:{grpc}",
                // The width the README's tables and trees were printed at.
                ["COLUMNS"] = "100",
                ["CI"] = "",
            };
            var shell = new ExampleShell(work, values, environment);
            await shell.StartServerAsync();
            return shell;
        }

        public async Task<(int Exit, string Output)> RunAsync(string command)
        {
            if (command.Contains("neo4j://neo4j@127.0.0.1:{neo4j}", StringComparison.Ordinal))
            {
                await UseNeo4jAsync();
            }
            if (Regex.IsMatch(command, @"\bmigrate\b"))
            {
                // As the README says: stop the service first, since it owns its store.
                await StopServerAsync();
            }
            var script = $"lv() {{ dotnet '{LvProcess.LvPath}' \"$@\"; }}\n" + Placeholder().Replace(command, m => _values[m.Groups[1].Value]);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            var (exit, output) = await Checkout.RunAsync("bash", ["-c", script], _work, _environment, timeout.Token);
            LastExitCode = exit;
            return (exit, output.TrimEnd('\n'));
        }

        private async Task StartServerAsync()
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { _values["server"], "--grpc-port", _values["grpc"], "--web-port", _values["web"] })
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var (name, value) in _environment)
            {
                start.Environment[name] = value;
            }
            _server = Process.Start(start)!;
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Read(string? line)
            {
                lock (_serverOutput)
                {
                    _serverOutput.AppendLine(line);
                }
                if (line?.Contains("JSON API on", StringComparison.Ordinal) == true)
                {
                    started.TrySetResult();
                }
            }
            _server.OutputDataReceived += (_, e) => Read(e.Data);
            _server.ErrorDataReceived += (_, e) => Read(e.Data);
            _server.BeginOutputReadLine();
            _server.BeginErrorReadLine();
            var first = await Task.WhenAny(started.Task, _server.WaitForExitAsync(Ct), Task.Delay(TimeSpan.FromMinutes(2), Ct));
            if (first != started.Task)
            {
                lock (_serverOutput)
                {
                    Assert.Fail($"the service did not start:\n{_serverOutput}");
                }
            }
        }

        private async Task UseNeo4jAsync()
        {
            if (_neo4j is not null)
            {
                return;
            }
            _neo4j = await ScriptedNeo4jOverHttp.StartAsync(Ct);
            _values["neo4j"] = new Uri(_neo4j.Address).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _environment["NEO4J_PASSWORD"] = ScriptedNeo4j.Password;
        }

        private async Task StopServerAsync()
        {
            if (_server is { HasExited: false })
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync(CancellationToken.None);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            await StopServerAsync();
            _server?.Dispose();
            if (_neo4j is not null)
            {
                await _neo4j.DisposeAsync();
            }
        }
    }
}
