using Grpc.Core;
using Grpc.Core.Interceptors;
using LocalVision.Server.Grpc.Errors;

namespace LocalVision.Server.Access;

/// <summary>
/// The door of every call: looks the method up in <see cref="MethodAccess"/>, authenticates the caller, checks the
/// role — all before the handler runs, so a refused caller never learns whether what they asked for exists — and
/// records audited calls in the audit log: the entry before the call runs (a call that cannot be recorded is not
/// made), its outcome after. Entries hold bounded summaries (<see cref="AuditSummary"/>) with a hash of the request,
/// and refusals go through the <see cref="RefusalLog"/>, at most one entry per caller per window.
/// </summary>
public sealed class AccessInterceptor(KeyAuthenticator authenticator, IAccessStore audit, RefusalLog refusals, ILogger<AccessInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        AuditedAsync(context, request, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        AuditedAsync(context, null, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        AuditedAsync<object?>(context, request, async () =>
        {
            await continuation(request, responseStream, context);
            return null;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        AuditedAsync<object?>(context, null, async () =>
        {
            await continuation(requestStream, responseStream, context);
            return null;
        });

    private async Task<TResponse> AuditedAsync<TResponse>(ServerCallContext context, object? request, Func<Task<TResponse>> call)
    {
        var (caller, rule) = await AdmitAsync(context, request);
        var entry = await BeginAsync(rule, caller, context, request);
        try
        {
            var response = await call();
            await FinishAsync(entry, rule, context, request, response, StatusCode.OK);
            return response;
        }
        catch (Exception e)
        {
            await FinishAsync(entry, rule, context, request, null, e is RpcException rpc ? rpc.StatusCode : StatusCode.Unknown);
            throw;
        }
    }

    private async ValueTask<(Caller? Caller, MethodRule? Rule)> AdmitAsync(ServerCallContext context, object? request)
    {
        var rule = MethodAccess.Find(context.Method);
        if (rule is { IsPublic: true })
        {
            return (null, null);
        }
        Caller caller;
        try
        {
            caller = context.AuthenticatedCaller() ?? await authenticator.AuthenticateAsync(context.RequestHeaders, context.CancellationToken);
        }
        catch (RpcException)
        {
            logger.LogWarning("Refused an unauthenticated call to {Method} from {Peer}", context.Method, context.Peer);
            throw;
        }
        catch (AccessStoreException e)
        {
            logger.LogError(e, "Could not check the key of a call to {Method}", context.Method);
            throw RpcErrors.WithReason(StatusCode.Unavailable, "ACCESS_STORE_UNAVAILABLE", "the service cannot check API keys right now; try again later");
        }
        if (rule is null)
        {
            logger.LogError("{Method} has no rule in MethodAccess, so it is refused to everyone; declare the role it needs there", context.Method);
            throw Denied("METHOD_UNDECLARED", "this method declares no access rule, so it is refused", "");
        }
        if (!caller.Has(rule.Required))
        {
            await RecordRefusalAsync(rule, caller, context, request);
            throw Denied("MISSING_ROLE", $"this call needs the {RoleSet.Format(rule.Required)} role; the key `{caller.Name}` has {RoleSet.Format(caller.Roles)}",
                RoleSet.Format(rule.Required));
        }
        context.SetCaller(caller);
        return (caller, rule);
    }

    /// <summary>Nothing was done: the refusal is counted, and written at most once per caller per window.</summary>
    private async Task RecordRefusalAsync(MethodRule rule, Caller caller, ServerCallContext context, object? request)
    {
        if (rule.Describe is not { } describe)
        {
            return;
        }
        await refusals.RecordAsync(caller, context.Method, Summary(describe, request, null), context.CancellationToken);
    }

    private static AuditSummary Summary(Func<object?, object?, AuditSummary> describe, object? request, object? response) =>
        describe(request, response).WithRequestHash(request is Google.Protobuf.IMessage message ? Grpc.RequestFingerprint.Of(message) : "");

    /// <summary>Commits an audited call's entry before it runs, so no write can be applied without one; null for calls not audited.</summary>
    /// <exception cref="RpcException">UNAVAILABLE: the entry cannot be written, so the call is not made.</exception>
    private async Task<long?> BeginAsync(MethodRule? rule, Caller? caller, ServerCallContext context, object? request)
    {
        if (rule?.Describe is not { } describe || caller is null)
        {
            return null;
        }
        try
        {
            return await audit.BeginAsync(caller.Principal, caller.Name, context.Method, Summary(describe, request, null), context.CancellationToken);
        }
        catch (AccessStoreException e)
        {
            logger.LogError(e, "Could not begin the audit entry of {Method} by {Caller}, so the call was not made", context.Method, caller.Name);
            throw RpcErrors.WithReason(StatusCode.Unavailable, "ACCESS_STORE_UNAVAILABLE", "the audit log cannot be written right now, so the call was not made; try again later");
        }
    }

    private async Task FinishAsync(long? entry, MethodRule? rule, ServerCallContext context, object? request, object? response, StatusCode outcome)
    {
        if (entry is not { } sequence)
        {
            return;
        }
        try
        {
            // Not the call's token: a call cancelled after its write still gets its outcome recorded.
            await audit.FinishAsync(sequence, Summary(rule!.Describe!, request, response), OutcomeName(outcome), CancellationToken.None);
        }
        catch (AccessStoreException e)
        {
            // The call has happened; refusing its answer now would not undo it. Its entry stays UNFINISHED.
            logger.LogError(e, "Could not record the outcome ({Outcome}) of audit entry {Sequence}, {Method}", outcome, sequence, context.Method);
        }
    }

    private static string OutcomeName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };

    private static RpcException Denied(string reason, string message, string required) =>
        RpcErrors.WithReason(StatusCode.PermissionDenied, reason, message,
            required.Length > 0 ? new Dictionary<string, string> { ["required_role"] = required } : null);
}
