using LocalVision.Graph.Neo4j;

namespace LocalVision.Testing.Neo4j;

/// <summary>The scripted FAKE Neo4j's answers to the theory history's statements, each as <see cref="TheoryCypher"/> writes it.</summary>
internal static class ScriptedTheoryCypher
{
    private static readonly string[] Fields = ["version", "text", "note", "author", "createTime"];

    public static void AddTo(ScriptedNeo4j neo4j)
    {
        neo4j.AddScript(TheoryCypher.ListVersions, (nodes, _) => (Fields, Versions(nodes).Select(Row).ToList()));
        neo4j.AddScript(TheoryCypher.CurrentVersion, (nodes, _) => (Fields, Versions(nodes).TakeLast(1).Select(Row).ToList()));
        neo4j.AddScript(TheoryCypher.GetVersion, (nodes, p) => (Fields, Versions(nodes).Where(t => Equals(t.Properties["version"], p["version"])).Select(Row).ToList()));
        neo4j.AddScript(TheoryCypher.AppendVersion, (nodes, p) =>
        {
            nodes.Add(new ScriptedNode(TheoryCypher.Label, Fields.ToDictionary(f => f, f => p[f], StringComparer.Ordinal)));
            return ([], []);
        });
    }

    private static IEnumerable<ScriptedNode> Versions(List<ScriptedNode> nodes) =>
        nodes.Where(n => n.Label == TheoryCypher.Label).OrderBy(n => (long)n.Properties["version"]!);

    private static object?[] Row(ScriptedNode node) => Fields.Select(f => node.Properties[f]).ToArray();
}
