using LocalVision.Server.Access;

namespace LocalVision.Testing.Neo4j;

/// <summary>
/// Teaches the scripted FAKE Neo4j the statements of <see cref="SessionCypher"/>, acted out as Neo4j would run them
/// (the uniqueness of a session's id, the purge of expired sessions as a new one opens);
/// <see cref="ScriptedAccessCypher.WithAccessScripts"/> adds them, since the access store opens both.
/// </summary>
public static class ScriptedSessionCypher
{
    public static ScriptedNeo4j WithSessionScripts(this ScriptedNeo4j neo4j)
    {
        foreach (var statement in SessionCypher.Schema)
        {
            neo4j.AddScript(statement, (_, _) => ([], []));
        }
        neo4j.AddScript(SessionCypher.CreateSession, (nodes, p) =>
        {
            nodes.RemoveAll(n => n.Label == SessionCypher.Label && (long)n.Properties["expireTime"]! <= (long)p["now"]!);
            if (Sessions(nodes).Any(s => Equals(s.Properties["id"], p["id"])))
            {
                throw new ScriptedNeo4j.Refusal("Neo.ClientError.Schema.ConstraintValidationFailed", $"Node already exists with label `{SessionCypher.Label}` and property `id`");
            }
            nodes.Add(new ScriptedNode(SessionCypher.Label, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = p["id"],
                ["keyId"] = p["keyId"],
                ["createTime"] = p["now"],
                ["expireTime"] = p["expireTime"],
            }));
            return ([], []);
        });
        neo4j.AddScript(SessionCypher.FindSession, (nodes, p) => (["session"], Sessions(nodes)
            .Where(s => Equals(s.Properties["id"], p["id"]))
            .Select(s => new object?[] { new Dictionary<string, object?>(s.Properties, StringComparer.Ordinal) })
            .ToList()));
        neo4j.AddScript(SessionCypher.EndSession, (nodes, p) =>
        {
            nodes.RemoveAll(n => n.Label == SessionCypher.Label && Equals(n.Properties["id"], p["id"]));
            return ([], []);
        });
        return neo4j;
    }

    private static IEnumerable<ScriptedNode> Sessions(List<ScriptedNode> nodes) => nodes.Where(n => n.Label == SessionCypher.Label);
}
