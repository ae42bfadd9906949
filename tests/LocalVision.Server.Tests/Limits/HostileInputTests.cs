using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using LocalVision.Graph.Store;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using DomainDirection = LocalVision.Graph.Model.Direction;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// A bounded fuzz of every GraphService RPC with random and mutated hostile requests (fixed seed): no call may end in
/// UNKNOWN or INTERNAL, every write among them must be refused, the server must keep serving, and the store must be
/// exactly as it was. Plus the message-size bounds.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const int Seed = 20151;
    private const int Requests = 3000;
    private const int MaxBatchSize = 50;
    private const int MaxMessageBytes = 512 * 1024;

    private static readonly string[] MalformedNames =
    [
        "", "x", "localities/", "/plymouth", "localities/Plymouth", "localities/plymouth/x", "localities/plym outh", "localities/plymóuth",
        "localities/plymouth\u0000", "../../etc/passwd", "localities//plymouth", "partners/-x", "partners/x-", "LOCALITIES/PLYMOUTH",
        "unicorns/plymouth", "localities/plymouth;DROP TABLE nodes", "evidence/%2e%2e", "\ud83d\ude00/\ud83d\ude00",
    ];

    private static readonly string[] BadDates = ["2015-02-30", "15-01-01", "99999-01-01", "1899-12-31", "2015-1-1", "2015-01-01T00:00:00Z", "", "yesterday"];

    private RunningServer _server = null!;
    private Random _random = null!;
    private List<string> _names = [];
    private List<string> _connected = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GraphService.GraphServiceClient Graph => _server.Graph;

    public async ValueTask InitializeAsync()
    {
        _server = await RunningServer.StartAsync(seed: true,
            $"--LocalVision:Limits:MaxBatchSize={MaxBatchSize}", $"--LocalVision:Limits:MaxMessageBytes={MaxMessageBytes}");
        var (nodes, relationships) = await ExportAsync();
        _names = nodes.Select(n => n.Name).ToList();
        _connected = relationships.SelectMany(r => new[] { r.Start, r.End }).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Fuzz_EveryGraphRpc_RefusesCleanlyAndLeavesTheStoreUnchanged()
    {
        _random = new Random(Seed);
        var before = await SnapshotAsync();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        (string Rpc, bool Writes, Func<Task> Call)[] rpcs =
        [
            ("GetNode", false, () => Graph.GetNodeAsync(new GetNodeRequest { Name = AnyName() }, Options()).ResponseAsync),
            ("ListNodes", false, () => Graph.ListNodesAsync(HostileListNodes(), Options()).ResponseAsync),
            ("ListRelationships", false, () => Graph.ListRelationshipsAsync(HostileListRelationships(), Options()).ResponseAsync),
            ("GetNeighborhood", false, () => Graph.GetNeighborhoodAsync(HostileNeighborhood(), Options()).ResponseAsync),
            ("ExportGraph", false, () => DrainExportAsync(HostileExport())),
            ("UpsertNodes", true, () => Graph.UpsertNodesAsync(HostileUpsertNodes(), Options()).ResponseAsync),
            ("UpsertRelationships", true, () => Graph.UpsertRelationshipsAsync(HostileUpsertRelationships(), Options()).ResponseAsync),
            ("DeleteNode", true, () => Graph.DeleteNodeAsync(HostileDelete(), Options()).ResponseAsync),
            ("ImportGraph", true, HostileImportAsync),
        ];

        for (var i = 0; i < Requests; i++)
        {
            var (rpc, writes, call) = rpcs[i % rpcs.Length];
            var code = await OutcomeAsync(call);
            outcomes[$"{rpc} {code}"] = outcomes.GetValueOrDefault($"{rpc} {code}") + 1;
            Assert.False(code is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss or StatusCode.Unavailable,
                $"request {i} to {rpc} ended in {code}");
            Assert.False(writes && code == StatusCode.OK, $"request {i}, a hostile {rpc}, was accepted");
        }

        var health = await new Health.HealthClient(_server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);
        var after = await SnapshotAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task UpsertNodes_MessageOverTheSizeLimit_IsResourceExhausted()
    {
        var node = WireNodes.Partner("huge");
        node.Properties.Fields["notes"] = Value.ForString(new string('x', MaxMessageBytes + 1));

        await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () => Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { node } }, cancellationToken: Ct));
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Graph.GetNodeAsync(new GetNodeRequest { Name = "partners/huge" }, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(150)]
    public async Task UpsertNodes_PropertiesNestedTooDeep_IsInvalidArgument(int depth)
    {
        // Past 16 levels the schema refuses it; past protobuf's limit of 100 the parser does, and that must not read as UNKNOWN.
        var node = WireNodes.Partner("deep");
        node.Properties.Fields["notes"] = Deep(depth);

        await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Graph.UpsertNodesAsync(new UpsertNodesRequest { Nodes = { node } }, cancellationToken: Ct));
    }

    [Fact]
    public async Task ListRelationships_ForgedPageToken_IsInvalidArgumentOnPageToken()
    {
        var token = PageToken.Encode("relationships|localities/plymouth||Both", "not-a-number");

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => Graph.ListRelationshipsAsync(new ListRelationshipsRequest { Node = "localities/plymouth", PageToken = token }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "page_token");
    }

    [Fact]
    public async Task ImportGraph_StreamLargerThanOneMessageLimit_IsAcceptedMessageByMessage()
    {
        // The size bound is per message, not per stream: a bulk import may be far larger than one message.
        using var call = Graph.ImportGraph(cancellationToken: Ct);
        for (var batch = 0; batch < 20; batch++)
        {
            var request = new ImportGraphRequest();
            for (var i = 0; i < MaxBatchSize; i++)
            {
                var node = WireNodes.Partner($"bulk-{batch}-{i}");
                node.Properties.Fields["notes"] = Value.ForString(new string('x', 2000));
                request.Nodes.Add(node);
            }
            await call.RequestStream.WriteAsync(request, Ct);
        }
        await call.RequestStream.CompleteAsync();

        var response = await call;

        Assert.Equal(20 * MaxBatchSize, response.NodesWritten);
    }

    private CallOptions Options() => new(deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: Ct);

    private static async Task<StatusCode> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(double p) => _random.NextDouble() < p;

    private string AnyName() => _random.Next(4) switch
    {
        0 => Pick(MalformedNames),
        1 => Pick(_names),
        2 => Mutate(Pick(_names)),
        _ => Huge(),
    };

    private string Huge() => new(Pick("azé/-\u0000".ToCharArray()), _random.Next(1, 4) * (Chance(0.3) ? 100_000 : 1000));

    private string Mutate(string text)
    {
        var chars = text.ToList();
        for (var n = _random.Next(1, 4); n > 0; n--)
        {
            var at = _random.Next(chars.Count + 1);
            switch (_random.Next(3))
            {
                case 0 when chars.Count > 0 && at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Pick("/-_ .AZ\u0000\n\"\\é%".ToCharArray()));
                    break;
                default:
                    if (at < chars.Count)
                    {
                        chars[at] = (char)_random.Next(32, 0x2FF);
                    }
                    break;
            }
        }
        return new string(chars.ToArray());
    }

    private string FreshName(string collection) => $"{collection}/fuzz-{_random.Next():x}";

    private string AnyLabel() => _random.Next(3) switch
    {
        0 => Pick(LocalVision.Graph.Schema.Labels.All.ToList()),
        1 => Pick(["", "evidence", "EVIDENCE", "Evidence ", "Node", "Locality\u0000"]),
        _ => Mutate("Observation"),
    };

    private Value HostileValue() => _random.Next(10) switch
    {
        0 => Value.ForNumber(double.NaN),
        1 => Value.ForNumber(Chance(0.5) ? double.PositiveInfinity : double.NegativeInfinity),
        2 => Value.ForString(new string('x', _random.Next(1, 3) * 300_000)),
        3 => Deep(_random.Next(17, 90)),
        4 => Value.ForString(Pick(BadDates)),
        5 => Value.ForList(Value.ForNull(), Value.ForNumber(double.NaN), Value.ForStruct(new Struct())),
        6 => Value.ForNumber(Pick([1e308, -1e308, double.Epsilon, -0.0, 1.5, -0.1])),
        7 => Value.ForNull(),
        8 => Value.ForBool(Chance(0.5)),
        _ => Value.ForString(Mutate("MOMENTUM")),
    };

    private static Value Deep(int depth)
    {
        var value = Value.ForString("bottom");
        for (var i = 0; i < depth; i++)
        {
            value = i % 2 == 0 ? Value.ForStruct(new Struct { Fields = { ["a"] = value } }) : Value.ForList(value);
        }
        return value;
    }

    private static Node ValidPartner(string name) => new()
    {
        Name = name,
        Label = "Partner",
        DisplayName = name,
        Properties = new Struct { Fields = { ["name"] = Value.ForString(name), ["kind"] = Value.ForString("VOLUNTARY") } },
    };

    /// <summary>A node that breaks the schema in one of several definite ways.</summary>
    private Node InvalidNode()
    {
        var node = ValidPartner(FreshName("partners"));
        switch (_random.Next(8))
        {
            case 0:
                node.Name = Pick(MalformedNames);
                break;
            case 1:
                node.Label = Pick(["", "evidence", "Node", "Observation", "Partner "]);
                break;
            case 2:
                node = Observation(Value.ForNumber(Pick([double.NaN, double.PositiveInfinity, 1.5, -0.1, 1e308])), Value.ForString("2015-01-01"));
                break;
            case 3:
                node = Observation(Value.ForNumber(0.5), Value.ForString(Pick(BadDates)));
                break;
            case 4:
                node.Properties.Fields["extra"] = Deep(_random.Next(17, 90));
                break;
            case 5:
                node.Properties.Fields.Remove("kind");
                break;
            case 6:
                node.Properties.Fields["kind"] = HostileValue();
                break;
            default:
                node.DisplayName = new string('d', 100_000);
                break;
        }
        return node;
    }

    private Node Observation(Value score, Value at) => new()
    {
        Name = FreshName("observations"),
        Label = "Observation",
        DisplayName = "fuzz",
        Properties = new Struct
        {
            Fields =
            {
                ["code"] = Value.ForString("MOMENTUM"), ["score"] = score, ["at"] = at,
                ["confidence"] = Value.ForString("H"), ["section"] = Value.ForString("7.2.4"),
            },
        },
    };

    private Relationship InvalidRelationship()
    {
        var partners = _names.Where(n => n.StartsWith("partners/", StringComparison.Ordinal)).ToList();
        var relationship = new Relationship { Type = "COLLABORATES_WITH", Start = Pick(partners), End = Pick(partners) };
        switch (_random.Next(5))
        {
            case 0:
                relationship.Type = Pick(["", "collaborates_with", "KNOWS", Mutate("SUPPORTS"), new string('T', 10_000)]);
                break;
            case 1:
                relationship.Start = FreshName("partners");
                break;
            case 2:
                relationship.Start = Pick(_names.Where(n => n.StartsWith("localities/", StringComparison.Ordinal)).ToList());
                break;
            case 3:
                relationship.Properties = new Struct { Fields = { ["strength"] = Value.ForNumber(Pick([double.NaN, 2.0, -1.0])) } };
                break;
            default:
                relationship.End = Pick(MalformedNames);
                break;
        }
        return relationship;
    }

    /// <summary>A cycle among existing partners: valid on its own, refused with the invalid item beside it.</summary>
    private IEnumerable<Relationship> Cycle()
    {
        var partners = _names.Where(n => n.StartsWith("partners/", StringComparison.Ordinal)).ToList();
        var members = Enumerable.Range(0, _random.Next(2, 5)).Select(_ => Pick(partners)).ToList();
        return members.Select((m, i) => new Relationship { Type = "COLLABORATES_WITH", Start = m, End = members[(i + 1) % members.Count] });
    }

    private UpsertNodesRequest HostileUpsertNodes()
    {
        var request = new UpsertNodesRequest { RequestId = Chance(0.2) ? Mutate("request-1") : "" };
        if (Chance(0.1))
        {
            // Over the batch bound, all valid.
            request.Nodes.AddRange(Enumerable.Range(0, MaxBatchSize + 1).Select(_ => ValidPartner(FreshName("partners"))));
            return request;
        }
        request.Nodes.AddRange(Enumerable.Range(0, _random.Next(4)).Select(_ => ValidPartner(FreshName("partners"))));
        request.Nodes.Insert(_random.Next(request.Nodes.Count + 1), InvalidNode());
        return request;
    }

    private UpsertRelationshipsRequest HostileUpsertRelationships()
    {
        var request = new UpsertRelationshipsRequest();
        request.Relationships.AddRange(Cycle());
        request.Relationships.Insert(_random.Next(request.Relationships.Count + 1), InvalidRelationship());
        return request;
    }

    private DeleteNodeRequest HostileDelete() => _random.Next(3) switch
    {
        0 => new DeleteNodeRequest { Name = Pick(MalformedNames), Cascade = Chance(0.5) },
        1 => new DeleteNodeRequest { Name = FreshName(Pick(["partners", "localities", "evidence"])), Cascade = Chance(0.5) },
        _ => new DeleteNodeRequest { Name = Pick(_connected), Cascade = false },
    };

    private async Task HostileImportAsync()
    {
        using var call = Graph.ImportGraph(Options());
        var first = new ImportGraphRequest();
        switch (_random.Next(4))
        {
            case 0:
                first.Nodes.Add(InvalidNode());
                break;
            case 1:
                first.Relationships.Add(InvalidRelationship());
                break;
            case 2:
                first.Nodes.AddRange(Enumerable.Range(0, MaxBatchSize + 1).Select(_ => ValidPartner(FreshName("partners"))));
                break;
            default:
                // An empty message is refused too.
                break;
        }
        try
        {
            await call.RequestStream.WriteAsync(first, Ct);
            await call.RequestStream.WriteAsync(new ImportGraphRequest { Nodes = { ValidPartner(FreshName("partners")) } }, Ct);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may refuse before the whole stream is sent; its status is in the response.
        }
        catch (InvalidOperationException)
        {
            // Writing after the call has completed: the status is in the response.
        }
        await call;
    }

    private ListNodesRequest HostileListNodes() => new()
    {
        Label = AnyLabel(),
        Filter = _random.Next(5) switch
        {
            0 => Mutate("kind = \"CCG\" AND cohort >= 2"),
            1 => new string('(', _random.Next(1, 3000)),
            2 => string.Join(" AND ", Enumerable.Range(0, _random.Next(15, 30)).Select(i => $"a{i} = {i}")),
            3 => $"a = \"{new string('x', 1990)}\"",
            _ => "",
        },
        PageSize = Pick([-1, 0, 1, 1000, 1001, int.MaxValue, int.MinValue]),
        PageToken = _random.Next(3) switch
        {
            0 => Mutate("djEKYWJjZGVmCmxvY2FsaXRpZXMvcGx5bW91dGg"),
            1 => PageToken.Encode("nodes||", Mutate("localities/plymouth")),
            _ => "",
        },
    };

    private ListRelationshipsRequest HostileListRelationships()
    {
        var node = Chance(0.7) ? Pick(_connected) : AnyName();
        var type = Chance(0.5) ? "" : Pick(["COLLABORATES_WITH", "collaborates", Mutate("PARTNER_IN")]);
        var direction = (V1.Direction)_random.Next(-2, 6);
        return new ListRelationshipsRequest
        {
            Node = node,
            Type = type,
            Direction = direction,
            PageSize = Pick([-5, 0, 1, 1000, 5000]),
            // Forged tokens carry the right fingerprint and a position that is not a number.
            PageToken = Chance(0.5) ? PageToken.Encode($"relationships|{node}|{type}|{Pick(new[] { DomainDirection.Both, DomainDirection.Outgoing, DomainDirection.Incoming })}", Pick(["x", "", "-1", "99999999999999999999", "1e5"])) : "",
        };
    }

    private GetNeighborhoodRequest HostileNeighborhood()
    {
        var request = new GetNeighborhoodRequest
        {
            Name = Chance(0.7) ? Pick(_connected) : AnyName(),
            Depth = Pick([-1, 0, 1, 2, 6, 7, 1000, int.MaxValue]),
            Limit = Pick([-1, 0, 1, 10000, 10001, int.MaxValue]),
        };
        for (var i = _random.Next(3); i > 0; i--)
        {
            request.Labels.Add(AnyLabel());
            request.RelationshipTypes.Add(Chance(0.5) ? "SUPPORTS" : Mutate("SUPPORTS"));
        }
        return request;
    }

    private ExportGraphRequest HostileExport()
    {
        var request = new ExportGraphRequest { BatchSize = Pick([-1, 0, 1, 50, MaxBatchSize + 1, int.MaxValue]) };
        for (var i = _random.Next(3); i > 0; i--)
        {
            request.Labels.Add(AnyLabel());
        }
        return request;
    }

    private async Task DrainExportAsync(ExportGraphRequest request)
    {
        using var call = Graph.ExportGraph(request, Options());
        await foreach (var _ in call.ResponseStream.ReadAllAsync(Ct))
        {
        }
    }

    private async Task<(List<Node> Nodes, List<Relationship> Relationships)> ExportAsync()
    {
        using var call = Graph.ExportGraph(new ExportGraphRequest { BatchSize = 50 }, cancellationToken: Ct);
        var nodes = new List<Node>();
        var relationships = new List<Relationship>();
        await foreach (var batch in call.ResponseStream.ReadAllAsync(Ct))
        {
            nodes.AddRange(batch.Nodes);
            relationships.AddRange(batch.Relationships);
        }
        return (nodes, relationships);
    }

    private async Task<List<string>> SnapshotAsync()
    {
        var (nodes, relationships) = await ExportAsync();
        return nodes.Select(n => n.ToString()).Concat(relationships.Select(r => r.ToString())).Order(StringComparer.Ordinal).ToList();
    }
}
