using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Tests.Evaluation.Support;

/// <summary>The shared initiative graph read as the engine reads a store: a snapshot, and the facts projected from it.</summary>
internal static class InitiativeGraphFacts
{
    public static GraphSnapshot Snapshot(this InitiativeGraph graph) => GraphSnapshot.Create(graph.Nodes, graph.Relationships);

    public static Task<InitiativeFacts> ProjectAsync(this InitiativeGraph graph, DateOnly asOf) => graph.ProjectAsync(new EvidenceScope(asOf));

    public static Task<InitiativeFacts> ProjectAsync(this InitiativeGraph graph, EvidenceScope scope) =>
        FactProjection.ProjectAsync(graph.Snapshot(), graph.Initiative, scope, CancellationToken.None);
}
