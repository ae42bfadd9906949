namespace LocalVision.Server.Hosting;

/// <summary>The service's settings (section <c>LocalVision</c>; command-line switches in <see cref="ConfigurationSetup"/>).</summary>
public sealed class LocalVisionOptions
{
    public const string Section = "LocalVision";

    public StoreOptions Store { get; set; } = new();

    public GrpcOptions Grpc { get; set; } = new();

    public WebOptions Web { get; set; } = new();

    /// <summary>The address to listen on; loopback by default.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    public SeedOptions Seed { get; set; } = new();

    public LimitOptions Limits { get; set; } = new();
}

public sealed class StoreOptions
{
    /// <summary>
    /// <c>sqlite</c> or <c>neo4j</c>. Unset, the store is Neo4j when <see cref="Path"/> is a Neo4j address
    /// (<c>--store neo4j://user@host:7474</c>) and the embedded store otherwise.
    /// </summary>
    public string? Kind { get; set; }

    /// <summary>Where the embedded store lives (by default in the user's local data folder), or a Neo4j address.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>Sync every commit to disk (safe against power loss as well as crashes).</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Make a new store in an existing empty file (<c>--init</c>); otherwise a 0-byte store is refused as damaged.</summary>
    public bool Init { get; set; }

    /// <summary>Check the whole embedded store at start-up (SQLite's <c>integrity_check</c>) rather than its quicker <c>quick_check</c>.</summary>
    public bool FullIntegrityCheck { get; set; }

    public Neo4jStoreSettings Neo4j { get; set; } = new();

    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "localvision", "localvision.db");
}

/// <summary>The Neo4j store (section <c>LocalVision:Store:Neo4j</c>).</summary>
public sealed class Neo4jStoreSettings
{
    /// <summary><c>neo4j://[user@]host[:port]</c> or <c>http(s)://[user@]host:port</c>; <c>--store</c> may give it instead.</summary>
    public string? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    /// <summary>Overrides a user given in the address.</summary>
    public string? User { get; set; }

    /// <summary>From configuration or the environment (<c>LocalVision__Store__Neo4j__Password</c>); never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Nodes or relationships per <c>UNWIND … MERGE</c> statement.</summary>
    public int BatchSize { get; set; } = 1000;

    public override string ToString() => $"{Uri} database {Database}" + (User is null ? "" : $" as {User}");
}

public sealed class GrpcOptions
{
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; set; } = 50051;
}

public sealed class SeedOptions
{
    /// <summary>Load the sample dataset when the store is empty.</summary>
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "localvision.jsonl");
}

/// <summary>Bounds on what one request may ask for.</summary>
public sealed class LimitOptions
{
    public int MaxPageSize { get; set; } = 1000;

    public int DefaultPageSize { get; set; } = 100;

    public int MaxBatchSize { get; set; } = 10_000;

    public int MaxDepth { get; set; } = 6;

    public int MaxNeighborhoodNodes { get; set; } = 10_000;

    public int DefaultNeighborhoodNodes { get; set; } = 500;

    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Field violations an error lists one by one; the rest are counted per kind (field path without indices), with
    /// the first of each. Whatever this says, an error's details stay under 16 KiB.
    /// </summary>
    public int MaxErrorViolations { get; set; } = Grpc.Errors.ErrorBounds.DefaultMaxViolations;

    /// <summary>
    /// The server's time budget for one expensive call (<see cref="Grpc.ExpensiveCalls"/>), in seconds; a call gets the
    /// earlier of this and its own deadline. 0 refuses every expensive call, keeping a server to cheap reads.
    /// </summary>
    public double ExpensiveCallSeconds { get; set; } = 30;

    /// <summary>
    /// The most memory the cached network projections may hold, in bytes; the least recently used go first. 0 means
    /// a quarter of the memory the server may use.
    /// </summary>
    public long ProjectionCacheBytes { get; set; }
}

/// <summary>The settings cannot work; the message says what to change.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
