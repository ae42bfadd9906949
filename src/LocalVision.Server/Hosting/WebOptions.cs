namespace LocalVision.Server.Hosting;

/// <summary>The web endpoint: the dashboard and the JSON API (gRPC JSON transcoding) under <c>/v1/</c>.</summary>
public sealed class WebOptions
{
    /// <summary>HTTP/1.1 port; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>The dashboard's built files; by default the <c>wwwroot</c> built from clients/web and copied beside the server.</summary>
    public string Root { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>
    /// Host names the web port answers to besides localhost, 127.0.0.1, [::1] and the bound address (a name a reverse
    /// proxy forwards, the machine's name on the network); any other Host header is refused with HTTP 400.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
}
