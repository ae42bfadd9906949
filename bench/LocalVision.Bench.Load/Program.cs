using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using LocalVision.Bench.Load;
using LocalVision.Server.Access;
using LocalVision.V1;
using LocalVision.Testing.Hosting;
using Path = System.IO.Path;

// Usage: dotnet run -c Release --project bench/LocalVision.Bench.Load -- [seconds per phase (10)] [plain|tls|both]
// For each transport: the unloaded latency (one caller, and an open loop at 100 calls/s), the saturating rate (32
// callers, closed loop), then an open loop at half that rate; the target is zero errors and p99 within 2x of the
// unloaded p99.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var transports = (args.Length > 1 ? args[1] : "both") switch
{
    "plain" => new[] { false },
    "tls" => [true],
    _ => [false, true],
};
var phase = TimeSpan.FromSeconds(seconds);
var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:u}, load average {loadAverage} at start; server and load generator share them");
Console.WriteLine($"mix: {MixedLoad.Description}; API keys on; {seconds} s per phase");
Console.WriteLine();
Console.WriteLine("| transport | phase | target calls/s | calls/s | p50 ms | p99 ms | errors | p99 / unloaded p99 (1 caller) | p99 / unloaded p99 (open loop) | send lag p50 / p99 ms |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

var breakdown = new List<(string Transport, RunResult Unloaded, RunResult Half)>();
foreach (var tls in transports)
{
    var folder = Path.Combine(Path.GetTempPath(), "localvision-bench", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    try
    {
        using var certificate = tls ? SelfSigned() : null;
        List<string> serverArgs = ["--LocalVision:Store:Durable=true"];
        if (certificate is not null)
        {
            var pfx = Path.Combine(folder, "server.pfx");
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx));
            serverArgs.Add($"--LocalVision:Tls:CertificatePath={pfx}");
        }
        // The service in this process through the tests' harness: its own store with the sample data, keys made first.
        var server = await RunningServer.StartAsync(
            seed: true, new Dictionary<string, Roles> { ["bench-reader"] = Roles.Reader, ["bench-writer"] = Roles.Evaluator }, [.. serverArgs]);
        var readerKey = server.Keys["bench-reader"];
        var writerKey = server.Keys["bench-writer"];
        try
        {
            var address = server.Address;
            var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
            if (certificate is not null)
            {
                handler.SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.Thumbprint,
                };
            }
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
            var readerInvoker = channel.Intercept(m => { m.Add("x-api-key", readerKey); return m; });
            var reader = new GraphService.GraphServiceClient(readerInvoker);
            var writer = new GraphService.GraphServiceClient(channel.Intercept(m => { m.Add("x-api-key", writerKey); return m; }));

            var nodes = new List<Node>();
            var token = "";
            do
            {
                var page = await reader.ListNodesAsync(new ListNodesRequest { PageSize = 1000, PageToken = token });
                nodes.AddRange(page.Nodes);
                token = page.NextPageToken;
            }
            while (token.Length > 0);
            var names = nodes.Select(n => n.Name).ToList();
            var targets = new LoadTargets(
                names,
                Hubs: names.Where(n => n.StartsWith("initiatives/", StringComparison.Ordinal) || n.StartsWith("localities/", StringComparison.Ordinal)).ToList(),
                Partners: names.Where(n => n.StartsWith("partners/", StringComparison.Ordinal)).ToList(),
                Initiatives: nodes.Where(n => n.Label == "Initiative" && n.Properties.Fields.TryGetValue("kind", out var kind) && kind.StringValue == "LV_PROJECT").Select(n => n.Name).ToList());
            var load = new MixedLoad(
                new LoadClients(reader, writer, new NetworkService.NetworkServiceClient(readerInvoker), new EvaluationService.EvaluationServiceClient(readerInvoker)),
                targets);
            var transport = tls ? "TLS" : "plaintext";

            // Warm up connections, JIT (tiered compilation settles in seconds) and caches.
            await LoadRunner.ClosedLoopAsync("warm-up", 8, TimeSpan.FromSeconds(5), load.CallAsync);
            var unloaded = await LoadRunner.ClosedLoopAsync("unloaded (1 caller)", 1, phase, load.CallAsync);
            // Unloaded again, measured the way the loaded run is (open loop, from when each call was due), so the
            // generator's own timer lateness is in both sides of the ratio rather than charged to the server.
            var unloadedOpen = await LoadRunner.OpenLoopAsync("unloaded (open loop at 100/s)", 100, phase, load.CallAsync);
            var saturated = await LoadRunner.ClosedLoopAsync("saturating (32 callers)", 32, phase, load.CallAsync);
            var half = await LoadRunner.OpenLoopAsync("half the saturating rate", saturated.CallsPerSecond / 2, phase, load.CallAsync);
            foreach (var run in new[] { unloaded, unloadedOpen, saturated, half })
            {
                var target = run.TargetRate > 0 ? run.TargetRate.ToString("N0", CultureInfo.InvariantCulture) : "-";
                var lag = double.IsNaN(run.Lag.P50Ms) ? "-" : $"{run.Lag.P50Ms:F2} / {run.Lag.P99Ms:F2}";
                Console.WriteLine($"| {transport} | {run.Phase} | {target} | {run.CallsPerSecond:N0} | {run.P50Ms:F2} | {run.P99Ms:F2} | {run.Errors} | {run.P99Ms / unloaded.P99Ms:F2}x | {run.P99Ms / unloadedOpen.P99Ms:F2}x | {lag} |");
            }
            breakdown.Add((transport, unloaded, half));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

Console.WriteLine();
Console.WriteLine("| transport | call | unloaded p50 ms | unloaded p99 ms | half-rate p50 ms | half-rate p99 ms | p99 ratio |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var (transport, unloaded, half) in breakdown)
{
    for (var kind = 0; kind < MixedLoad.Kinds.Count; kind++)
    {
        var (u50, u99) = unloaded.ByKind[kind];
        var (h50, h99) = half.ByKind[kind];
        Console.WriteLine($"| {transport} | {MixedLoad.Kinds[kind]} | {u50:F2} | {u99:F2} | {h50:F2} | {h99:F2} | {h99 / u99:F2}x |");
    }
}

static X509Certificate2 SelfSigned()
{
    using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    var request = new CertificateRequest("CN=localvision-bench", key, HashAlgorithmName.SHA256);
    var names = new SubjectAlternativeNameBuilder();
    names.AddIpAddress(IPAddress.Loopback);
    request.CertificateExtensions.Add(names.Build());
    return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
}
