using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>One request as the server saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string? Accept, string? ContentType, string? Affinity, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers with fixture files (Neo4j/Fixtures, each citing its documentation
/// page) in the order scripted, and records exactly what was sent. A request beyond the script fails the test.
/// </summary>
internal sealed class FixtureServer : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>A server that has answered the store's start-up: discovery, the schema statements, the version stamp.</summary>
    public static FixtureServer Started() =>
        new FixtureServer().Then("discovery").Then("schema-ok", LocalVision.Graph.Neo4j.Cypher.Schema.Count).Then("meta-ok");

    public FixtureServer Then(string fixture, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _answers.Enqueue(() => Load(fixture));
        }
        return this;
    }

    public FixtureServer ThenThrow(Exception exception)
    {
        _answers.Enqueue(() => throw exception);
        return this;
    }

    /// <summary>Forgets the requests so far (the start-up), so a test sees only its own.</summary>
    public FixtureServer Forget()
    {
        Requests.Clear();
        return this;
    }

    public static HttpResponseMessage Load(string fixture)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Neo4j", "Fixtures", fixture + ".json")))!;
        var response = new HttpResponseMessage((HttpStatusCode)file["status"]!.GetValue<int>());
        var headers = file["headers"]!.AsObject();
        if (file["body"] is { } body)
        {
            var contentType = headers["Content-Type"]?.GetValue<string>() ?? "application/json";
            response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            response.Content.Headers.ContentType = new(contentType);
        }
        foreach (var (name, value) in headers)
        {
            if (name != "Content-Type")
            {
                response.Headers.Add(name, value!.GetValue<string>());
            }
        }
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            request.Headers.Authorization?.ToString(),
            request.Headers.Accept.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            request.Headers.TryGetValues("neo4j-cluster-affinity", out var affinity) ? affinity.Single() : null,
            body));
        if (!_answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"no answer scripted for {request.Method} {request.RequestUri} {body}");
        }
        return answer();
    }
}
