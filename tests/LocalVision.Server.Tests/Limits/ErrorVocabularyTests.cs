using System.Text.RegularExpressions;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Grpc;
using LocalVision.Server.Grpc.Errors;
using LocalVision.Server.Hosting;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Tests.Limits;

/// <summary>
/// One error vocabulary: statuses are built in one place, the domain's own exceptions carry the caller's mistakes,
/// and anything else — an ArgumentException from a bug included — is INTERNAL, never blamed on the caller.
/// </summary>
public sealed class ErrorVocabularyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Translate_ArgumentExceptionFromABug_IsInternalNotInvalidArgument()
    {
        var interceptor = new DomainErrorInterceptor(NullLogger<DomainErrorInterceptor>.Instance, Options.Create(new LocalVisionOptions()));

        var status = interceptor.Translate(new ArgumentException("index out of range in the solver"), new FakeCallContext()).Status;

        Assert.Equal(StatusCode.Internal, status.StatusCode);
        Assert.DoesNotContain("solver", status.Detail);
    }

    [Fact]
    public void ExpensiveCalls_FromTheProtoOption_AreTheGraphWideAndSearchingRpcs()
    {
        string[] expected =
        [
            "/localvision.v1.GraphService/GetNeighborhood", "/localvision.v1.GraphService/ExportGraph",
            "/localvision.v1.EvaluationService/EvaluateInitiative", "/localvision.v1.EvaluationService/StreamEvaluations",
            "/localvision.v1.EvaluationService/TestProgrammeTheory",
            "/localvision.v1.TheoryService/CompareTheories", "/localvision.v1.TheoryService/GetRamesesReport",
            .. InsightService.Descriptor.Methods.Select(m => $"/localvision.v1.InsightService/{m.Name}"),
            .. NetworkService.Descriptor.Methods.Select(m => $"/localvision.v1.NetworkService/{m.Name}"),
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), ExpensiveCalls.Methods.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Interceptors_DeclaredOnce_RunAccessThenErrorsThenBudget()
    {
        await using var server = await RunningServer.StartAsync(seed: false);

        var chain = server.Services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.Interceptors.Select(i => i.Type).ToList();

        Assert.Equal([typeof(AccessInterceptor), typeof(DomainErrorInterceptor), typeof(ExpensiveCallBudget)], chain);
    }

    /// <summary>A guard on the rule, not on behaviour: every status and ErrorInfo of the server is made by RpcErrors.</summary>
    [Fact]
    public void Sources_BuildStatusesOnlyInRpcErrors()
    {
        var server = Path.Combine(Checkout.RootOrSkip(), "src", "LocalVision.Server");
        var handBuilt = new Regex(@"new\s+(Google\.Rpc\.)?Status\s*\{|new\s+ErrorInfo\b|ToRpcException\(|new\s+RpcException\(|""localvision\.v1""");

        var offenders = Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) != "RpcErrors.cs" && handBuilt.IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(server, path))
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("~~")]
    public async Task AnalyzeConditions_CaseTableKeyThatNamesNoSet_IsInvalidArgumentOnThatKey(string key)
    {
        await using var server = await RunningServer.StartAsync(seed: false);
        var insight = new InsightService.InsightServiceClient(server.Channel);
        var table = new V1.CaseTable();
        for (var i = 0; i < 4; i++)
        {
            table.Cases.Add(new V1.Case { Name = $"case-{i}", Memberships = { ["MOMENTUM"] = i % 2, ["X"] = i / 2, [key] = 1 } });
        }

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument,
            () => insight.AnalyzeConditionsAsync(new AnalyzeConditionsRequest { CaseTable = table }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, $"case_table.cases[0].memberships[{key}]");
    }

    private sealed class FakeCallContext : ServerCallContext
    {
        protected override string MethodCore => "/localvision.v1.InsightService/MinimizeTruthTable";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
