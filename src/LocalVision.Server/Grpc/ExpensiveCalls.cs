using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using LocalVision.Server.Hosting;
using Microsoft.Extensions.Options;
using Status = Google.Rpc.Status;

namespace LocalVision.Server.Grpc;

/// <summary>
/// The RPCs whose cost grows with the whole graph or with a combinatorial search rather than with the size of the
/// request, so that size limits alone cannot bound them: they run under the server's time budget.
/// </summary>
public static class ExpensiveCalls
{
    /// <summary>Every method of these services: QCA and cohort search, and network measures over a projection.</summary>
    private static readonly string[] Services = ["/localvision.v1.InsightService/", "/localvision.v1.NetworkService/"];

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal)
    {
        "/localvision.v1.GraphService/GetNeighborhood",
        "/localvision.v1.GraphService/ExportGraph",
        "/localvision.v1.EvaluationService/EvaluateInitiative",
        "/localvision.v1.EvaluationService/StreamEvaluations",
        "/localvision.v1.EvaluationService/TestProgrammeTheory",
    };

    public static bool Includes(string method) =>
        Methods.Contains(method) || Services.Any(service => method.StartsWith(service, StringComparison.Ordinal));
}

/// <summary>
/// Runs each expensive call (<see cref="ExpensiveCalls"/>) under <c>LocalVision:Limits:ExpensiveCallSeconds</c>: the
/// handler sees a call whose deadline is the earlier of the caller's and the server's, and whose cancellation token
/// fires at that deadline, so the domain code stops at its next check.
/// </summary>
/// <remarks>
/// When the server's budget is what ran out, the caller gets <c>RESOURCE_EXHAUSTED</c> with an ErrorInfo
/// (<see cref="Reason"/>) naming the setting, not <c>DEADLINE_EXCEEDED</c>: that code tells a caller its own deadline
/// passed, and a caller (or its retry policy) would answer it by waiting longer, which cannot help against a limit the
/// server sets. Like <c>MaxMessageBytes</c>, the budget is a configured limit the request ran into, which is what
/// <c>RESOURCE_EXHAUSTED</c> means. The caller's own deadline still ends the call as <c>DEADLINE_EXCEEDED</c>.
/// </remarks>
public sealed class ExpensiveCallBudget(IOptions<LocalVisionOptions> options, TimeProvider clock) : Interceptor
{
    public const string Reason = "EXPENSIVE_CALL_TIME_LIMIT";

    public const string Setting = "LocalVision:Limits:ExpensiveCallSeconds";

    /// <summary>Where Grpc.AspNetCore looks for the HTTP context of a call context it did not make itself.</summary>
    private const string HttpContextKey = "__HttpContext";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        WithinBudgetAsync(context, budgeted => continuation(request, budgeted));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        WithinBudgetAsync(context, budgeted => continuation(requestStream, budgeted));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        WithinBudgetAsync(context, async budgeted =>
        {
            await continuation(request, responseStream, budgeted);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        WithinBudgetAsync(context, async budgeted =>
        {
            await continuation(requestStream, responseStream, budgeted);
            return true;
        });

    private async Task<T> WithinBudgetAsync<T>(ServerCallContext context, Func<ServerCallContext, Task<T>> call)
    {
        if (!ExpensiveCalls.Includes(context.Method))
        {
            return await call(context);
        }
        var seconds = options.Value.Limits.ExpensiveCallSeconds;
        var budget = TimeSpan.FromSeconds(seconds);
        using var expiry = new CancellationTokenSource(budget, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, expiry.Token);
        var serverDeadline = clock.GetUtcNow().UtcDateTime + budget;
        // Grpc.AspNetCore makes the service from the call context the interceptors hand on; this one must lead back to the request.
        context.UserState.TryAdd(HttpContextKey, context.GetHttpContext());
        var budgeted = new BudgetedCallContext(context, serverDeadline < context.Deadline ? serverDeadline : context.Deadline, linked.Token);
        try
        {
            linked.Token.ThrowIfCancellationRequested();
            return await call(budgeted);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw Exceeded(seconds);
        }
    }

    private static RpcException Exceeded(double seconds)
    {
        var limit = seconds.ToString(CultureInfo.InvariantCulture);
        return new Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"this call needs more than the server's time budget for expensive calls ({limit} s, {Setting}); "
                + "narrow it (fewer conditions, candidates, labels or a smaller depth), or ask the operator to raise the budget",
            Details =
            {
                Any.Pack(new ErrorInfo
                {
                    Reason = Reason,
                    Domain = "localvision.v1",
                    Metadata = { ["limit"] = Setting, ["seconds"] = limit },
                }),
            },
        }.ToRpcException();
    }

    /// <summary>The call as its handler sees it under the budget: the same call, with the earlier deadline and its token.</summary>
    private sealed class BudgetedCallContext(ServerCallContext call, DateTime deadline, CancellationToken cancellationToken) : ServerCallContext
    {
        protected override string MethodCore => call.Method;

        protected override string HostCore => call.Host;

        protected override string PeerCore => call.Peer;

        protected override DateTime DeadlineCore => deadline;

        protected override Metadata RequestHeadersCore => call.RequestHeaders;

        protected override CancellationToken CancellationTokenCore => cancellationToken;

        protected override Metadata ResponseTrailersCore => call.ResponseTrailers;

        protected override global::Grpc.Core.Status StatusCore
        {
            get => call.Status;
            set => call.Status = value;
        }

        protected override WriteOptions? WriteOptionsCore
        {
            get => call.WriteOptions;
            set => call.WriteOptions = value;
        }

        protected override AuthContext AuthContextCore => call.AuthContext;

        protected override IDictionary<object, object> UserStateCore => call.UserState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => call.CreatePropagationToken(options);

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => call.WriteResponseHeadersAsync(responseHeaders);
    }
}
