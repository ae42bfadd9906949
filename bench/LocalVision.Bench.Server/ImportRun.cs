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
        var batches = new ImportBatches(call.RequestStream, batchSize);
        var partners = nodes * 9 / 10;
        var initiatives = nodes - partners;

        for (var i = 0; i < initiatives; i++)
        {
            await batches.AddAsync(ImportBatches.Initiative(i));
        }
        for (var i = 0; i < partners; i++)
        {
            await batches.AddAsync(ImportBatches.Partner(i, "VOLUNTARY"));
            if (i % 100_000 == 0)
            {
                progress($"nodes {initiatives + i:N0}");
            }
        }
        await batches.FlushAsync();

        // Each partner takes part in a few initiatives and works with a few partners; pairs are unique per type.
        var written = 0;
        var partnerIn = relationships / 2;
        for (var i = 0; written < partnerIn; i++)
        {
            var partner = i % partners;
            var initiative = (int)((partner * 31L + i / partners * 7919L) % initiatives);
            await batches.AddAsync(new Relationship
            {
                Type = "PARTNER_IN", Start = $"partners/p{partner}", End = $"initiatives/i{initiative}",
                Properties = new Struct { Fields = { ["role"] = Value.ForString("MEMBER") } },
            });
            written++;
        }
        for (var i = 0; written < relationships; i++)
        {
            var partner = i % partners;
            var other = (int)((partner + 1 + (i / partners) * 104729L + random.Next(1, 50)) % partners);
            if (other == partner)
            {
                continue;
            }
            await batches.AddAsync(new Relationship
            {
                Type = "COLLABORATES_WITH", Start = $"partners/p{partner}", End = $"partners/p{other}",
                Properties = new Struct { Fields = { ["strength"] = Value.ForNumber(random.NextDouble()) } },
            });
            written++;
            if (written % 500_000 == 0)
            {
                progress($"relationships {written:N0}");
            }
        }
        await batches.FlushAsync();
        await call.RequestStream.CompleteAsync();
        var response = await call;
        return new Result(response.NodesWritten, response.RelationshipsWritten, clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);
    }
}
