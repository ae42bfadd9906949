using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Sqlite;
using LocalVision.Graph.Store;

namespace LocalVision.Server.Hosting;

/// <summary>
/// A graph store as the settings name it, resolved but not yet opened: the service opens one at start-up, and
/// <c>migrate</c> two, after checking they differ.
/// </summary>
public abstract record GraphStoreAddress
{
    /// <summary>What was changed to reach the store (e.g. a Bolt address mapped to HTTP), to say once; null when nothing was.</summary>
    public virtual string? Note => null;

    /// <summary>Where the store is, without secrets.</summary>
    public abstract string Location { get; }

    /// <exception cref="GraphStoreUnavailableException">The store cannot be used; the message says what to fix.</exception>
    public abstract Task<IGraphStore> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Whether both name the same data, so that copying one onto the other would copy it onto itself.</summary>
    public abstract bool IsSameStoreAs(GraphStoreAddress other);

    public sealed override string ToString() => Location;

    /// <summary>The most nodes or relationships one Neo4j statement takes, as <c>lv migrate --batch-size</c> allows.</summary>
    public const int MaxNeo4jBatchSize = 100_000;

    /// <exception cref="StartupConfigurationException">The settings name no store; the message says what to change.</exception>
    public static GraphStoreAddress From(StoreOptions store) => UsesNeo4j(store)
        ? Neo4jStoreAt(store)
        : new SqliteStore(Path.GetFullPath(store.Path), store.Durable, store.Init, store.FullIntegrityCheck);

    private static bool UsesNeo4j(StoreOptions store) => store.Kind?.ToLowerInvariant() switch
    {
        null or "" => Neo4jAddress.IsNeo4jAddress(store.Path),
        "neo4j" => true,
        "sqlite" => false,
        _ => throw new StartupConfigurationException($"LocalVision:Store:Kind `{store.Kind}` is not a store kind; use sqlite or neo4j"),
    };

    private static Neo4jStore Neo4jStoreAt(StoreOptions store)
    {
        var text = store.Neo4j.Uri ?? (Neo4jAddress.IsNeo4jAddress(store.Path) ? store.Path : null)
            ?? throw new StartupConfigurationException("the Neo4j store needs an address: --store neo4j://user@host:7474 or LocalVision:Store:Neo4j:Uri");
        Neo4jAddress address;
        try
        {
            address = Neo4jAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new StartupConfigurationException(e.Message);
        }
        if (store.Neo4j.BatchSize is < 1 or > MaxNeo4jBatchSize)
        {
            throw new StartupConfigurationException(
                $"LocalVision:Store:Neo4j:BatchSize {store.Neo4j.BatchSize} is not a batch size; give a whole number from 1 to {MaxNeo4jBatchSize:N0} (default 1,000)");
        }
        var options = new Neo4jStoreOptions
        {
            Uri = address.Uri,
            Database = store.Neo4j.Database,
            User = store.Neo4j.User ?? address.User,
            Password = store.Neo4j.Password,
            BatchSize = store.Neo4j.BatchSize,
        };
        return new Neo4jStore(options, address.Note);
    }

    /// <summary>The embedded store: one SQLite file, by its full path.</summary>
    public sealed record SqliteStore(string Path, bool Durable, bool Init = false, bool FullCheck = false) : GraphStoreAddress
    {
        public override string Location => Path;

        /// <summary>Where the key and audit file lives unless <c>LocalVision:Access:Path</c> says otherwise: beside the graph file, <c>graph.db</c> → <c>graph.access.db</c>.</summary>
        public string DefaultAccessPath => Access.SqliteAccessStore.PathBeside(Path);

        public override Task<IGraphStore> OpenAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IGraphStore>(SqliteGraphStore.Open(Path, new SqliteStoreOptions(Durable: Durable, Init: Init, FullCheck: FullCheck)));

        public override bool IsSameStoreAs(GraphStoreAddress other) =>
            other is SqliteStore sqlite && string.Equals(Path, sqlite.Path, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A database in a Neo4j server; <see cref="Location"/> never shows the password.</summary>
    public sealed record Neo4jStore(Neo4jStoreOptions Options, string? AddressNote) : GraphStoreAddress
    {
        public override string? Note => AddressNote;

        public override string Location => "neo4j " + Options.Location;

        public override async Task<IGraphStore> OpenAsync(CancellationToken cancellationToken) =>
            await Neo4jGraphStore.OpenAsync(Options, cancellationToken: cancellationToken);

        // Neo4j database names are case-insensitive.
        public override bool IsSameStoreAs(GraphStoreAddress other) =>
            other is Neo4jStore neo4j && Options.Uri == neo4j.Options.Uri
            && string.Equals(Options.Database, neo4j.Options.Database, StringComparison.OrdinalIgnoreCase);
    }
}
