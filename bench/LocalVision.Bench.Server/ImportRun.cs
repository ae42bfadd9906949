using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using LocalVision.V1;

namespace LocalVision.Bench.Server;

/// <summary>Streams a generated graph through ImportGraph: localities, partners, initiatives and partnership ties.</summary>
public static class ImportRun
{
    public sealed record Result(long Nodes, long Relationships, double Seconds, long PeakWorkingSetBytes)
    {
        public double RecordsPerSecond => (Nodes + Relationships) / Seconds;
    }

    public static async Task<Result> RunAsync(GraphService.GraphServiceClient graph, int nodes, int relationships, int batchSize, Action<string> progress)
    {
        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        using var call = graph.ImportGraph();
        var message = new ImportGraphRequest();
        var partners = nodes * 9 / 10;
        var initiatives = nodes - partners;

        async Task FlushIfFull(bool force = false)
        {
            if (message.Nodes.Count + message.Relationships.Count >= batchSize || (force && message.Nodes.Count + message.Relationships.Count > 0))
            {
                await call.RequestStream.WriteAsync(message);
                message = new ImportGraphRequest();
            }
        }

        for (var i = 0; i < initiatives; i++)
        {
            message.Nodes.Add(new Node
            {
                Name = $"initiatives/i{i}", Label = "Initiative", DisplayName = $"Initiative {i}",
                Properties = new Struct { Fields = { ["name"] = Value.ForString($"Initiative {i}"), ["kind"] = Value.ForString("LV_PROJECT"), ["cohort"] = Value.ForNumber(1 + i % 2) } },
            });
            await FlushIfFull();
        }
        for (var i = 0; i < partners; i++)
        {
            message.Nodes.Add(new Node
            {
                Name = $"partners/p{i}", Label = "Partner", DisplayName = $"Partner {i}",
                Properties = new Struct { Fields = { ["name"] = Value.ForString($"Partner {i}"), ["kind"] = Value.ForString("VOLUNTARY") } },
            });
            await FlushIfFull();
            if (i % 100_000 == 0)
            {
                progress($"nodes {initiatives + i:N0}");
            }
        }
        await FlushIfFull(force: true);

        // Each partner takes part in a few initiatives and works with a few partners; pairs are unique per type.
        var written = 0;
        var partnerIn = relationships / 2;
        for (var i = 0; written < partnerIn; i++)
        {
            var partner = i % partners;
            var initiative = (int)((partner * 31L + i / partners * 7919L) % initiatives);
            message.Relationships.Add(new Relationship
            {
                Type = "PARTNER_IN", Start = $"partners/p{partner}", End = $"initiatives/i{initiative}",
                Properties = new Struct { Fields = { ["role"] = Value.ForString("MEMBER") } },
            });
            written++;
            await FlushIfFull();
        }
        for (var i = 0; written < relationships; i++)
        {
            var partner = i % partners;
            var other = (int)((partner + 1 + (i / partners) * 104729L + random.Next(1, 50)) % partners);
            if (other == partner)
            {
                continue;
            }
            message.Relationships.Add(new Relationship
            {
                Type = "COLLABORATES_WITH", Start = $"partners/p{partner}", End = $"partners/p{other}",
                Properties = new Struct { Fields = { ["strength"] = Value.ForNumber(random.NextDouble()) } },
            });
            written++;
            await FlushIfFull();
            if (written % 500_000 == 0)
            {
                progress($"relationships {written:N0}");
            }
        }
        await FlushIfFull(force: true);
        await call.RequestStream.CompleteAsync();
        var response = await call;
        return new Result(response.NodesWritten, response.RelationshipsWritten, clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);
    }
}
