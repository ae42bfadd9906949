using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalVision.Testing.Neo4j;

/// <summary>
/// The scripted FAKE Neo4j (<see cref="ScriptedNeo4j"/>) behind a real loopback HTTP port, so a command reaches it
/// by address, with the password from its configuration, exactly as it would reach a server. It proves what the
/// scripted Neo4j proves (the store and the script agree), not that Neo4j runs the Cypher.
/// </summary>
public sealed class ScriptedNeo4jOverHttp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _invoker;
    private string? _readOnlyFrom;
    private bool _readOnly;

    private ScriptedNeo4jOverHttp(WebApplication app, ScriptedNeo4j neo4j)
    {
        _app = app;
        Neo4j = neo4j;
        _invoker = new HttpMessageInvoker(neo4j, disposeHandler: false);
        app.Run(ForwardAsync);
    }

    public ScriptedNeo4j Neo4j { get; }

    /// <summary><c>http://neo4j@127.0.0.1:PORT</c>: an address as a user gives it, the user in it.</summary>
    public string Address { get; private set; } = "";

    public static async Task<ScriptedNeo4jOverHttp> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var front = new ScriptedNeo4jOverHttp(builder.Build(), new ScriptedNeo4j().WithAccessScripts());
        await front._app.StartAsync(cancellationToken);
        var bound = new Uri(front._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        front.Address = $"http://{ScriptedNeo4j.User}@127.0.0.1:{bound.Port}";
        return front;
    }

    /// <summary>From the first statement containing <paramref name="fragment"/> on, answer as a database turned read-only would.</summary>
    public void TurnReadOnlyAt(string fragment) => _readOnlyFrom = fragment;

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        _readOnly |= _readOnlyFrom is { } fragment && Encoding.UTF8.GetString(body.ToArray()).Contains(fragment, StringComparison.Ordinal);
        // Statements are refused; a rollback (no body) still reaches the script, which then lets go of its write lock.
        if (_readOnly && body.Length > 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["code"] = "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
                    ["message"] = "Writing in read access mode not allowed.",
                }),
            }, context.RequestAborted);
            return;
        }

        var url = new Uri(new Uri("http://localhost:7474"), context.Request.Path + context.Request.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), url);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        using var response = await _invoker.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers)
        {
            context.Response.Headers[name] = values.ToArray();
        }
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _invoker.Dispose();
        Neo4j.Dispose();
    }
}
