using LocalVision.Server.Access;

namespace LocalVision.Testing.Neo4j;

/// <summary>
/// Teaches the scripted FAKE Neo4j the statements of <see cref="AccessCypher"/>, acted out on its nodes outside the
/// graph as Neo4j would run them (counters, uniqueness constraints, ordering, paging). It proves the access store and
/// this script agree; that Neo4j runs the Cypher needs a real server (NEO4J_URI).
/// </summary>
public static class ScriptedAccessCypher
{
    private const string ConstraintFailed = "Neo.ClientError.Schema.ConstraintValidationFailed";

    public static ScriptedNeo4j WithAccessScripts(this ScriptedNeo4j neo4j)
    {
        foreach (var statement in AccessCypher.Schema)
        {
            neo4j.AddScript(statement, (_, _) => ([], []));
        }
        neo4j.AddScript(AccessCypher.FindKey, (nodes, p) =>
            (["key"], Keys(nodes).Where(k => Equals(k.Properties["id"], p["id"])).Select(k => new object?[] { KeyMap(k) }).ToList()));
        neo4j.AddScript(AccessCypher.CreateKey, CreateKey);
        neo4j.AddScript(AccessCypher.HasActiveKeys, (nodes, _) => (["active"], [[Keys(nodes).Any(IsActive)]]));
        neo4j.AddScript(AccessCypher.ListActiveAdminIds, (nodes, _) => (["id"], Keys(nodes)
            .Where(k => IsActive(k) && ((string)k.Properties["roles"]!).Split(',').Contains("admin"))
            .Select(k => (string)k.Properties["id"]!).Order(StringComparer.Ordinal).Select(id => new object?[] { id }).ToList()));
        neo4j.AddScript(AccessCypher.ListKeys, (nodes, p) => (["key", "position"], Keys(nodes)
            .Where(k => (long)k.Properties["position"]! < (long)p["before"]!)
            .OrderByDescending(k => (long)k.Properties["position"]!)
            .Take(checked((int)(long)p["limit"]!))
            .Select(k => new object?[] { KeyMap(k), k.Properties["position"] }).ToList()));
        neo4j.AddScript(AccessCypher.RevokeKey, (nodes, p) =>
        {
            var key = Keys(nodes).SingleOrDefault(k => Equals(k.Properties["id"], p["id"]));
            if (key is null)
            {
                return (["key"], []);
            }
            if (!IsActive(key))
            {
                return (["key"], [[KeyMap(key)]]);
            }
            key.Properties["revokeTime"] = p["now"];
            return (["key"], [[KeyMap(key)]]);
        });
        neo4j.AddScript(AccessCypher.AppendEntry, AppendEntry);
        neo4j.AddScript(AccessCypher.AppendOutcome, AppendOutcome);
        neo4j.AddScript(AccessCypher.ListAudit, ListAudit);
        neo4j.AddScript(AccessCypher.AuditUsage, AuditUsage);
        return neo4j.WithSessionScripts();
    }

    private static (string[], List<object?[]>) CreateKey(List<ScriptedNode> nodes, IReadOnlyDictionary<string, object?> p)
    {
        if (Keys(nodes).Any(k => Equals(k.Properties["id"], p["id"])))
        {
            throw new ScriptedNeo4j.Refusal(ConstraintFailed, $"Node already exists with label `{AccessCypher.KeyLabel}` and property `id` = '{p["id"]}'");
        }
        var position = Next(nodes, "apiKeys");
        var key = Create(nodes, AccessCypher.KeyLabel, p, "id", "displayName", "roles", "salt", "hash", "creator");
        key.Properties["createTime"] = p["now"];
        key.Properties["position"] = position;
        return ([], []);
    }

    private static (string[], List<object?[]>) AppendEntry(List<ScriptedNode> nodes, IReadOnlyDictionary<string, object?> p)
    {
        var sequence = Next(nodes, "audit");
        Create(nodes, AccessCypher.EntryLabel, p, "time", "keyId", "caller", "method", "resources", "summary", "refused", "outcome").Properties["sequence"] = sequence;
        return (["sequence"], [[sequence]]);
    }

    private static (string[], List<object?[]>) AppendOutcome(List<ScriptedNode> nodes, IReadOnlyDictionary<string, object?> p)
    {
        if (OfLabel(nodes, AccessCypher.OutcomeLabel).Any(o => Equals(o.Properties["sequence"], p["sequence"])))
        {
            throw new ScriptedNeo4j.Refusal(ConstraintFailed,
                $"Node already exists with label `{AccessCypher.OutcomeLabel}` and property `sequence` = {p["sequence"]}");
        }
        Create(nodes, AccessCypher.OutcomeLabel, p, "sequence", "time", "resources", "summary", "outcome");
        return ([], []);
    }

