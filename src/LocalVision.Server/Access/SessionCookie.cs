using Grpc.Core;
using LocalVision.Server.Grpc.Errors;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using HttpResponse = Microsoft.AspNetCore.Http.HttpResponse;

namespace LocalVision.Server.Access;

/// <summary>
/// The dashboard's session cookie: how it is named and set, and how a JSON API call carrying it is admitted. Only
/// calls through the JSON API (gRPC JSON transcoding) may use it; a gRPC client sends its key. Writes through a
/// session must also carry the CSRF token (<see cref="CsrfHeader"/>): SameSite=Strict already keeps other sites'
/// pages from sending the cookie, and the token holds even where a browser ignores SameSite.
/// </summary>
public static class SessionCookie
{
    public const string CsrfHeader = "x-csrf-token";

    /// <summary>
    /// Over TLS the cookie is Secure and has the <c>__Host-</c> prefix, which browsers accept only from a secure origin,
    /// for path /, with no Domain: no other host or plain-HTTP page can plant or overwrite it.
    /// </summary>
    public static string Name(HttpRequest request) => request.IsHttps ? "__Host-lv_session" : "lv_session";

    public static string? Presented(HttpRequest request) =>
        request.Cookies.TryGetValue(Name(request), out var value) && value.Length > 0 ? value : null;

    public static void Set(HttpResponse response, string secret, DateTimeOffset expireTime) =>
        response.Cookies.Append(Name(response.HttpContext.Request), secret, Options(response.HttpContext.Request, expireTime));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name(response.HttpContext.Request), Options(response.HttpContext.Request, null));

    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expireTime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        Expires = expireTime,
        IsEssential = true,
    };

    /// <summary>The HTTP request of a call through the JSON API, whose cookie may stand in for a key; null for a gRPC call.</summary>
    public static HttpRequest? BrowserRequest(ServerCallContext context)
    {
        HttpContext http;
        try
        {
            http = context.GetHttpContext();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        return http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true ? null : http.Request;
    }

    /// <summary>Whether the request may change something: the CSRF token is checked on these.</summary>
    public static bool IsWrite(HttpRequest request) => !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));

    /// <summary>The live session the request's cookie opens, or null when it has no cookie.</summary>
    /// <exception cref="RpcException">
    /// UNAUTHENTICATED when the cookie opens no session (signed out, expired, key revoked); PERMISSION_DENIED when a write
    /// lacks the session's CSRF token.
    /// </exception>
    public static async ValueTask<LiveSession?> AuthenticateAsync(ISessionStore sessions, HttpRequest request, CancellationToken cancellationToken)
    {
        if (Presented(request) is not { } secret)
        {
            return null;
        }
        var live = await sessions.FindSessionAsync(secret, cancellationToken)
            ?? throw RpcErrors.WithReason(StatusCode.Unauthenticated, "SESSION_ENDED",
                "your dashboard session has ended: it expired, was signed out, or its key was revoked; sign in again");
        if (IsWrite(request) && !SessionSecret.IsCsrfToken(secret, request.Headers[CsrfHeader].FirstOrDefault()))
        {
            throw RpcErrors.WithReason(StatusCode.PermissionDenied, "CSRF_TOKEN_MISSING",
                $"a {request.Method} through a dashboard session needs the `{CsrfHeader}` header with the token the sign-in returned (GET /v1/session gives it again)");
        }
        return live;
    }
}
