using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LocalVision.Server.Hosting;

/// <summary>
/// The web port's defences for browsers: a <c>Host</c> header this server does not answer to is refused (HTTP 400)
/// before anything else runs, so a page on another site that re-points its own name at this address (DNS rebinding)
/// cannot reach the JSON API; every answer carries a Content-Security-Policy and the usual security headers.
/// </summary>
/// <remarks>
/// The gRPC port is not filtered: browsers cannot speak gRPC over h2c, and remote gRPC clients name the server as
/// they reach it. Behind a reverse proxy or on another name, list the names in <c>LocalVision:Web:AllowedHosts</c>.
/// </remarks>
public static class WebSecurity
{
    /// <summary>Scripts, styles, data and frames from this server only; no plugins, no framing, no form posts elsewhere.</summary>
    public static string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        $"style-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(WebSetup.NotBuiltStyle)))}'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    private static readonly (string Name, string Value)[] Headers =
    [
        ("Content-Security-Policy", ContentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ];

    /// <summary>The host names the web port answers to: loopback's, the bound address, and those configured.</summary>
    public static IReadOnlySet<string> AllowedHosts(LocalVisionOptions options)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        var address = options.BindAddress();
        if (!address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))
        {
            hosts.Add(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString());
        }
        foreach (var host in options.Web.AllowedHosts)
        {
            hosts.Add(host.Trim());
        }
        return hosts;
    }

    /// <summary>Put first on the pipeline: only the web port's requests are filtered and given the headers.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LocalVisionOptions>>().Value;
        var allowed = AllowedHosts(options);
        var web = app.Services.GetRequiredService<WebEndpoint>();
        app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort != web.Port)
            {
                await next(context);
                return;
            }
            if (!allowed.Contains(HostName(context.Request.Host.Host)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    $"This server does not answer to the host name `{context.Request.Host.Host}`. An operator can add it to LocalVision:Web:AllowedHosts.",
                    context.RequestAborted);
                return;
            }
            foreach (var (name, value) in Headers)
            {
                context.Response.Headers[name] = value;
            }
            if (context.Request.Path.StartsWithSegments("/v1"))
            {
                // Answers may hold confidential evidence: no cache keeps them.
                context.Response.Headers.CacheControl = "no-store";
            }
            await next(context);
        });
        return app;
    }

    /// <summary>A host as compared: IPv6 literals in brackets, as the Host header writes them.</summary>
    private static string HostName(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !host.StartsWith('[')
            ? $"[{address}]"
            : host;
}
