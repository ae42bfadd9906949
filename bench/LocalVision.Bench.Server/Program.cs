using System.Globalization;
using Grpc.Net.Client;
using LocalVision.Bench.Server;
using LocalVision.Bench.V1;
using LocalVision.V1;
using LocalVision.Testing.Hosting;
using Path = System.IO.Path;

// Usage: dotnet run -c Release --project bench/LocalVision.Bench.Server -- [throughput|import|qca|network|network-ab|patch] [seconds|nodes relationships|runs|partners ties [--cold-only|--communities]|partners ties rounds] [--folder DIR] [--port N]
// Options anywhere after the mode: --folder DIR (the stores go there and stay, so that a network run can reuse its
// import) and --port N (network: the servers it starts listen on N..N+3, to keep within a port range); with
// --web-port W as well, every server it starts listens on N and W alone (one runs at a time), for two given ports.
var options = BenchOptions.Parse(args);
args = options.Positional;
var mode = args.FirstOrDefault() ?? "throughput";
var folder = options.Folder ?? Path.Combine(Path.GetTempPath(), "localvision-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:u}");
try
{
    if (mode == "qca")
    {
        await using var server = await StartLocalVisionAsync(seed: false);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = null });
        await QcaRun.RunAsync(new InsightService.InsightServiceClient(channel), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        return 0;
    }

    if (mode == "network")
    {
        // network [partners] [ties] [--cold-only|--communities]: every NetworkService call on a store; --cold-only times the
        // builds only, --communities DetectCommunities only (every page).
        var partners = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var ties = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        return await NetworkRun.RunAsync(new NetworkRun.Setup(folder, partners, ties, !args.Contains("--cold-only"), options.Port, options.WebPort, args.Contains("--communities"), options.Budget), Console.Out);
    }

    if (mode == "network-ab")
    {
        // network-ab partners ties rounds --baseline DLL --port N: two server builds in turn on a store a network run imported.
        var partners = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var ties = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var baselineServer = Environment.GetEnvironmentVariable("LOCALVISION_BASELINE_SERVER") ?? "";
        return await NetworkAbRun.RunAsync(new NetworkAbRun.Setup(folder, partners, ties, rounds, baselineServer, options.Port ?? 7570), Console.Out);
    }

    if (mode == "patch")
    {
        // patch [partners] [ties] [rounds]: a write between two calls, the cache's update against a fresh build (in process).
        var partners = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var ties = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 12;
        return await PatchRun.RunAsync(folder, partners, ties, rounds, Console.Out);
    }

    if (mode == "import")
    {
        var nodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var relationships = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5_000_000;
        await using var server = await StartLocalVisionAsync(seed: false);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var result = await ImportRun.RunAsync(new GraphService.GraphServiceClient(channel), nodes, relationships, 10_000,
            line => Console.WriteLine($"  … {line}"));
        Console.WriteLine($"ImportGraph: {result.Nodes:N0} nodes + {result.Relationships:N0} relationships in {result.Seconds:F1} s "
            + $"= {result.RecordsPerSecond:N0} records/s; peak working set {result.PeakWorkingSetBytes / (1024.0 * 1024 * 1024):F2} GiB (server and generator in one process)");
        return 0;
    }

    var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    const int concurrency = 32;
    await using var lv = await StartLocalVisionAsync(seed: true);
    using var lvChannel = GrpcChannel.ForAddress(lv.Address);
    var graph = new GraphService.GraphServiceClient(lvChannel);

    var names = new List<string>();
    var token = "";
    do
    {
        var page = await graph.ListNodesAsync(new ListNodesRequest { PageSize = 1000, PageToken = token });
        names.AddRange(page.Nodes.Select(n => n.Name));
        token = page.NextPageToken;
    }
    while (token.Length > 0);
    var hubs = names.Where(n => n.StartsWith("initiatives/", StringComparison.Ordinal) || n.StartsWith("localities/", StringComparison.Ordinal)).ToArray();
    Console.WriteLine($"sample dataset: {names.Count} nodes, {hubs.Length} initiatives and localities; {concurrency} concurrent callers, {seconds} s per run");

    var samples = await Task.WhenAll(hubs.Select(h => graph.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = h, Depth = 2 }).ResponseAsync));
    var echoApp = await EchoBaseline.StartAsync(samples);
    using var echoChannel = GrpcChannel.ForAddress(EchoBaseline.AddressOf(echoApp));
    var echo = new EchoService.EchoServiceClient(echoChannel);
    Console.WriteLine($"depth-2 neighbourhoods average {samples.Average(s => s.Nodes.Count):F0} nodes, {samples.Average(s => s.Relationships.Count):F0} relationships, "
        + $"{samples.Average(s => s.CalculateSize()) / 1024:F1} KiB per response (an echo message is about {new EchoMessage { Text = names[0] }.CalculateSize()} bytes)");
    var duration = TimeSpan.FromSeconds(seconds);
    var baseline = await LoadRun.RunAsync("Echo (baseline)", concurrency, duration,
        async i => await echo.EchoAsync(new EchoMessage { Text = names[i % names.Count] }));
    var getNode = await LoadRun.RunAsync("GetNode", concurrency, duration,
        async i => await graph.GetNodeAsync(new GetNodeRequest { Name = names[i % names.Count] }));
    var canned = await LoadRun.RunAsync("Canned neighbourhood (baseline)", concurrency, duration,
        async i => await echo.CannedAsync(new CannedRequest { Index = i }));
    var neighbourhood = await LoadRun.RunAsync("GetNeighborhood(depth 2)", concurrency, duration,
        async i => await graph.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = hubs[i % hubs.Length], Depth = 2 }));
    await echoApp.StopAsync();

    Console.WriteLine();
    Console.WriteLine("| call | calls/s | p50 ms | p99 ms | errors | ratio to echo | ratio to the canned neighbourhood |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var run in new[] { baseline, getNode, canned, neighbourhood })
    {
        Console.WriteLine($"| {run.Name} | {run.CallsPerSecond:N0} | {run.P50Ms:F2} | {run.P99Ms:F2} | {run.Errors} | {run.CallsPerSecond / baseline.CallsPerSecond:F2}× | {run.CallsPerSecond / canned.CallsPerSecond:F2}× |");
    }
    return 0;
}
finally
{
    try
    {
        if (options.Folder is null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    catch (IOException)
    {
    }
}

// The service in this process through the tests' harness, on its own store, kept durable as a user's is.
static Task<RunningServer> StartLocalVisionAsync(bool seed) =>
    RunningServer.StartAsync(seed, "--LocalVision:Store:Durable=true");
