using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using LocalVision.Graph.Neo4j;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>
/// A real Neo4j for the tests that need one: the server named by <c>NEO4J_URI</c> (with <c>NEO4J_USER</c>,
/// <c>NEO4J_PASSWORD</c>, <c>NEO4J_DATABASE</c>), or else a throwaway container of a pinned image when a Docker daemon
/// answers, or else none — and then <see cref="SkipReason"/> says how to get one. The tests delete every
/// LocalVision node in that database, so point <c>NEO4J_URI</c> at a scratch server.
/// </summary>
public sealed class Neo4jServer : IAsyncLifetime
{
    /// <summary>5.26 LTS: the first release with Query API explicit transactions, the API on by default.</summary>
    public const string Image = "neo4j:5.26.0-community";

    private const string ContainerPassword = "localvision-tests";

    private IContainer? _container;

    /// <summary>Where the server is; null when there is none.</summary>
    public Neo4jStoreOptions? Options { get; private set; }

    /// <summary>Why there is no server and how to provide one; null when there is one.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 } uri)
        {
            var address = Neo4jAddress.Parse(uri);
            Options = new Neo4jStoreOptions
            {
                Uri = address.Uri,
                User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? address.User ?? "neo4j",
                Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD"),
                Database = Environment.GetEnvironmentVariable("NEO4J_DATABASE") ?? Neo4jStoreOptions.DefaultDatabase,
            };
            return;
        }
        if (!DockerMayBeThere())
        {
            SkipReason = "no Neo4j server: set NEO4J_URI=http://localhost:7474 with NEO4J_USER and NEO4J_PASSWORD (a scratch server: "
                + $"the tests delete all LocalVision data in NEO4J_DATABASE, default neo4j), or start a Docker daemon so Testcontainers can run {Image}";
            return;
        }
        try
        {
            _container = new ContainerBuilder(Image)
                .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                .WithPortBinding(7474, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(7474).ForPath("/")))
                .Build();
            await _container.StartAsync(TestContext.Current.CancellationToken);
            Options = new Neo4jStoreOptions
            {
                Uri = new UriBuilder("http", _container.Hostname, _container.GetMappedPublicPort(7474), "/").Uri,
                User = "neo4j",
                Password = ContainerPassword,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SkipReason = $"Docker is there but {Image} did not start ({e.GetType().Name}: {e.Message}); set NEO4J_URI to use a running server instead";
        }
    }

    /// <summary>A store on an emptied database (every LocalVision node, version stamp and request id deleted).</summary>
    public async Task<Neo4jGraphStore> OpenEmptyStoreAsync(CancellationToken cancellationToken)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var options = Options!;
        using (var http = new HttpClient { BaseAddress = options.Uri, Timeout = options.RequestTimeout })
        {
            var api = new QueryApiClient(http, options);
            await api.RunAsync(new Statement(
                $"MATCH (n) WHERE n:{Cypher.NodeLabel} OR n:{Cypher.MetaLabel} OR n:{Cypher.RequestLabel} DETACH DELETE n"), readOnly: false, [], cancellationToken);
        }
        return await Neo4jGraphStore.OpenAsync(options, cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static bool DockerMayBeThere() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");
}

/// <summary>Tests on the real server run one class at a time: each empties the database.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Neo4jServerCollection : ICollectionFixture<Neo4jServer>
{
    public const string Name = "Neo4j server";
}
