using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Graph.Theory;

namespace LocalVision.Graph.Neo4j;

/// <summary>
/// The graph in a Neo4j server, cluster or Aura, spoken to over the HTTP Query API v2 (Neo4j 5.26+ and 2025.x).
/// The service keeps no state of its own, so several replicas can share one database: every write transaction
/// first bumps a version stamp kept in Neo4j (which also serialises writes), reads go to cluster readers with
/// the bookmark of this replica's last write, and <see cref="GetVersionAsync"/> reads the stamp so caches notice
/// writes made through other replicas. See <see cref="Cypher"/> for how the graph is laid out.
/// </summary>
/// <remarks>
/// Partial files, one job each: this core (opening, the connection, the transaction helpers), <c>.Reads</c>,
/// <c>.Writes</c> and <c>.Theory</c>. The statements are in <see cref="Cypher"/>, how a node is kept in
/// <see cref="StoredForm"/>, the wire in <see cref="QueryApiClient"/>.
/// </remarks>
public sealed partial class Neo4jGraphStore : IGraphStore, ITheoryHistory
{
    private const int StreamPageSize = 1000;

    private readonly Neo4jConnection _connection;
    private readonly Neo4jStoreOptions _options;

    private Neo4jGraphStore(Neo4jConnection connection)
    {
        _connection = connection;
        _options = connection.Options;
    }

    public string Location => "neo4j " + _options.Location;

    /// <summary>The server's version as its discovery endpoint gave it, or null where there is none (Aura).</summary>
    public string? ServerVersion => _connection.ServerVersion;

    /// <summary>
    /// Connects, checks the server, and creates the constraints and indexes the store needs (idempotently).
    /// </summary>
    /// <param name="handler">The HTTP handler to send through (tests, proxies, custom certificates); a pooled one when null.</param>
    /// <exception cref="GraphStoreUnavailableException">
    /// The server cannot be reached, refuses the credentials, has no Query API, or is too old; the message says what to fix.
    /// </exception>
    public static async Task<Neo4jGraphStore> OpenAsync(Neo4jStoreOptions options, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        if (options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "the batch size must be at least 1");
        }
        var connection = await Neo4jConnection.OpenAsync(options, handler, cancellationToken);
        var store = new Neo4jGraphStore(connection);
        try
        {
            await store.StartAsync(cancellationToken);
            return store;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await _connection.EnsureSchemaAsync(Cypher.Schema, cancellationToken);
        await _connection.WriteAsync(new Statement(Cypher.EnsureMeta), cancellationToken);
    }

    public async ValueTask<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var result = await ReadAsync(new Statement(Cypher.ReadVersion), cancellationToken);
        return result.Single<long>("version");
    }

    /// <summary>
    /// Always unknown: other replicas write the same graph, so no log this process could keep is complete, and a
    /// cache reads the graph afresh after any write.
    /// </summary>
    public Task<GraphChanges?> GetChangesSinceAsync(long version, CancellationToken cancellationToken) => Task.FromResult<GraphChanges?>(null);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private Task<QueryResult> ReadAsync(Statement statement, CancellationToken cancellationToken) =>
        _connection.ReadAsync(statement, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction opened by the version bump and committed with a read of the
    /// new version (rolled back when the work says so, or throws).
    /// </summary>
    private Task<T> InWriteTransactionAsync<T>(Func<QueryApiTransaction, CancellationToken, Task<(T Value, bool Commit)>> work, CancellationToken cancellationToken) =>
        _connection.InTransactionAsync(new Statement(Cypher.BumpVersion), new Statement(Cypher.ReadVersion), work, cancellationToken);

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
