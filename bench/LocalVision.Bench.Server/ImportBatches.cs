using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.V1;

namespace LocalVision.Bench.Server;

/// <summary>
/// The generated graphs' ImportGraph stream: records gathered into messages of a batch size, and the initiative and
/// partner nodes both import benches generate.
/// </summary>
public sealed class ImportBatches(IClientStreamWriter<ImportGraphRequest> stream, int batchSize)
{
    private ImportGraphRequest _message = new();

    public Task AddAsync(Node node)
    {
        _message.Nodes.Add(node);
        return SendIfFullAsync();
    }

    public Task AddAsync(Relationship relationship)
    {
        _message.Relationships.Add(relationship);
        return SendIfFullAsync();
    }

    /// <summary>Sends what is gathered, if anything (before relationships that need the nodes, and at the end).</summary>
    public async Task FlushAsync()
    {
        if (_message.Nodes.Count + _message.Relationships.Count > 0)
        {
            await stream.WriteAsync(_message);
            _message = new ImportGraphRequest();
        }
    }

    private Task SendIfFullAsync() =>
        _message.Nodes.Count + _message.Relationships.Count >= batchSize ? FlushAsync() : Task.CompletedTask;

    public static Node Initiative(int i) => new()
    {
        Name = $"initiatives/i{i}", Label = "Initiative", DisplayName = $"Initiative {i}",
        Properties = new Struct { Fields = { ["name"] = Value.ForString($"Initiative {i}"), ["kind"] = Value.ForString("LV_PROJECT"), ["cohort"] = Value.ForNumber(1 + i % 2) } },
    };

    public static Node Partner(int i, string kind) => new()
    {
        Name = $"partners/p{i}", Label = "Partner", DisplayName = $"Partner {i}",
        Properties = new Struct { Fields = { ["name"] = Value.ForString($"Partner {i}"), ["kind"] = Value.ForString(kind) } },
    };
}
