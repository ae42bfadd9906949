using System.CommandLine;

namespace LocalVision.Cli;

/// <summary>Options every command takes: where the server is, who is calling, how long to wait, how to print.</summary>
public static class CliOptions
{
    public static readonly Option<string> Server = new("--server")
    {
        Description = "The LocalVision gRPC address: host:port, http://host:port or https://host:port (or set LV_SERVER)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LV_SERVER") ?? "127.0.0.1:50051",
        Recursive = true,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "An API key, sent as the x-api-key header (or set LV_API_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LV_API_KEY"),
        Recursive = true,
    };

    public static readonly Option<double> Deadline = new("--deadline")
    {
        Description = "Seconds a call may take before it is abandoned",
        DefaultValueFactory = _ => 30,
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "How results are printed",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };
}

public enum OutputFormat
{
    Table,
    Json,
}
