using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using LocalVision.Graph.Schema;
using LocalVision.Server.Grpc.Errors;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;

namespace LocalVision.Server.Access;

/// <summary>
/// Signing in to the dashboard: <c>POST /v1/session</c> with <c>{"apiKey": "..."}</c> exchanges a key for a session
/// cookie (<see cref="SessionCookie"/>), <c>GET /v1/session</c> says who is signed in, with which roles and the CSRF
/// token, and <c>DELETE /v1/session</c> signs out. Errors are google.rpc.Status as JSON, like the rest of the JSON API.
/// Sign-ins and sign-outs are in the audit log.
/// </summary>
public static class SessionApi
{
    public const string Path = "/v1/session";

    /// <summary>A sign-in body is a key in a small JSON object; anything longer is not one.</summary>
    private const int MaxSignInBytes = 4096;

    private static readonly JsonFormatter StatusJson = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor)));

    public static WebApplication MapSessionApi(this WebApplication app)
    {
        var options = app.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        var lifetime = TimeSpan.FromHours(options.SessionHours);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionApi).FullName!);
        app.MapPost(Path, (HttpContext http, IAccessStore store) => SignInAsync(http, store, lifetime, logger));
        app.MapGet(Path, (HttpContext http, IAccessStore store, KeyAuthenticator authenticator) => WhoAsync(http, store, authenticator));
        app.MapDelete(Path, (HttpContext http, IAccessStore store) => SignOutAsync(http, store, logger));
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAccessStore store, TimeSpan lifetime, ILogger logger)
    {
        var cancellationToken = http.RequestAborted;
        // Only JSON: a form on another site can post form encodings without asking, never application/json.
        if (!http.Request.HasJsonContentType())
        {
            return Error(RpcErrors.InvalidArgument("send the key as JSON: Content-Type: application/json, body {\"apiKey\": \"lvk_...\"}",
                [new FieldViolation("Content-Type", "must be application/json")]), StatusCodes.Status415UnsupportedMediaType);
        }
        var apiKey = await ReadApiKeyAsync(http.Request, cancellationToken);
        if (apiKey is null)
        {
            return Error(RpcErrors.InvalidArgument("the body must be {\"apiKey\": \"lvk_...\"}: the API key to sign in with",
                [new FieldViolation("apiKey", "is required: an API key (lvk_...)")]));
        }
        try
        {
            var key = await store.AuthenticateAsync(apiKey, cancellationToken);
            if (key is null)
            {
                logger.LogWarning("Refused a dashboard sign-in from {Remote}: the key is malformed, unknown or revoked", http.Connection.RemoteIpAddress);
                return Error(RpcErrors.WithReason(StatusCode.Unauthenticated, "API_KEY_INVALID", "the API key is not valid: it is malformed, unknown or revoked"));
            }
            var (session, secret) = await store.CreateSessionAsync(key.Id, lifetime, cancellationToken);
            await store.AppendAsync(key.ResourceName, key.DisplayName, "POST " + Path, AuditSummary.Of([key.ResourceName]), "OK", cancellationToken);
            SessionCookie.Set(http.Response, secret, session.ExpireTime);
            logger.LogInformation("{Name} ({Key}) signed in to the dashboard from {Remote}, until {Expire:u}",
                key.DisplayName, key.ResourceName, http.Connection.RemoteIpAddress, session.ExpireTime);
            return Results.Json(SessionView.Of(new Caller(key.ResourceName, key.DisplayName, key.Roles), "session", session.ExpireTime, SessionSecret.CsrfToken(secret)));
        }
        catch (AccessStoreException e)
        {
            logger.LogError(e, "Could not open a dashboard session");
            return StoreUnavailable();
        }
    }

    private static async Task<IResult> WhoAsync(HttpContext http, IAccessStore store, KeyAuthenticator authenticator)
    {
        var cancellationToken = http.RequestAborted;
        var headers = new Metadata();
        foreach (var name in new[] { KeyAuthenticator.ApiKeyHeader, "authorization" })
        {
            if (http.Request.Headers[name].FirstOrDefault() is { } value)
            {
                headers.Add(name, value);
            }
        }
        try
        {
            var signedIn = headers.Count == 0 && SessionCookie.Presented(http.Request) is { } secret && !await authenticator.IsOpenAsync(cancellationToken)
                ? (Secret: secret, Live: await SessionCookie.AuthenticateAsync(store, http.Request, cancellationToken))
                : default;
            if (signedIn.Live is { } live)
            {
                var caller = new Caller(live.Key.ResourceName, live.Key.DisplayName, live.Key.Roles);
                return Results.Json(SessionView.Of(caller, "session", live.Session.ExpireTime, SessionSecret.CsrfToken(signedIn.Secret)));
            }
            var admitted = await authenticator.AuthenticateAsync(headers, cancellationToken);
            var kind = admitted.Principal.Length == 0 ? "none" : admitted.Principal.StartsWith("subjects/", StringComparison.Ordinal) ? "bearerToken" : "apiKey";
            return Results.Json(SessionView.Of(admitted, kind, null, null));
        }
        catch (RpcException e)
        {
            if (e.StatusCode == StatusCode.Unauthenticated && SessionCookie.Presented(http.Request) is not null)
            {
                SessionCookie.Clear(http.Response);
            }
            return Error(e);
        }
        catch (AccessStoreException)
        {
            return StoreUnavailable();
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAccessStore store, ILogger logger)
    {
        var cancellationToken = http.RequestAborted;
        if (SessionCookie.Presented(http.Request) is not { } secret)
        {
            return Results.NoContent();
        }
        try
        {
            var live = await SessionCookie.AuthenticateAsync(store, http.Request, cancellationToken);
            await store.EndSessionAsync(secret, cancellationToken);
            await store.AppendAsync(live!.Key.ResourceName, live.Key.DisplayName, "DELETE " + Path, AuditSummary.Of([live.Key.ResourceName]), "OK", cancellationToken);
            logger.LogInformation("{Name} ({Key}) signed out of the dashboard", live.Key.DisplayName, live.Key.ResourceName);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            // Already ended (expired, revoked, signed out elsewhere): signing out only clears the cookie.
        }
        catch (RpcException e)
        {
            return Error(e);
        }
        catch (AccessStoreException e)
        {
            logger.LogError(e, "Could not end a dashboard session");
            return StoreUnavailable();
        }
        SessionCookie.Clear(http.Response);
        return Results.NoContent();
    }

    /// <summary>The <c>apiKey</c> of a small JSON object, or null when the body is not one.</summary>
    private static async Task<string?> ReadApiKeyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxSignInBytes)
        {
            return null;
        }
        var buffer = new byte[MaxSignInBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        if (length > MaxSignInBytes)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("apiKey", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 } text
                ? text.Trim()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult StoreUnavailable() =>
        Error(RpcErrors.WithReason(StatusCode.Unavailable, "ACCESS_STORE_UNAVAILABLE", "the service cannot check API keys right now; try again later"));

    /// <summary>The status as the JSON API writes one, under the HTTP status transcoding would give it (or <paramref name="http"/>).</summary>
    private static IResult Error(RpcException e, int? http = null)
    {
        http ??= e.StatusCode switch
        {
            StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        var json = e.GetRpcStatus() is { } status
            ? StatusJson.Format(status)
            : System.Text.Json.JsonSerializer.Serialize(new { code = (int)e.StatusCode, message = e.Status.Detail, details = Array.Empty<object>() });
        return Results.Text(json, "application/json", statusCode: http);
    }
}

/// <summary>Who the dashboard is talking as: the answer of <see cref="SessionApi"/>.</summary>
/// <param name="Authentication"><c>session</c>, <c>apiKey</c>, <c>bearerToken</c>, or <c>none</c> (loopback, no keys).</param>
/// <param name="Roles">The roles held, with the ones they imply (admin holds every role).</param>
/// <param name="CsrfToken">For a session: the <c>x-csrf-token</c> header its writes must carry.</param>
public sealed record SessionView(string Name, string Key, IReadOnlyList<string> Roles, string Authentication, DateTimeOffset? ExpireTime, string? CsrfToken)
{
    public static SessionView Of(Caller caller, string authentication, DateTimeOffset? expireTime, string? csrfToken) =>
        new(caller.Name, caller.Principal,
            RoleSet.Format(RoleSet.Effective(caller.Roles)).Split(',', StringSplitOptions.RemoveEmptyEntries),
            authentication, expireTime, csrfToken);
}
