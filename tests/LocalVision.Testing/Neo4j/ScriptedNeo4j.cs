using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Schema;

namespace LocalVision.Testing.Neo4j;

/// <summary>
/// A FAKE Neo4j: an in-memory <see cref="HttpMessageHandler"/> that speaks the Query API v2 (discovery, implicit
/// queries, explicit transactions, typed JSON answers, bookmarks, the cluster-affinity header, Basic auth) and
/// answers only the statements the store is known to send — each one exactly as <see cref="Cypher"/> writes it —
/// by acting on a dictionary graph the way Neo4j would (Cypher's comparison rules, shortest-path distances).
/// Any other statement is a syntax error. It lets the store contract run without a server; it proves the store
/// and this script agree, not that Neo4j runs the Cypher — that needs a real server (NEO4J_URI).
/// </summary>
public sealed class ScriptedNeo4j : HttpMessageHandler
{
    public const string User = "neo4j";
    public const string Password = "scripted-secret";
    public const string Database = "neo4j";

    private delegate (string[] Fields, List<object?[]> Rows) Script(FakeGraph graph, IReadOnlyDictionary<string, object?> parameters);

    private readonly Dictionary<string, Script> _scripts = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<string, FakeGraph> _transactions = new(StringComparer.Ordinal);
    private readonly Queue<(HttpStatusCode Status, string Code, string Message)> _failures = new();
    private readonly Lock _gate = new();
    private FakeGraph _committed = new();
    private int _nextTransaction;
    private int _commits;

    public ScriptedNeo4j(string version = "5.26.0")
    {
        Version = version;
        foreach (var statement in Cypher.Schema)
        {
            _scripts[statement] = (g, _) =>
            {
                if (SchemaForbidden)
                {
                    throw new Refusal("Neo.ClientError.Security.Forbidden", $"Schema operation on database '{Database}' is not allowed for user '{User}'.");
                }
                g.Schema.Add(Cypher.SchemaName(statement));
                return ([], []);
            };
        }
        _scripts[Cypher.ShowConstraints] = (g, _) => (["names"], [[g.Schema.Where(n => n.Contains("_name") || n.EndsWith("_id", StringComparison.Ordinal)).Cast<object?>().ToList()]]);
        _scripts[Cypher.ShowIndexes] = (g, _) => (["names"], [[g.Schema.Cast<object?>().ToList()]]);
        _scripts[Cypher.EnsureMeta] = (g, _) => (["version"], [[g.Version ??= 0]]);
        _scripts[Cypher.BumpVersion] = (g, _) => (["version"], [[g.Version = (g.Version ?? 0) + 1]]);
        _scripts[Cypher.ReadVersion] = (g, _) => (["version"], [[g.Version ?? 0]]);
        _scripts[Cypher.FindRequest] = FindRequest;
        _scripts[Cypher.RememberRequest] = RememberRequest;
        _scripts[Cypher.MissingNodes] = (g, p) => (["missing"], [[Strings(p["names"]).Where(n => !g.Nodes.ContainsKey(n)).Cast<object?>().ToList()]]);
        _scripts[Cypher.GetNodes] = (g, p) => (["node"], Strings(p["names"]).Where(g.Nodes.ContainsKey).Select(n => new object?[] { NodeMap(g.Nodes[n]) }).ToList());
        _scripts[Cypher.CountRelationshipsOfNode] = CountRelationshipsOfNode;
        _scripts[Cypher.DeleteNode] = DeleteNode;
        _scripts[Cypher.Count] = Count;
        _scripts[Cypher.ReadNodes] = ReadNodes;
        _scripts[Cypher.ReadRelationships] = ReadRelationships;
        _scripts[Cypher.RelationshipsAmong] = RelationshipsAmong;
        ScriptedTheoryCypher.AddTo(this);
        _scripts[Cypher.RelationshipsByKey] = RelationshipsByKey;
        _scripts[Cypher.ListNodes(null)] = (g, p) => ListNodes(g, p, null);
        foreach (var label in Labels.All)
        {
            _scripts[Cypher.UpsertNodes(label)] = (g, p) => UpsertNodes(g, p, label);
            _scripts[Cypher.ListNodes(label)] = (g, p) => ListNodes(g, p, label);
            _scripts[Cypher.AnyNodeHasProperty(label)] = (g, p) =>
                (["found"], [[g.Nodes.Values.Any(n => n.Labels.Contains(label) && n.Properties.GetValueOrDefault((string)p["key"]!) is not null)]]);
        }
        foreach (var type in GraphSchema.Relationships.Keys)
        {
            _scripts[Cypher.UpsertRelationships(type)] = (g, p) => UpsertRelationships(g, p, type);
        }
        foreach (var direction in Enum.GetValues<Direction>())
        {
            _scripts[Cypher.ListRelationships(direction)] = (g, p) => ListRelationships(g, p, direction);
        }
        for (var depth = 1; depth <= Cypher.MaxDepth; depth++)
        {
            var hops = depth;
            _scripts[Cypher.Neighborhood(depth)] = (g, p) => Neighborhood(g, p, hops);
        }
    }

