using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace LocalVision.Server.Access;

/// <summary>
/// Authenticates a gRPC call before its request message is read: a caller without a valid key is answered
/// UNAUTHENTICATED, never INVALID_ARGUMENT or RESOURCE_EXHAUSTED about a message it had no right to send, and the
/// message is not parsed at all. The caller found is handed to the <see cref="AccessInterceptor"/>, which checks the
/// role once the request is read (so a refusal can say what it asked for) and audits.
/// </summary>
/// <remarks>
/// gRPC only: the JSON API on the web port reaches the interceptor as before, where any other way of signing in to
/// the dashboard is checked too.
/// </remarks>
public static class AuthenticationBeforeParsing
{
    private const string CallerKey = "localvision.caller.authenticated";

    public static WebApplication UseAuthenticationBeforeParsing(this WebApplication app)
    {
        var authenticator = app.Services.GetRequiredService<KeyAuthenticator>();
        app.Use(async (context, next) =>
        {
            var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
            if (method is null || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
                || MethodAccess.Find(method) is { IsPublic: true })
            {
                await next(context);
                return;
            }
            Caller caller;
            try
            {
                caller = await authenticator.AuthenticateAsync(Headers(context.Request.Headers), context.RequestAborted);
            }
            catch (RpcException refused)
            {
                await RefuseAsync(context, refused);
                return;
            }
            catch (AccessStoreException)
            {
                // The interceptor says so, as UNAVAILABLE, and logs it.
                await next(context);
                return;
            }
            context.Items[CallerKey] = caller;
            await next(context);
        });
        return app;
    }

    /// <summary>The caller authenticated before the request was read, or null (JSON calls, or when the key store failed).</summary>
    public static Caller? AuthenticatedCaller(this ServerCallContext context)
    {
        try
        {
            return context.GetHttpContext().Items.TryGetValue(CallerKey, out var caller) ? caller as Caller : null;
        }
        catch (InvalidOperationException)
        {
            // A call context that leads to no HTTP request (made by hand): authenticate it from its headers.
            return null;
        }
    }

    private static Metadata Headers(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var name in new[] { KeyAuthenticator.ApiKeyHeader, "authorization" })
        {
            if (headers.TryGetValue(name, out var values) && values.Count > 0)
            {
                metadata.Add(name, values.ToString());
            }
        }
        return metadata;
    }

    /// <summary>A trailers-only gRPC answer, as the server itself writes a status before any message.</summary>
    private static Task RefuseAsync(HttpContext context, RpcException refused)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)refused.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(refused.Status.Detail);
        if (refused.Trailers.GetValueBytes("grpc-status-details-bin") is { } details)
        {
            context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(details).TrimEnd('=');
        }
        return Task.CompletedTask;
    }
}
