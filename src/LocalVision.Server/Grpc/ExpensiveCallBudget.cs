using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using LocalVision.Graph.Network;
using LocalVision.Server.Grpc.Errors;
using LocalVision.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Grpc;

/// <summary>
/// Runs each expensive call (<see cref="ExpensiveCalls"/>) under <c>LocalVision:Limits:ExpensiveCallSeconds</c>: the
/// handler sees a call whose deadline is the earlier of the caller's and the server's, and whose cancellation token
/// fires at that deadline, so the domain code stops at its next check. A streaming call has the budget for each
/// message: every message sent starts it again, so a long export that keeps sending is never cut off, while one that
/// stalls (computing, or waiting for a client that does not read) for longer than the budget is.
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
        WithinBudgetAsync(context, async (budgeted, budget) =>
        {
            await continuation(request, new RenewingWriter<TResponse>(responseStream, budget, context.CancellationToken), budgeted);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        WithinBudgetAsync(context, async (budgeted, budget) =>
        {
            await continuation(requestStream, new RenewingWriter<TResponse>(responseStream, budget, context.CancellationToken), budgeted);
            return true;
        });

    private Task<T> WithinBudgetAsync<T>(ServerCallContext context, Func<ServerCallContext, Task<T>> call) =>
        WithinBudgetAsync(context, (budgeted, _) => call(budgeted));

    private async Task<T> WithinBudgetAsync<T>(ServerCallContext context, Func<ServerCallContext, Budget, Task<T>> call)
    {
        if (!ExpensiveCalls.Includes(context.Method))
        {
            return await call(context, Budget.None);
        }
        var seconds = options.Value.Limits.ExpensiveCallSeconds;
        using var budget = new Budget(TimeSpan.FromSeconds(seconds), context, clock);
        // Grpc.AspNetCore makes the service from the call context the interceptors hand on; this one must lead back to the request.
        context.UserState.TryAdd(HttpContextKey, context.GetHttpContext());
        var budgeted = new BudgetedCallContext(context, budget);
        try
        {
            budget.Token.ThrowIfCancellationRequested();
            return await call(budgeted, budget);
        }
        catch (OperationCanceledException e) when (budget.IsExpired && !context.CancellationToken.IsCancellationRequested)
        {
            throw Exceeded(seconds, e is ProjectionStillBuildingException);
        }
    }

    private static RpcException Exceeded(double seconds, bool projectionBuilding)
    {
        var limit = seconds.ToString(CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string> { ["limit"] = Setting, ["seconds"] = limit };
        if (projectionBuilding)
        {
            // The wait ended, not the work: the shared build goes on, so the same call shortly after can succeed.
            metadata["projection"] = "building";
            return RpcErrors.WithReason(StatusCode.ResourceExhausted, Reason,
                $"the network this call needs was still being read from the store when the server's time budget for expensive calls ran out ({limit} s, {Setting}); "
                    + "the read goes on, and the same call made again once it is done will use it",
                metadata);
        }
        return RpcErrors.WithReason(StatusCode.ResourceExhausted, Reason,
            $"this call needs more than the server's time budget for expensive calls ({limit} s, {Setting}; a stream has it for each message); "
                + "narrow it (fewer conditions, candidates, labels or a smaller depth), or ask the operator to raise the budget",
            metadata);
    }

    /// <summary>
    /// The time an expensive call has left: the budget from its start, renewed by each message a stream sends, and
    /// never past the caller's own deadline.
    /// </summary>
    private sealed class Budget : IDisposable
    {
        private readonly TimeSpan _length;
        private readonly DateTime _callerDeadline;
        private readonly TimeProvider _clock;
        private readonly CancellationTokenSource? _expiry;
        private readonly CancellationTokenSource? _linked;
        private long _deadlineTicks;

        private Budget()
        {
            _length = TimeSpan.MaxValue;
            _callerDeadline = DateTime.MaxValue;
            _clock = TimeProvider.System;
        }

        public Budget(TimeSpan length, ServerCallContext call, TimeProvider clock)
        {
            _length = length;
            _callerDeadline = call.Deadline;
            _clock = clock;
            _expiry = new CancellationTokenSource(length, clock);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken, _expiry.Token);
            SetDeadline();
        }

        /// <summary>No budget: the calls that are not expensive.</summary>
        public static Budget None { get; } = new();

        public CancellationToken Token => _linked?.Token ?? CancellationToken.None;

        public bool IsExpired => _expiry?.IsCancellationRequested == true;

        /// <summary>The earlier of the caller's deadline and the end of the budget.</summary>
        public DateTime Deadline => _expiry is null ? _callerDeadline : new DateTime(Interlocked.Read(ref _deadlineTicks), DateTimeKind.Utc);

        /// <summary>A message went out: the stream has the whole budget again for the next one.</summary>
        public void Renew()
        {
            if (_expiry is null || _expiry.IsCancellationRequested)
            {
                return;
            }
            _expiry.CancelAfter(_length);
            SetDeadline();
        }

        private void SetDeadline()
        {
            var end = _clock.GetUtcNow().UtcDateTime + _length;
            Interlocked.Exchange(ref _deadlineTicks, (end < _callerDeadline ? end : _callerDeadline).Ticks);
        }

        public void Dispose()
        {
            _linked?.Dispose();
            _expiry?.Dispose();
        }
    }

    /// <summary>
    /// The response stream of a budgeted call. A write waits for the client under the budget, but is never cancelled
    /// by it: cancelling a write aborts the HTTP/2 stream, and the caller would see CANCELLED instead of the status
    /// that says why. Each message sent renews the budget.
    /// </summary>
    private sealed class RenewingWriter<T>(IServerStreamWriter<T> inner, Budget budget, CancellationToken callerToken) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            budget.Token.ThrowIfCancellationRequested();
            await inner.WriteAsync(message, callerToken).WaitAsync(budget.Token);
            budget.Renew();
        }
    }

    /// <summary>The call as its handler sees it under the budget: the same call, with the earlier deadline and its token.</summary>
    private sealed class BudgetedCallContext(ServerCallContext call, Budget budget) : ServerCallContext
    {
        protected override string MethodCore => call.Method;

        protected override string HostCore => call.Host;

        protected override string PeerCore => call.Peer;

        protected override DateTime DeadlineCore => budget.Deadline;

        protected override Metadata RequestHeadersCore => call.RequestHeaders;

        protected override CancellationToken CancellationTokenCore => budget.Token;

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
