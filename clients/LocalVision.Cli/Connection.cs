using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using LocalVision.V1;

namespace LocalVision.Cli;

/// <summary>A channel to the server built from the common options, and call options carrying the deadline and key.</summary>
public sealed class Connection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly string? _apiKey;
    private readonly TimeSpan _deadline;

    public Connection(ParseResult parse)
    {
        Address = ServerAddress.Parse(parse.GetValue(CliOptions.Server)!);
        _channel = GrpcChannel.ForAddress(Address);
        _apiKey = parse.GetValue(CliOptions.ApiKey);
        _deadline = TimeSpan.FromSeconds(parse.GetValue(CliOptions.Deadline));
        Output = parse.GetValue(CliOptions.Output);
    }

    public OutputFormat Output { get; }

    /// <summary>The server's gRPC address as given.</summary>
    public Uri Address { get; }

    public GraphService.GraphServiceClient Graph => new(_channel);

    public AccessService.AccessServiceClient Access => new(_channel);

    public AdminService.AdminServiceClient Admin => new(_channel);

    public EvaluationService.EvaluationServiceClient Evaluation => new(_channel);

    public InsightService.InsightServiceClient Insight => new(_channel);

    public TheoryService.TheoryServiceClient Theory => new(_channel);

    public NetworkService.NetworkServiceClient Network => new(_channel);

    /// <summary>Options for one call: its deadline runs from now.</summary>
    public CallOptions Call(CancellationToken cancellationToken) => Call(_deadline, cancellationToken);

    /// <summary>Options for a long call (import, export), whose deadline is given by the caller.</summary>
    public CallOptions Call(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(_apiKey))
        {
            headers.Add("x-api-key", _apiKey);
        }
        return new CallOptions(headers, DateTime.UtcNow + deadline, cancellationToken);
    }

    public TimeSpan Deadline => _deadline;

    public void Dispose() => _channel.Dispose();
}
