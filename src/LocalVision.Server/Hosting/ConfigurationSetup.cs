using System.Net;

namespace LocalVision.Server.Hosting;

public static class ConfigurationSetup
{
    /// <summary>Short command-line switches for the common settings.</summary>
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--store"] = "LocalVision:Store:Path",
        ["--grpc-port"] = "LocalVision:Grpc:Port",
        ["--web-port"] = "LocalVision:Web:Port",
        ["--bind"] = "LocalVision:Bind",
        ["--seed"] = "LocalVision:Seed:Path",
    };

    /// <summary>Switches that take no value, and the setting each turns on.</summary>
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--init"] = "--LocalVision:Store:Init=true",
    };

    public static WebApplicationBuilder AddLocalVisionConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args.Select(arg => Flags.GetValueOrDefault(arg, arg)).ToArray(), Switches);
        builder.Services.Configure<LocalVisionOptions>(builder.Configuration.GetSection(LocalVisionOptions.Section));
        return builder;
    }

    public static LocalVisionOptions GetLocalVisionOptions(this WebApplicationBuilder builder) =>
        builder.Configuration.GetSection(LocalVisionOptions.Section).Get<LocalVisionOptions>() ?? new LocalVisionOptions();

    /// <summary>The address to listen on; an IPv4 address written as IPv6 (<c>::ffff:127.0.0.1</c>) is the IPv4 address it names.</summary>
    /// <exception cref="StartupConfigurationException">It is not an IP address.</exception>
    public static IPAddress BindAddress(this LocalVisionOptions options)
    {
        if (!IPAddress.TryParse(options.Bind, out var address))
        {
            throw new StartupConfigurationException($"--bind `{options.Bind}` is not an IP address; use 127.0.0.1 (the default) or the address to serve on");
        }
        // Kestrel cannot listen on a mapped address, and it names the same interface as the plain IPv4 one.
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    /// <summary>gRPC over HTTP/2 on the configured address and port: TLS when a certificate is configured, otherwise cleartext (h2c).</summary>
    public static WebApplicationBuilder AddEndpoints(this WebApplicationBuilder builder)
    {
        var options = builder.GetLocalVisionOptions();
        var address = options.BindAddress();
        if (options.Grpc.Port is < 0 or > 65535)
        {
            throw new StartupConfigurationException($"--grpc-port {options.Grpc.Port} is not a port number");
        }
        PortProbe.ThrowIfTaken(address, options.Grpc.Port, "--grpc-port");
        var certificate = TlsSetup.LoadCertificate(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Grpc.Port, listen =>
            {
                listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            // gRPC bounds each message (MaxReceiveMessageSize) from its length prefix and answers RESOURCE_EXHAUSTED;
            // a body limit here would race that check and reset the stream, which the caller sees as a broken call.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        return builder;
    }
}