    private static (string[], List<object?[]>) ListAudit(List<ScriptedNode> nodes, IReadOnlyDictionary<string, object?> p)
    {
        var outcomes = OfLabel(nodes, AccessCypher.OutcomeLabel).ToDictionary(o => (long)o.Properties["sequence"]!);
        var rows = OfLabel(nodes, AccessCypher.EntryLabel)
            .Where(e => (long)e.Properties["sequence"]! < (long)p["before"]!)
            .OrderByDescending(e => (long)e.Properties["sequence"]!)
            .Take(checked((int)(long)p["limit"]!))
            .Select(e =>
            {
                var outcome = outcomes.GetValueOrDefault((long)e.Properties["sequence"]!)?.Properties;
                return new object?[]
                {
                    e.Properties["sequence"], e.Properties["time"], e.Properties["keyId"], e.Properties["caller"], e.Properties["method"],
                    outcome?["resources"] ?? e.Properties["resources"], outcome is null ? e.Properties["summary"] : outcome["summary"],
                    outcome?["outcome"] ?? e.Properties["outcome"],
                };
            })
            .ToList();
        return (["sequence", "time", "keyId", "caller", "method", "resources", "summary", "outcome"], rows);
    }

    private static (string[], List<object?[]>) AuditUsage(List<ScriptedNode> nodes, IReadOnlyDictionary<string, object?> p)
    {
        static long Size(ScriptedNode n, params string[] names) =>
            names.Sum(name => (long)((n.Properties.GetValueOrDefault(name) as string)?.Length ?? 0))
            + ((IEnumerable<object?>)n.Properties["resources"]!).Sum(r => (long)((string)r!).Length);
        var since = (long)p["since"]!;
        var rows = OfLabel(nodes, AccessCypher.EntryLabel).Where(e => (long)e.Properties["time"]! >= since)
            .Select(e => (Day: (long)e.Properties["time"]! / 86_400_000, Entries: 1L, Bytes: Size(e, "keyId", "caller", "method", "summary", "outcome"), Refused: Convert.ToInt64(e.Properties["refused"])))
            .Concat(OfLabel(nodes, AccessCypher.OutcomeLabel).Where(o => (long)o.Properties["time"]! >= since)
                .Select(o => (Day: (long)o.Properties["time"]! / 86_400_000, Entries: 0L, Bytes: Size(o, "summary", "outcome"), Refused: 0L)))
            .GroupBy(r => r.Day)
            .OrderByDescending(g => g.Key)
            .Select(g => new object?[] { g.Key, g.Sum(r => r.Entries), g.Sum(r => r.Bytes), g.Sum(r => r.Refused) })
            .ToList();
        return (["day", "entries", "bytes", "refused"], rows);
    }

    /// <summary>MERGE on the counter, then add one: the number the statement uses.</summary>
    private static long Next(List<ScriptedNode> nodes, string counter)
    {
        var node = OfLabel(nodes, AccessCypher.CounterLabel).SingleOrDefault(c => Equals(c.Properties["id"], counter));
        if (node is null)
        {
            node = new ScriptedNode(AccessCypher.CounterLabel, new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = counter, ["next"] = 0L });
            nodes.Add(node);
        }
        var next = (long)node.Properties["next"]! + 1;
        node.Properties["next"] = next;
        return next;
    }

    /// <summary>CREATE of a node whose properties are the named parameters.</summary>
    private static ScriptedNode Create(List<ScriptedNode> nodes, string label, IReadOnlyDictionary<string, object?> p, params string[] fromParameters)
    {
        var node = new ScriptedNode(label, fromParameters.ToDictionary(name => name, name => p[name], StringComparer.Ordinal));
        nodes.Add(node);
        return node;
    }

    private static IEnumerable<ScriptedNode> OfLabel(List<ScriptedNode> nodes, string label) => nodes.Where(n => n.Label == label);

    private static IEnumerable<ScriptedNode> Keys(List<ScriptedNode> nodes) => OfLabel(nodes, AccessCypher.KeyLabel);

    private static bool IsActive(ScriptedNode key) => key.Properties.GetValueOrDefault("revokeTime") is null;

    private static Dictionary<string, object?> KeyMap(ScriptedNode key) =>
        new[] { "id", "displayName", "roles", "createTime", "creator", "revokeTime", "salt", "hash" }
            .ToDictionary(k => k, k => key.Properties.GetValueOrDefault(k), StringComparer.Ordinal);
}
