using System.Net;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;

namespace LocalVision.Server.Hosting;

/// <summary>
/// The web endpoint: the same RPCs as JSON under <c>/v1/</c> (gRPC JSON transcoding of the protos'
/// <c>google.api.http</c> rules) and the dashboard built from clients/web, on one HTTP/1.1 port.
/// </summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var options = builder.GetLocalVisionOptions();
        if (options.Web.Port is < 0 or > 65535)
        {
            throw new StartupConfigurationException($"--web-port {options.Web.Port} is not a port number");
        }
        if (options.Web.Port != 0 && options.Web.Port == options.Grpc.Port)
        {
            throw new StartupConfigurationException($"--web-port and --grpc-port are both {options.Web.Port}; the web endpoint needs a port of its own");
        }
        var address = options.BindAddress();
        PortProbe.ThrowIfTaken(address, options.Web.Port, "--web-port");
        // With the gRPC port's certificate the dashboard is served over TLS too: the API key typed into its sign-in
        // page and the session cookie (then Secure) never cross the network in clear text.
        var certificate = TlsSetup.LoadCertificate(builder.Configuration);
        var endpoint = new WebEndpoint { Https = certificate is not null };
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Web.Port, listen =>
        {
            // HTTP/1.1 only: HTTP/2 clients have the gRPC port.
            listen.Protocols = HttpProtocols.Http1;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
            endpoint.Listen = listen;
        }));
        builder.Services.AddSingleton(endpoint);
        builder.Services.AddGrpc().AddJsonTranscoding(transcoding =>
            // Error details are google.protobuf.Any: the registry lets them be written as JSON.
            transcoding.TypeRegistry = TypeRegistry.FromMessages(
                BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, ErrorInfo.Descriptor));
        return builder;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        // Before routing and before any file or API answer.
        app.UseWebSecurity();
        app.UseRouting();
        // After routing, which says which RPC a JSON call is for.
        app.UseDateOnlyTimestamps();
        app.UseShortEnumNames();
        var root = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalVisionOptions>>().Value.Web.Root;
        var built = File.Exists(Path.Combine(root, "index.html"));
        if (built)
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(root));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        else
        {
            app.MapGet("/", () => Results.Content(NotBuiltPage(root), "text/html; charset=utf-8"));
        }

        // A /v1/ route no transcoded RPC claims is a method this server does not serve (yet): answer as
        // gRPC does, UNIMPLEMENTED, so the dashboard can say "not available yet" instead of failing.
        app.MapFallback("/v1/{**path}", (HttpContext context) => Results.Json(
            new { code = (int)Code.Unimplemented, message = $"{context.Request.Method} {context.Request.Path} is not served by this server (UNIMPLEMENTED)", details = Array.Empty<object>() },
            statusCode: StatusCodes.Status501NotImplemented));

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var endpoint = app.Services.GetRequiredService<WebEndpoint>();
            if (built)
            {
                app.Logger.LogInformation("Dashboard and JSON API on {Address}", endpoint.Address);
            }
            else
            {
                app.Logger.LogWarning("JSON API on {Address}, but the dashboard is not built (no index.html in {Root}): the server's build makes it from "
                    + "clients/web when npm is on PATH. Install Node.js 20+ with npm and run `dotnet run --project src/LocalVision.Server` again, "
                    + "or build it by hand with `npm ci && npm run build` in clients/web", endpoint.Address, root);
            }
        });
        return app;
    }

    /// <summary>The not-built page's own style, allowed by its hash in <see cref="WebSecurity.ContentSecurityPolicy"/>.</summary>
    internal const string NotBuiltStyle = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5}code,pre{background:#f3f3f3;padding:.1rem .3rem}";

    private static string NotBuiltPage(string root) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>LocalVision: dashboard not built</title>
        <style>{{NotBuiltStyle}}</style></head>
        <body>
        <h1>The LocalVision dashboard is not built</h1>
        <p>The service is running and its JSON API answers under <code>/v1/</code>, but the dashboard's files are not in
        <code>{{WebUtility.HtmlEncode(root)}}</code>.</p>
        <p>The server's build makes them from <code>clients/web</code> when npm is on its PATH. Install Node.js 20+ with npm,
        then start the server again from the checkout:</p>
        <pre>dotnet run --project src/LocalVision.Server</pre>
        <p>or build them by hand and start again:</p>
        <pre>cd clients/web
        npm ci
        npm run build</pre>
        </body></html>
        """;
}

/// <summary>Where the web endpoint listens, known once the server has bound it (port 0 picks a free port).</summary>
public sealed class WebEndpoint
{
    internal ListenOptions? Listen { get; set; }

    /// <summary>Whether the endpoint serves TLS (a certificate is configured).</summary>
    public bool Https { get; init; }

    /// <summary>The bound port (0 until bound).</summary>
    public int Port => Listen?.IPEndPoint?.Port ?? 0;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public string Address => Listen?.IPEndPoint is { } ip ? $"{(Https ? "https" : "http")}://{ip}/" : throw new InvalidOperationException("the web endpoint is not bound yet");
}