    public string Version { get; }

    /// <summary>What a script added with <see cref="AddScript"/> does: acts on the nodes outside the graph and answers rows.</summary>
    public delegate (string[] Fields, List<object?[]> Rows) OtherScript(List<ScriptedNode> nodes, IReadOnlyDictionary<string, object?> parameters);

    /// <summary>
    /// Answers one more statement, sent by code outside the graph store that keeps nodes of its own (without the
    /// graph's label) in the same database. Its nodes take part in transactions as the graph's do.
    /// </summary>
    public void AddScript(string statement, OtherScript script) => _scripts.Add(statement, (g, p) => script(g.Others, p));

    /// <summary>The user may not create constraints or indexes (as a least-privileged user in Neo4j).</summary>
    public bool SchemaForbidden { get; set; }

    /// <summary>Every request as <c>METHOD path</c>, with the statement when there was one.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The bodies of the requests, parsed.</summary>
    public List<JsonObject?> Bodies { get; } = [];

    /// <summary>The next <paramref name="count"/> requests (after authentication) fail with this error.</summary>
    public void FailNext(int count, HttpStatusCode status, string code, string message)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue((status, code, message));
            }
        }
    }

    public int Commits => Volatile.Read(ref _commits);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var text = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        lock (_gate)
        {
            Requests.Add($"{request.Method} {path}" + (body?["statement"] is { } s ? " " + s.GetValue<string>() : ""));
            Bodies.Add(body);
        }
        if (request.Method == HttpMethod.Get && path == "/")
        {
            return Answer(HttpStatusCode.OK, new JsonObject
            {
                ["query"] = "http://localhost:7474/db/{databaseName}/query/v2",
                ["neo4j_version"] = Version,
                ["neo4j_edition"] = "community",
            }, null);
        }
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        if (request.Headers.Authorization?.ToString() != expected)
        {
            return Error(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");
        }
        lock (_gate)
        {
            if (_failures.TryDequeue(out var failure))
            {
                return Error(failure.Status, failure.Code, failure.Message);
            }
        }
        var prefix = $"/db/{Database}/query/v2";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var rest = path[prefix.Length..];
        var affinity = request.Headers.TryGetValues(QueryApiClient.AffinityHeader, out var a) ? a.Single() : null;
        return (request.Method.Method, rest) switch
        {
            ("POST", "") => await ImplicitAsync(body!, cancellationToken),
            ("POST", "/tx") => await BeginAsync(body!, cancellationToken),
            ("POST", _) when rest.EndsWith("/commit", StringComparison.Ordinal) => Commit(rest["/tx/".Length..^"/commit".Length], body, affinity),
            ("POST", _) => Run(rest["/tx/".Length..], body!, affinity),
            ("DELETE", _) => Rollback(rest["/tx/".Length..], affinity),
            _ => new HttpResponseMessage(HttpStatusCode.MethodNotAllowed),
        };
    }

    private async Task<HttpResponseMessage> ImplicitAsync(JsonObject body, CancellationToken cancellationToken)
    {
        if (body["accessMode"]?.GetValue<string>() == "Read")
        {
            FakeGraph snapshot;
            lock (_gate)
            {
                snapshot = _committed;
            }
            return Execute(snapshot, body, null, LatestBookmark);
        }
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var graph = _committed.Clone();
            var answer = Execute(graph, body, null, null);
            if (answer.IsSuccessStatusCode)
            {
                Publish(graph);
            }
            return answer;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<HttpResponseMessage> BeginAsync(JsonObject body, CancellationToken cancellationToken)
    {
        // One writer at a time, as the version stamp's lock makes it in Neo4j.
        await _writeLock.WaitAsync(cancellationToken);
        string id;
        var graph = _committed.Clone();
        lock (_gate)
        {
            id = "tx" + ++_nextTransaction;
            _transactions[id] = graph;
        }
        var answer = Execute(graph, body, id, LatestBookmark);
        if (!answer.IsSuccessStatusCode)
        {
            Close(id);
        }
        return answer;
    }

    private HttpResponseMessage Run(string id, JsonObject body, string? affinity)
    {
        if (Open(id, affinity) is not { } graph)
        {
            return TransactionNotFound(id);
        }
        var answer = Execute(graph, body, id, LatestBookmark);
        if (!answer.IsSuccessStatusCode)
        {
            Close(id);
        }
        return answer;
    }

    private HttpResponseMessage Commit(string id, JsonObject? body, string? affinity)
    {
        if (Open(id, affinity) is not { } graph)
        {
            return TransactionNotFound(id);
        }
        // Writers are serialised, so this commit's bookmark is the next one.
        var bookmark = $"FB:scripted:{graph.Bookmark + 1}";
        var answer = body is null
            ? Answer(HttpStatusCode.Accepted, new JsonObject { ["bookmarks"] = new JsonArray(bookmark) }, null)
            : Execute(graph, body, null, bookmark);
        if (answer.IsSuccessStatusCode)
        {
            Publish(graph);
            Interlocked.Increment(ref _commits);
        }
        Close(id);
        return answer;
    }

    private HttpResponseMessage Rollback(string id, string? affinity)
    {
        if (Open(id, affinity) is null)
        {
            return TransactionNotFound(id);
        }
        Close(id);
        return Answer(HttpStatusCode.Accepted, new JsonObject(), null);
    }

    private FakeGraph? Open(string id, string? affinity)
    {
        lock (_gate)
        {
            return affinity == Affinity(id) && _transactions.TryGetValue(id, out var graph) ? graph : null;
        }
    }

    private void Close(string id)
    {
        bool held;
        lock (_gate)
        {
            held = _transactions.Remove(id);
        }
        if (held)
        {
            _writeLock.Release();
        }
    }

    private void Publish(FakeGraph graph)
    {
        lock (_gate)
        {
            _committed = graph;
            graph.Bookmark++;
        }
    }

    /// <summary>The bookmark of the last commit.</summary>
    public string LatestBookmark
    {
        get
        {
            lock (_gate)
            {
                return $"FB:scripted:{_committed.Bookmark}";
            }
        }
    }

    private static string Affinity(string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("member-of-" + id));

    private HttpResponseMessage Execute(FakeGraph graph, JsonObject body, string? transaction, string? bookmark)
    {
        var statement = body["statement"]?.GetValue<string>() ?? "";
        if (!_scripts.TryGetValue(statement, out var script))
        {
            return Error(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "the scripted Neo4j does not know this statement: " + statement);
        }
        var parameters = body["parameters"] is JsonObject p ? (Dictionary<string, object?>)FromJson(JsonSerializer.SerializeToElement(p))! : [];
        try
        {
            var (fields, rows) = script(graph, parameters);
            var answer = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)f).ToArray()),
                    ["values"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonArray(r.Select(Typed).ToArray())).ToArray()),
                },
            };
            if (bookmark is not null)
            {
                answer["bookmarks"] = new JsonArray(bookmark);
            }
            if (transaction is not null)
            {
                answer["transaction"] = new JsonObject { ["id"] = transaction, ["expires"] = "2030-01-01T00:00:00Z" };
            }
            return Answer(HttpStatusCode.Accepted, answer, transaction is null ? null : Affinity(transaction));
        }
        catch (Refusal e)
        {
            return Error(HttpStatusCode.Accepted, e.Code, e.Message);
        }
    }

    private static HttpResponseMessage TransactionNotFound(string id) =>
        Error(HttpStatusCode.NotFound, "Neo.ClientError.Request.Invalid",
            $"Transaction with Id: \"{id}\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided.");

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Answer(status, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) }, null);

    private static HttpResponseMessage Answer(HttpStatusCode status, JsonObject body, string? affinity)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, QueryApiClient.TypedJsonMediaType),
        };
        if (affinity is not null)
        {
            response.Headers.Add(QueryApiClient.AffinityHeader, affinity);
        }
        return response;
    }

    // ---- the statements, acted out on the dictionary graph ----

    private static (string[], List<object?[]>) UpsertNodes(FakeGraph graph, IReadOnlyDictionary<string, object?> p, string label)
    {
        var now = (long)p["now"]!;
        var rows = new List<object?[]>();
        foreach (var row in Maps(p["rows"]))
        {
            var name = (string)row["name"]!;
            if (!graph.Nodes.TryGetValue(name, out var node))
            {
                node = new FakeNode([Cypher.NodeLabel], new Dictionary<string, object?> { ["name"] = name, ["createTime"] = now });
                graph.Nodes[name] = node;
            }
            var createTime = node.Properties["createTime"];
            node.Properties.Clear();
            foreach (var (key, value) in Map(row["fields"]))
            {
                if (value is not null)
                {
                    node.Properties[key] = value;
                }
            }
            node.Labels.Add(label);
            node.Properties["createTime"] = createTime;
            node.Properties["updateTime"] = now;
            rows.Add([name, createTime]);
        }
        return (["name", "createTime"], rows);
    }

    private static (string[], List<object?[]>) UpsertRelationships(FakeGraph graph, IReadOnlyDictionary<string, object?> p, string type)
    {
        long written = 0;
        foreach (var row in Maps(p["rows"]))
        {
            var (start, end) = ((string)row["start"]!, (string)row["end"]!);
            if (!graph.Nodes.ContainsKey(start) || !graph.Nodes.ContainsKey(end))
            {
                continue;
            }
            var relationship = graph.Relationships.FirstOrDefault(r => r.Type == type && r.Start == start && r.End == end);
            if (relationship is null)
            {
                relationship = new FakeRelationship(type, start, end, []);
                graph.Relationships.Add(relationship);
            }
            relationship.Properties["properties"] = row["properties"];
            written++;
        }
        return (["written"], [[written]]);
    }

    private static (string[], List<object?[]>) FindRequest(FakeGraph graph, IReadOnlyDictionary<string, object?> p) =>
        (["result", "owner", "fingerprint"], graph.Requests.TryGetValue((string)p["id"]!, out var request) ? [[request.Result, request.Owner, request.Fingerprint]] : []);

    private static (string[], List<object?[]>) RememberRequest(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var id = (string)p["id"]!;
        if (!graph.Requests.TryAdd(id, ((string)p["result"]!, p.GetValueOrDefault("owner") as string, p.GetValueOrDefault("fingerprint") as string)))
        {
            throw new Refusal("Neo.ClientError.Schema.ConstraintValidationFailed", $"Node already exists with label `{Cypher.RequestLabel}` and property `id` = '{id}'");
        }
        return ([], []);
    }

    private static (string[], List<object?[]>) CountRelationshipsOfNode(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var name = (string)p["name"]!;
        return graph.Nodes.ContainsKey(name)
            ? (["relationships"], [[(long)graph.Relationships.Count(r => r.Start == name || r.End == name)]])
            : (["relationships"], []);
    }

    private static (string[], List<object?[]>) DeleteNode(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var name = (string)p["name"]!;
        graph.Nodes.Remove(name);
        graph.Relationships.RemoveAll(r => r.Start == name || r.End == name);
        return ([], []);
    }

    private static (string[], List<object?[]>) Count(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var byLabel = graph.Nodes.Values.GroupBy(n => (string)n.Properties["label"]!)
            .Select(g => (object?)new Dictionary<string, object?> { ["label"] = g.Key, ["nodes"] = (long)g.Count() })
            .ToList();
        var byType = graph.Relationships.GroupBy(r => r.Type)
            .Select(g => (object?)new Dictionary<string, object?> { ["type"] = g.Key, ["relationships"] = (long)g.Count() })
            .ToList();
        return (["byLabel", "byType"], [[byLabel, byType]]);
    }

    private static (string[], List<object?[]>) ReadNodes(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var labels = Strings(p["labels"]).ToHashSet();
        var after = (string)p["after"]!;
        var rows = graph.Nodes.Values
            .Where(n => labels.Count == 0 || labels.Contains((string)n.Properties["label"]!))
            .Where(n => string.CompareOrdinal((string)n.Properties["name"]!, after) > 0)
            .OrderBy(n => (string)n.Properties["name"]!, StringComparer.Ordinal)
            .Take(checked((int)(long)p["limit"]!))
            .Select(n => new object?[] { NodeMap(n) })
            .ToList();
        return (["node"], rows);
    }

    private static (string[], List<object?[]>) ReadRelationships(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var labels = Strings(p["labels"]).ToHashSet();
        var after = (string)p["after"]!;
        var rows = graph.Nodes.Values
            .Select(n => (string)n.Properties["name"]!)
            .Where(name => string.CompareOrdinal(name, after) > 0 && (labels.Count == 0 || labels.Contains(graph.LabelOf(name))))
            .Order(StringComparer.Ordinal)
            .Take(checked((int)(long)p["limit"]!))
            .Select(name => new object?[]
            {
                name,
                graph.Relationships
                    .Where(r => r.Start == name && (labels.Count == 0 || labels.Contains(graph.LabelOf(r.End))))
                    .Select(r => (object?)new Dictionary<string, object?> { ["type"] = r.Type, ["endName"] = r.End, ["properties"] = r.Properties["properties"] })
                    .ToList(),
            })
            .ToList();
        return (["startName", "relationships"], rows);
    }

    private static (string[], List<object?[]>) RelationshipsByKey(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var rows = Maps(p["keys"])
            .SelectMany(k => graph.Relationships.Where(r => r.Type == (string)k["type"]! && r.Start == (string)k["start"]! && r.End == (string)k["end"]!))
            .Select(r => new object?[] { r.Type, r.Start, r.End, r.Properties["properties"] })
            .ToList();
        return (["type", "startName", "endName", "properties"], rows);
    }

    private static (string[], List<object?[]>) RelationshipsAmong(FakeGraph graph, IReadOnlyDictionary<string, object?> p)
    {
        var names = Strings(p["names"]).ToHashSet();
        var types = Strings(p["types"]).ToHashSet();
        var rows = graph.Relationships
            .Where(r => names.Contains(r.Start) && names.Contains(r.End) && (types.Count == 0 || types.Contains(r.Type)))
            .OrderBy(r => r.Start, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.End, StringComparer.Ordinal)
            .Take(checked((int)(long)p["limit"]!))
            .Select(r => new object?[] { r.Type, r.Start, r.End, r.Properties["properties"] })
            .ToList();
        return (["type", "startName", "endName", "properties"], rows);
    }

    private static (string[], List<object?[]>) ListNodes(FakeGraph graph, IReadOnlyDictionary<string, object?> p, string? label)
    {
        var filter = Maps(p["filter"]).ToList();
        var matching = graph.Nodes.Values
            .Where(n => label is null || n.Labels.Contains(label))
            .Where(n => filter.All(c => Passes(n, c)))
            .ToList();
        var after = (string?)p["after"];
        var page = matching
            .Where(n => after is null || string.CompareOrdinal((string)n.Properties["name"]!, after) > 0)
            .OrderBy(n => (string)n.Properties["name"]!, StringComparer.Ordinal)
            .Take(checked((int)(long)p["limit"]!))
            .Select(n => (object?)NodeMap(n))
            .ToList();
        return (["total", "page"], [[(long)matching.Count, page]]);
    }

    /// <summary>One filter clause as Cypher evaluates it: different types are unequal and unordered, null propagates.</summary>
    private static bool Passes(FakeNode node, IReadOnlyDictionary<string, object?> clause)
    {
        node.Properties.TryGetValue((string)clause["key"]!, out var stored);
        var value = clause["value"];
        var op = (string)clause["op"]!;
        bool? equal = stored is null || value is null ? null : CypherCompare(stored, value) == 0;
        int? order = stored is null || value is null ? null : CypherCompare(stored, value);
        return op switch
        {
            "=" => equal ?? false,
            "<>" => !(equal ?? false),
            "<" => order is { } o1 && o1 < 0,
            "<=" => order is { } o2 && o2 <= 0,
            ">" => order is { } o3 && o3 > 0,
            ">=" => order is { } o4 && o4 >= 0,
            _ => false,
        };
    }

    /// <summary>Comparison of two non-null values; <see cref="int.MinValue"/>-free: values of different kinds never compare equal or ordered.</summary>
    private static int? CypherCompare(object stored, object value) => (stored, value) switch
    {
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        (long or double, long or double) => Convert.ToDouble(stored, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static (string[], List<object?[]>) ListRelationships(FakeGraph graph, IReadOnlyDictionary<string, object?> p, Direction direction)
    {
        var name = (string)p["name"]!;
        if (!graph.Nodes.ContainsKey(name))
        {
            return (["relationships"], []);
        }
        var type = (string?)p["type"];
        var after = (string?)p["after"];
        var page = graph.Relationships
            .Where(r => direction switch
            {
                Direction.Outgoing => r.Start == name,
                Direction.Incoming => r.End == name,
                _ => r.Start == name || r.End == name,
            })
            .Where(r => type is null || r.Type == type)
            .Select(r => (Relationship: r, Key: Key(r)))
            .Where(x => after is null || string.CompareOrdinal(x.Key, after) > 0)
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Take(checked((int)(long)p["limit"]!))
            .Select(x => (object?)new Dictionary<string, object?>
            {
                ["type"] = x.Relationship.Type,
                ["startName"] = x.Relationship.Start,
                ["endName"] = x.Relationship.End,
                ["properties"] = x.Relationship.Properties["properties"],
                ["key"] = x.Key,
            })
            .ToList();
        return (["relationships"], [[page]]);
    }

    /// <summary>Shortest hop counts over allowed types, entering only nodes of allowed labels, as ANY SHORTEST finds them.</summary>
    private static (string[], List<object?[]>) Neighborhood(FakeGraph graph, IReadOnlyDictionary<string, object?> p, int depth)
    {
        var start = (string)p["name"]!;
        if (!graph.Nodes.ContainsKey(start))
        {
            return (["start", "reached"], []);
        }
        var types = Strings(p["types"]).ToHashSet();
        var labels = Strings(p["labels"]).ToHashSet();
        var hops = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
        var frontier = new List<string> { start };
        for (var hop = 1; hop <= depth && frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            foreach (var name in frontier)
            {
                foreach (var r in graph.Relationships.Where(r => (r.Start == name || r.End == name) && (types.Count == 0 || types.Contains(r.Type))))
                {
                    var other = r.Start == name ? r.End : r.Start;
                    if ((labels.Count == 0 || labels.Contains(graph.LabelOf(other))) && hops.TryAdd(other, hop))
                    {
                        next.Add(other);
                    }
                }
            }
            frontier = next;
        }
        var reached = hops.Where(h => h.Key != start)
            .OrderBy(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal)
            .Take(checked((int)(long)p["limit"]!))
            .Select(h => (object?)h.Key)
            .ToList();
        return (["start", "reached"], [[start, reached]]);
    }

    private static string Key(FakeRelationship r) => $"{r.Start} {r.Type} {r.End}";

    private static Dictionary<string, object?> NodeMap(FakeNode node) =>
        new[] { "name", "label", "displayName", "properties", "createTime", "updateTime" }
            .ToDictionary(k => k, k => node.Properties.GetValueOrDefault(k), StringComparer.Ordinal);

    private static IEnumerable<string> Strings(object? list) => ((List<object?>)list!).Cast<string>();

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Maps(object? list) => ((List<object?>)list!).Select(Map);

    private static IReadOnlyDictionary<string, object?> Map(object? map) => (Dictionary<string, object?>)map!;

    /// <summary>Plain JSON parameters as Neo4j reads them: whole numbers are integers, others floats.</summary>
    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(x => x.Name, x => FromJson(x.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static JsonNode Typed(object? value) => value switch
    {
        null => new JsonObject { ["$type"] = "Null", ["_value"] = null },
        string s => new JsonObject { ["$type"] = "String", ["_value"] = s },
        bool b => new JsonObject { ["$type"] = "Boolean", ["_value"] = b },
        long l => new JsonObject { ["$type"] = "Integer", ["_value"] = l.ToString(CultureInfo.InvariantCulture) },
        double d => new JsonObject { ["$type"] = "Float", ["_value"] = d.ToString("R", CultureInfo.InvariantCulture) },
        IEnumerable<KeyValuePair<string, object?>> map => new JsonObject
        {
            ["$type"] = "Map",
            ["_value"] = new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Typed(kv.Value)))),
        },
        List<object?> list => new JsonObject { ["$type"] = "List", ["_value"] = new JsonArray(list.Select(v => (JsonNode?)Typed(v)).ToArray()) },
        _ => throw new InvalidOperationException($"the scripted Neo4j cannot type {value.GetType()}"),
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writeLock.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The statement fails with this Neo4j error (a script may throw it: a constraint refusing a node, say).</summary>
    public sealed class Refusal(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }

    private sealed record FakeNode(HashSet<string> Labels, Dictionary<string, object?> Properties);

    private sealed record FakeRelationship(string Type, string Start, string End, Dictionary<string, object?> Properties);

    private sealed class FakeGraph
    {
        public Dictionary<string, FakeNode> Nodes { get; private init; } = new(StringComparer.Ordinal);

        public List<FakeRelationship> Relationships { get; private init; } = [];

        public Dictionary<string, (string Result, string? Owner, string? Fingerprint)> Requests { get; private init; } = new(StringComparer.Ordinal);

        /// <summary>Nodes without the graph's label, which only <see cref="AddScript"/> scripts touch.</summary>
        public List<ScriptedNode> Others { get; private init; } = [];

        /// <summary>The names of the constraints and indexes made.</summary>
        public HashSet<string> Schema { get; private init; } = new(StringComparer.Ordinal);

        public long? Version { get; set; }

        public long Bookmark { get; set; }

        public string LabelOf(string name) => (string)Nodes[name].Properties["label"]!;

        public FakeGraph Clone() => new()
        {
            Nodes = Nodes.ToDictionary(kv => kv.Key, kv => new FakeNode([.. kv.Value.Labels], new(kv.Value.Properties)), StringComparer.Ordinal),
            Relationships = Relationships.Select(r => r with { Properties = new(r.Properties) }).ToList(),
            Requests = new(Requests, StringComparer.Ordinal),
            Others = Others.Select(n => new ScriptedNode(n.Label, new(n.Properties, StringComparer.Ordinal))).ToList(),
            Schema = new(Schema, StringComparer.Ordinal),
            Version = Version,
            Bookmark = Bookmark,
        };
    }
}

/// <summary>A node outside the graph in the scripted Neo4j: one label and its properties (integers as <see cref="long"/>, lists as <see cref="List{T}"/>).</summary>
public sealed record ScriptedNode(string Label, Dictionary<string, object?> Properties);
