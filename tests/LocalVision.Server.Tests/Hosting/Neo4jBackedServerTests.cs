using LocalVision.Testing.Neo4j;
using LocalVision.V1;
using Path = System.IO.Path;

namespace LocalVision.Server.Tests.Hosting;

/// <summary>
/// The whole service on a Neo4j store, as `--store neo4j://…` starts it: seeding, reads and rule evaluation over gRPC.
/// The Neo4j here is the scripted FAKE behind a real HTTP port, so this proves the service's wiring (store choice,
/// key file, seeding through the Query API), not that a real Neo4j runs the Cypher (that needs NEO4J_URI).
/// </summary>
public sealed class Neo4jBackedServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_OnANeo4jAddress_SeedsTheSampleAndServesReadsAndEvaluations()
    {
        await using var neo4j = await ScriptedNeo4jOverHttp.StartAsync(Ct);
        var accessFile = Path.Combine(Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N") + ".access.db");
        try
        {
            await using var server = await RunningServer.StartAsync(
                seed: true,
                "--store", neo4j.Address,
                $"--LocalVision:Store:Neo4j:Password={ScriptedNeo4j.Password}",
                $"--LocalVision:Access:Path={accessFile}");

            var plymouth = await server.Graph.GetNodeAsync(new GetNodeRequest { Name = "localities/plymouth" }, cancellationToken: Ct);
            var evaluation = await new EvaluationService.EvaluationServiceClient(server.Channel).EvaluateInitiativeAsync(
                new EvaluateInitiativeRequest { Name = "initiatives/plymouth-local-vision" }, cancellationToken: Ct);

            Assert.Equal("Locality", plymouth.Label);
            Assert.NotEmpty(evaluation.Findings);
            Assert.True(File.Exists(accessFile));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(accessFile);
        }
    }
}
