using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using LocalVision.Graph.Store;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// A bounded, seeded fuzz of every RPC of every service, read from the service descriptors (so a new RPC is fuzzed
/// without a word here): random requests built field by field from each request type's descriptor, out of a pool of
/// real names, codes and hostile values. No call may end UNKNOWN, INTERNAL or DATA_LOSS, a refused write must leave
/// the graph and the keys as they were, and the server must serve on.
/// </summary>
public sealed class EveryRpcFuzzTests : IAsyncLifetime
{
    private const int Seed = 16016;
    private const int RequestsPerMethod = 100;
    private const int MaxDepth = 4;

    private static readonly string[] Strings =
    [
        "", " ", "~", "~~", "x", "localities/plymouth", "initiatives/plymouth-local-vision", "initiatives/hackney-local-vision",
        "partners/hackney-council", "enablers/fir", "evidence/plymouth-interview-transformative", "observations/plymouth-momentum",
        "Partner", "Initiative", "Locality", "Evidence", "COLLABORATES_WITH", "PARTNER_IN", "MOMENTUM", "SENIOR_ENGAGEMENT_EARLY",
        "DEDICATED_SUPPORT", "~MOMENTUM", "laType", "UNITARY", "kind = \"CCG\"", "applicant = true", "kind = ", "strength",
        "apiKeys/000000000000", "apiKeys/", "backup.db", "../graph.db", "2015-01-01", "request-1", "\u0000", "plymóuth",
        "\ud83d\ude00", new string('a', 5_000), new string('b', 120_000),
    ];

    private static readonly long[] Integers = [0, 1, 2, 3, 7, 100, 1001, -1, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];

    private static readonly double[] Doubles = [0, 0.5, 1, 1.5, -0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, double.Epsilon];

    private RunningServer _server = null!;
    private Random _random = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        // As an admin, so every RPC is reached, and with a key from the start, so a key the fuzz creates changes nothing.
        _server = await RunningServer.StartAsync(seed: true, new Dictionary<string, Roles> { ["ops"] = Roles.Admin },
            "--LocalVision:Limits:ExpensiveCallSeconds=2", "--LocalVision:Limits:MaxMessageBytes=1048576");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static IEnumerable<ServiceDescriptor> Services() =>
    [
        GraphService.Descriptor, EvaluationService.Descriptor, InsightService.Descriptor, NetworkService.Descriptor,
        AccessService.Descriptor, AdminService.Descriptor,
    ];

    [Fact]
    public async Task Fuzz_EveryRpc_RefusesCleanlyAndLeavesTheStoreAsItWasOnRefusal()
    {
        _random = new Random(Seed);
        var store = _server.Services.GetRequiredService<IGraphStore>();
        var keys = _server.Services.GetRequiredService<IAccessStore>();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var methods = Services().SelectMany(s => s.Methods).ToList();
        Assert.Equal(Services().Sum(s => s.Methods.Count), methods.Count);

        for (var i = 0; i < RequestsPerMethod * methods.Count; i++)
        {
            var method = methods[i % methods.Count];
            var version = await store.GetVersionAsync(Ct);
            var keyCount = (await keys.ListKeysAsync(1000, null, Ct)).Items.Count;

            var code = await CallAsync(method);

            var name = $"{method.Service.Name}.{method.Name} {code}";
            outcomes[name] = outcomes.GetValueOrDefault(name) + 1;
            Assert.False(code is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss, $"request {i} to {method.FullName} ended {code}");
            if (code != StatusCode.OK)
            {
                Assert.True(version == await store.GetVersionAsync(Ct), $"request {i}, a refused {method.FullName}, changed the graph");
                Assert.True(keyCount == (await keys.ListKeysAsync(1000, null, Ct)).Items.Count, $"request {i}, a refused {method.FullName}, changed the keys");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, outcomes.Select(o => $"{o.Key}: {o.Value}")));
        var health = await new Health.HealthClient(_server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    private async Task<StatusCode> CallAsync(MethodDescriptor descriptor)
    {
        var raw = Marshallers.Create<byte[]>(bytes => bytes, bytes => bytes);
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, raw, raw);
        var invoker = _server.As("ops");
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: Ct);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, Request(descriptor.InputType)).ResponseAsync;
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, Request(descriptor.InputType)))
                    {
                        while (await call.ResponseStream.MoveNext(Ct))
                        {
                        }
                    }
                    break;
                default:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        try
                        {
                            for (var n = _random.Next(1, 4); n > 0; n--)
                            {
                                await call.RequestStream.WriteAsync(Request(descriptor.InputType), Ct);
                            }
                            await call.RequestStream.CompleteAsync();
                        }
                        catch (Exception e) when (e is RpcException or InvalidOperationException)
                        {
                            // The server ended the call first; its status is in the response.
                        }
                        await call.ResponseAsync;
                    }
                    break;
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private byte[] Request(MessageDescriptor descriptor) => Message(descriptor, 0).ToByteArray();

    private IMessage Message(MessageDescriptor descriptor, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (_random.Next(3) == 0 || (depth >= MaxDepth && field.FieldType == FieldType.Message))
            {
                continue;
            }
            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                var key = field.MessageType.FindFieldByNumber(1);
                var value = field.MessageType.FindFieldByNumber(2);
                for (var n = _random.Next(4); n > 0; n--)
                {
                    map[Scalar(key, depth)] = Scalar(value, depth);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var n = _random.Next(10) == 0 ? _random.Next(100, 2000) : _random.Next(4); n > 0; n--)
                {
                    list.Add(Scalar(field, depth));
                }
            }
            else
            {
                field.Accessor.SetValue(message, Scalar(field, depth));
            }
        }
        return message;
    }

    private object Scalar(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => Strings[_random.Next(Strings.Length)],
        FieldType.Bool => _random.Next(2) == 0,
        FieldType.Double => Doubles[_random.Next(Doubles.Length)],
        FieldType.Float => (float)Doubles[_random.Next(Doubles.Length)],
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => unchecked((int)Integers[_random.Next(Integers.Length)]),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)Integers[_random.Next(Integers.Length)]),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Integers[_random.Next(Integers.Length)],
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)Integers[_random.Next(Integers.Length)]),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType,
            _random.Next(4) == 0 ? _random.Next(-3, 50) : field.EnumType.Values[_random.Next(field.EnumType.Values.Count)].Number),
        FieldType.Bytes => ByteString.CopyFrom(new byte[_random.Next(64)]),
        FieldType.Message => Message(field.MessageType, depth + 1),
        _ => throw new NotSupportedException($"{field.FullName} is a {field.FieldType}"),
    };
}
