using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Neo4j;

/// <summary>What the discovery endpoint (<c>GET /</c>) says about the server.</summary>
/// <param name="QueryTemplate">The Query API address with <c>{databaseName}</c> in it; null when the server offers none.</param>
internal sealed record QueryApiDiscovery(string? Version, string? Edition, string? QueryTemplate);

/// <summary>
/// Neo4j's HTTP Query API v2: implicit transactions (<c>POST /db/{db}/query/v2</c>) and explicit ones
/// (<c>…/tx</c>, <c>…/tx/{id}</c>, <c>…/tx/{id}/commit</c>, <c>DELETE …/tx/{id}</c>). Requests are plain JSON;
/// answers are asked for in typed JSON so integers keep their precision. A body carrying <c>errors</c> is a
/// failure whatever the status code (the API answers 202 before it knows how a statement ends).
/// </summary>
internal sealed class QueryApiClient(HttpClient http, Neo4jStoreOptions options)
{
    public const string TypedJsonMediaType = "application/vnd.neo4j.query";
    public const string AffinityHeader = "neo4j-cluster-affinity";

    // The body goes to Neo4j, never into HTML: Cypher's quotes and comparison signs need no escaping.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly AuthenticationHeaderValue? _authorization = options.User is null
        ? null
        : new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));

    /// <summary>The Query API's path relative to the base address.</summary>
    public string QueryPath { get; private set; } = $"db/{Uri.EscapeDataString(options.Database)}/query/v2";

    /// <summary>Follows the path the discovery endpoint announced (its host is ignored: behind a proxy it is the server's own view).</summary>
    public void UseQueryTemplate(string template)
    {
        const string placeholder = "{databaseName}";
        if (Uri.TryCreate(template, UriKind.Absolute, out var announced)
            && Uri.UnescapeDataString(announced.AbsolutePath) is var path && path.Contains(placeholder, StringComparison.Ordinal))
        {
            QueryPath = path.TrimStart('/').Replace(placeholder, Uri.EscapeDataString(options.Database), StringComparison.Ordinal);
        }
    }

    /// <summary>The discovery document, or null where the server has none (Aura answers 404).</summary>
    public async Task<QueryApiDiscovery?> DiscoverAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Discovery is unauthenticated: the credentials go only to the Query API.
        using var response = await SendAsync(request, authorize: false, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            return new QueryApiDiscovery(Text(root, "neo4j_version"), Text(root, "neo4j_edition"), Text(root, "query") ?? Text(root, "query_api"));
        }
        catch (JsonException)
        {
            return null;
        }

        static string? Text(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>One statement in its own transaction; reads go to cluster readers, after the given bookmarks.</summary>
    public async Task<QueryResult> RunAsync(Statement statement, bool readOnly, IReadOnlyList<string> bookmarks, CancellationToken cancellationToken)
    {
        using var request = Post(QueryPath, Body(statement, readOnly, bookmarks));
        var (result, _, _) = await ExchangeAsync(request, cancellationToken);
        return result;
    }

    /// <summary>Opens an explicit transaction with its first statement.</summary>
    public async Task<QueryApiTransaction> BeginAsync(Statement first, IReadOnlyList<string> bookmarks, CancellationToken cancellationToken)
    {
        using var request = Post($"{QueryPath}/tx", Body(first, readOnly: false, bookmarks));
        var (result, id, affinity) = await ExchangeAsync(request, cancellationToken);
        if (id is null)
        {
            throw new QueryApiException(HttpStatusCode.OK, null, "the server opened no transaction (the answer has no transaction id)");
        }
        return new QueryApiTransaction(this, id, affinity, result);
    }

    internal async Task<(QueryResult Result, string? TransactionId)> SendInTransactionAsync(
        HttpMethod method, string path, Statement? statement, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (statement is not null)
        {
            request.Content = Json(Body(statement, readOnly: false, []));
        }
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }
        var (result, id, _) = await ExchangeAsync(request, cancellationToken);
        return (result, id);
    }

    private HttpRequestMessage Post(string path, JsonObject body) =>
        new(HttpMethod.Post, path) { Content = Json(body) };

    private static ByteArrayContent Json(JsonObject body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString(Compact)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static JsonObject Body(Statement statement, bool readOnly, IReadOnlyList<string> bookmarks)
    {
        var body = new JsonObject { ["statement"] = statement.Text };
        if (statement.Parameters.Count > 0)
        {
            body["parameters"] = statement.Parameters.DeepClone();
        }
        if (readOnly)
        {
            body["accessMode"] = "Read";
        }
        if (bookmarks.Count > 0)
        {
            body["bookmarks"] = new JsonArray(bookmarks.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray());
        }
        return body;
    }

    private async Task<(QueryResult Result, string? TransactionId, string? Affinity)> ExchangeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJsonMediaType));
        using var response = await SendAsync(request, authorize: true, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonDocument? document = null;
        try
        {
            document = text.Length == 0 ? null : JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, say): judged by the status code below.
        }
        using (document)
        {
            var root = document?.RootElement;
            if (root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() : null;
                var messages = errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : null).Where(m => m is not null);
                throw new QueryApiException(response.StatusCode, code, string.Join(" / ", messages));
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new QueryApiException(response.StatusCode, null, text.Length > 300 ? text[..300] + "…" : text);
            }
            if (root is not { ValueKind: JsonValueKind.Object } body)
            {
                return (QueryResult.Empty, null, null);
            }
            var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return (ReadResult(body), TransactionId(body), affinity);
        }
    }

    private static QueryResult ReadResult(JsonElement body)
    {
        var fields = new List<string>();
        var rows = new List<IReadOnlyList<object?>>();
        if (body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("fields", out var f))
            {
                fields.AddRange(f.EnumerateArray().Select(x => x.GetString()!));
            }
            if (data.TryGetProperty("values", out var v))
            {
                rows.AddRange(v.EnumerateArray().Select(row => (IReadOnlyList<object?>)row.EnumerateArray().Select(TypedJson.Read).ToList()));
            }
        }
        var bookmarks = body.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? b.EnumerateArray().Select(x => x.GetString()!).ToList()
            : [];
        return new QueryResult(fields, rows, bookmarks);
    }

    private static string? TransactionId(JsonElement body) =>
        body.TryGetProperty("transaction", out var tx) && tx.ValueKind == JsonValueKind.Object && tx.TryGetProperty("id", out var id)
            ? id.GetString()
            : null;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool authorize, CancellationToken cancellationToken)
    {
        if (authorize && _authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new GraphStoreUnavailableException(StoreFault.Unreachable,
                $"cannot reach Neo4j at {options.Location}: {e.Message}; check the address and that the server runs with server.http.enabled=true", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphStoreUnavailableException(StoreFault.Unreachable,
                $"Neo4j at {options.Location} did not answer within {options.RequestTimeout.TotalSeconds:0} s", e);
        }
    }
}

