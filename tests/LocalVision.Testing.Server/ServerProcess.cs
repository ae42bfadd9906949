using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Path = System.IO.Path;

namespace LocalVision.Testing.Hosting;

/// <summary>
/// The service as its own process (<c>dotnet LocalVision.Server.dll</c>), so a test can kill it the way an operator
/// or the kernel would: SIGKILL, with no chance to clean up.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public GrpcChannel Channel { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The process's peak resident memory (VmHWM from /proc/PID/status), or 0 where there is no /proc.</summary>
    public long PeakBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Starts the server on a free loopback port and waits until it answers health checks.</summary>
    public static Task<ServerProcess> StartAsync(string storePath, params string[] extraArgs) =>
        StartAsync(FreePort(), storePath, extraArgs);

    /// <summary>Starts the server with its gRPC endpoint on <paramref name="port"/> (a bench keeps to a port range) and waits until it answers health checks.</summary>
    public static Task<ServerProcess> StartAsync(int port, string storePath, params string[] extraArgs) =>
        StartBuildAsync(ThisBuild, port, storePath, extraArgs);

    /// <summary>
    /// As <see cref="StartAsync(int, string, string[])"/>, but the server built at <paramref name="serverDll"/>: a bench
    /// sets another commit's build beside this one.
    /// </summary>
    public static async Task<ServerProcess> StartBuildAsync(string serverDll, int port, string storePath, params string[] extraArgs)
    {
        var server = Launch(serverDll, port, storePath, extraArgs);
        var health = new Health.HealthClient(server.Channel);
        // The store is checked before the server listens: for a bench's store of millions of records on a loaded
        // machine that takes minutes. A server that fails exits, which ends the wait at once.
        var patience = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                return server;
            }
            catch (RpcException) when (DateTime.UtcNow < patience && !server.HasExited)
            {
                await Task.Delay(100);
            }
            catch (RpcException e)
            {
                var output = server.Output;
                await server.DisposeAsync();
                throw new InvalidOperationException($"the server did not start ({e.Status.Detail}); it wrote:\n{output}", e);
            }
        }
    }

    /// <summary>Runs the server until it exits by itself (a refused start), bounded by <paramref name="patience"/>.</summary>
    public static async Task<ServerProcess> RunToExitAsync(string storePath, TimeSpan patience, params string[] extraArgs)
    {
        var server = Launch(FreePort(), storePath, extraArgs);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await server._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            server.Kill();
        }
        server._process.WaitForExit();
        return server;
    }

    /// <summary>SIGKILL: the process dies at once, mid-write if it is writing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Channel.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The server built beside the tests or the bench.</summary>
    public static string ThisBuild => Path.Combine(AppContext.BaseDirectory, "LocalVision.Server.dll");

    private static ServerProcess Launch(int port, string storePath, string[] extraArgs) => Launch(ThisBuild, port, storePath, extraArgs);

    private static ServerProcess Launch(string serverDll, int port, string storePath, string[] extraArgs)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            serverDll,
            "--store", storePath,
            "--grpc-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The web endpoint's default, 8080, may be taken by anything else on the machine.
            "--web-port", "0",
            "--LocalVision:Seed:Enabled=false",
            .. extraArgs,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return new ServerProcess(Process.Start(start)!, port);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
