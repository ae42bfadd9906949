using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Status = Google.Rpc.Status;

namespace LocalVision.Server.Access;

/// <summary>
/// The door of every call: looks the method up in <see cref="MethodAccess"/>, authenticates the caller, checks the
/// role — all before the handler runs, so a refused caller never learns whether what they asked for exists — and
/// records audited calls, their outcome included, in the audit log.
/// </summary>
public sealed class AccessInterceptor(KeyAuthenticator authenticator, AccessStore audit, ILogger<AccessInterceptor> logger) : Interceptor
{
    /// <summary>Audit entries name at most this many resources; a bulk call's entry says how many more there were.</summary>
    private const int MaxAuditedResources = 100;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var (caller, rule) = await AdmitAsync(context, request);
        try
        {
            var response = await continuation(request, context);
            Record(rule, caller, context, request, response, StatusCode.OK);
            return response;
        }
        catch (RpcException e)
        {
            Record(rule, caller, context, request, null, e.StatusCode);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (caller, rule) = await AdmitAsync(context, null);
        try
        {
            var response = await continuation(requestStream, context);
            Record(rule, caller, context, null, response, StatusCode.OK);
            return response;
        }
        catch (RpcException e)
        {
            Record(rule, caller, context, null, null, e.StatusCode);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (caller, rule) = await AdmitAsync(context, request);
        try
        {
            await continuation(request, responseStream, context);
            Record(rule, caller, context, request, null, StatusCode.OK);
        }
        catch (RpcException e)
        {
            Record(rule, caller, context, request, null, e.StatusCode);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (caller, rule) = await AdmitAsync(context, null);
        try
        {
            await continuation(requestStream, responseStream, context);
            Record(rule, caller, context, null, null, StatusCode.OK);
        }
        catch (RpcException e)
        {
            Record(rule, caller, context, null, null, e.StatusCode);
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
            caller = await authenticator.AuthenticateAsync(context.RequestHeaders);
        }
        catch (RpcException)
        {
            logger.LogWarning("Refused an unauthenticated call to {Method} from {Peer}", context.Method, context.Peer);
            throw;
        }
        catch (AccessStoreException e)
        {
            logger.LogError(e, "Could not check the key of a call to {Method}", context.Method);
            throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "the service cannot check API keys right now; try again later"));
        }
        if (rule is null)
        {
            logger.LogError("{Method} has no rule in MethodAccess, so it is refused to everyone; declare the role it needs there", context.Method);
            throw Denied("METHOD_UNDECLARED", "this method declares no access rule, so it is refused", "");
        }
        if (!caller.Has(rule.Required))
        {
            Record(rule, caller, context, request, null, StatusCode.PermissionDenied);
            throw Denied("MISSING_ROLE", $"this call needs the {RoleSet.Format(rule.Required)} role; the key `{caller.Name}` has {RoleSet.Format(caller.Roles)}",
                RoleSet.Format(rule.Required));
        }
        context.SetCaller(caller);
        return (caller, rule);
    }

    private void Record(MethodRule? rule, Caller? caller, ServerCallContext context, object? request, object? response, StatusCode outcome)
    {
        if (rule?.Describe is not { } describe || caller is null)
        {
            return;
        }
        var resources = describe(request, response).Take(MaxAuditedResources + 1).ToList();
        if (resources.Count > MaxAuditedResources)
        {
            resources[MaxAuditedResources] = "(and more)";
        }
        try
        {
            audit.Append(caller.Principal, caller.Name, context.Method, resources, OutcomeName(outcome));
        }
        catch (AccessStoreException e)
        {
            // The call itself has already happened; refusing its answer now would not undo it.
            logger.LogError(e, "Could not record {Method} by {Caller} ({Outcome}) in the audit log", context.Method, caller.Name, outcome);
        }
    }

    private static string OutcomeName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };

    private static RpcException Denied(string reason, string message, string required)
    {
        var info = new ErrorInfo { Reason = reason, Domain = "localvision.v1" };
        if (required.Length > 0)
        {
            info.Metadata["required_role"] = required;
        }
        return new Status { Code = (int)Code.PermissionDenied, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }
}
