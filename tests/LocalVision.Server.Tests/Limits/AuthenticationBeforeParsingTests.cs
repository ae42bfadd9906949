using Google.Protobuf;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Data.Sqlite;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// A caller without a key learns nothing from the request it sends: a malformed or oversized message is answered
/// UNAUTHENTICATED before it is read, as a well-formed one is, and the server's log gets no stack trace per call.
/// Before, such a caller got INVALID_ARGUMENT or RESOURCE_EXHAUSTED, and each call logged a stack trace.
/// </summary>
public sealed class AuthenticationBeforeParsingTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));
    private ServerProcess _server = null!;
    private string _reader = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>GetNode with its request as raw bytes, so a test can send what no client library would.</summary>
    private static readonly Method<byte[], byte[]> RawGetNode = new(MethodType.Unary, "localvision.v1.GraphService", "GetNode",
        Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create(bytes => bytes, bytes => bytes));

    public async ValueTask InitializeAsync()
    {
        var store = Path.Combine(_folder, "graph.db");
        var access = SqliteAccessStore.Open(SqliteAccessStore.PathBeside(store));
        _reader = (await access.CreateKeyAsync("reader", Roles.Reader, "test", Ct)).Secret;
        SqliteConnection.ClearAllPools();
        _server = await ServerProcess.StartAsync(store, "--LocalVision:Limits:MaxMessageBytes=65536");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<byte[]> SendAsync(byte[] request, string? key)
    {
        var headers = key is null ? new Metadata() : new Metadata { { KeyAuthenticator.ApiKeyHeader, key } };
        return _server.Channel.CreateCallInvoker().AsyncUnaryCall(RawGetNode, null, new CallOptions(headers, cancellationToken: Ct), request).ResponseAsync;
    }

    public static TheoryData<string> Hostile => ["malformed", "oversized", "well-formed"];

    private static byte[] Request(string kind) => kind switch
    {
        // Field 1 says 100 bytes follow; 3 do.
        "malformed" => [0x0A, 0x64, 0x61, 0x62, 0x63],
        "oversized" => [0x0A, .. new byte[] { 0x80, 0x80, 0x08 }, .. new byte[131_072]],
        _ => new GetNodeRequest { Name = "localities/plymouth" }.ToByteArray(),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task GetNode_WithoutAKey_IsUnauthenticatedWhateverTheMessage(string kind)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => SendAsync(Request(kind), key: null));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("API_KEY_MISSING", error.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task GetNode_MalformedFromAReader_IsInvalidArgumentWithoutAStackTraceInTheLog()
    {
        for (var i = 0; i < 5; i++)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => SendAsync(Request("malformed"), _reader));
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        }

        Assert.False(_server.Output.Contains("   at ", StringComparison.Ordinal), _server.Output);
    }
}