/// <summary>
/// An open explicit transaction. Every request replays the <c>neo4j-cluster-affinity</c> header the server sent
/// when it opened, so a cluster routes it to the member that holds the transaction. Disposing an open one rolls it back.
/// </summary>
internal sealed class QueryApiTransaction(QueryApiClient client, string id, string? affinity, QueryResult first) : IAsyncDisposable
{
    private bool _open = true;

    public string Id { get; } = id;

    /// <summary>The result of the statement the transaction was opened with.</summary>
    public QueryResult FirstResult { get; } = first;

    public async Task<QueryResult> RunAsync(Statement statement, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, $"{client.QueryPath}/tx/{Id}", statement, cancellationToken)).Result;

    /// <summary>Runs a last statement and commits; the result carries the bookmark of the commit.</summary>
    public async Task<QueryResult> CommitAsync(Statement last, CancellationToken cancellationToken)
    {
        var (result, _) = await SendAsync(HttpMethod.Post, $"{client.QueryPath}/tx/{Id}/commit", last, cancellationToken);
        _open = false;
        return result;
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (!_open)
        {
            return;
        }
        _open = false;
        await client.SendInTransactionAsync(HttpMethod.Delete, $"{client.QueryPath}/tx/{Id}", null, affinity, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is QueryApiException or GraphStoreUnavailableException)
        {
            // The server rolls back an abandoned transaction when it times out; nothing more to do here.
        }
    }

    private async Task<(QueryResult Result, string? TransactionId)> SendAsync(HttpMethod method, string path, Statement statement, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendInTransactionAsync(method, path, statement, affinity, cancellationToken);
        }
        catch (QueryApiException e)
        {
            // A statement that fails rolls the transaction back on the server.
            _open = false;
            if (e.IsTransactionNotFound || (e.Status == HttpStatusCode.NotFound && e.Code is null))
            {
                throw new GraphStoreUnavailableException(StoreFault.Unreachable,
                    $"the Neo4j transaction {Id} expired or was lost before it committed (idle longer than server.queryapi.transaction_idle_timeout, "
                    + "60 s by default, or routed to another cluster member without its neo4j-cluster-affinity header); nothing of this request was written, send it again", e);
            }
            throw;
        }
    }
}
