using System.Globalization;

namespace LocalVision.Cli;

/// <summary>
/// The server's gRPC address as a person writes it, in <c>--server</c> or <c>LV_SERVER</c> alike: <c>host:port</c>,
/// <c>http://host:port</c> (plain text) or <c>https://host:port</c> (TLS); a bare host is on the gRPC port.
/// </summary>
public static class ServerAddress
{
    public const int DefaultPort = 50051;

    /// <exception cref="CliException">It is none of these; the message shows the forms that are.</exception>
    public static Uri Parse(string text)
    {
        var trimmed = text.Trim();
        var hasScheme = trimmed.Contains("://", StringComparison.Ordinal);
        var candidate = hasScheme ? trimmed : "http://" + trimmed;
        if (trimmed.Length == 0
            || !Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.Host.Length == 0
            || uri.PathAndQuery is not ("/" or ""))
        {
            throw new CliException($"`{text}` is not a server address; write host:port (127.0.0.1:{DefaultPort}), "
                + $"http://host:port, or https://host:port for TLS, in --server or LV_SERVER");
        }
        // Without a port of its own an address means the gRPC port, not HTTP's 80 or 443.
        var authority = (hasScheme ? trimmed[(trimmed.IndexOf("://", StringComparison.Ordinal) + 3)..] : trimmed).TrimEnd('/');
        return new UriBuilder(uri.Scheme, uri.Host, HasPort(authority) ? uri.Port : DefaultPort).Uri;
    }

    private static bool HasPort(string authority)
    {
        var colon = authority.LastIndexOf(':');
        return colon >= 0 && colon > authority.LastIndexOf(']')
            && int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
