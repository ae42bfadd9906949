namespace LocalVision.Server.Access;

/// <summary>
/// Every Cypher statement <see cref="Neo4jAccessStore"/> sends, in one place so tests can pin them; values always
/// travel as parameters.
/// </summary>
/// <remarks>
/// Layout in the graph's database: <c>(:LocalVisionApiKey {id, displayName, roles, createTime, creator, revokeTime,
/// salt, hash, position})</c>, <c>(:LocalVisionAuditEntry {sequence, time, keyId, caller, method, resources, summary,
/// refused, outcome})</c> and <c>(:LocalVisionAuditOutcome {sequence, time, resources, summary, outcome})</c> (summary: the
/// <see cref="AuditSummary"/> as JSON; entries written before it have resources only); positions and sequences come from
/// <c>(:LocalVisionAccessCounter {id, next})</c>, bumped in the statement that uses the number, so replicas never hand
/// out the same one. None of these nodes has the graph's <c>LocalVisionNode</c> label, which every statement of the
/// graph store matches on, so the graph never sees them. Audit nodes are only ever created: no statement here sets
/// or deletes one.
/// </remarks>
public static class AccessCypher
{
    public const string KeyLabel = "LocalVisionApiKey";
    public const string EntryLabel = "LocalVisionAuditEntry";
    public const string OutcomeLabel = "LocalVisionAuditOutcome";
    public const string CounterLabel = "LocalVisionAccessCounter";

    /// <summary>The labels of every node this store writes.</summary>
    public static IReadOnlyList<string> Labels { get; } = [KeyLabel, EntryLabel, OutcomeLabel, CounterLabel];

    private const string KeyMap = "k {.id, .displayName, .roles, .createTime, .creator, .revokeTime, .salt, .hash}";

    /// <summary>Uniqueness constraints (each also an index), idempotent; run one by one at start-up.</summary>
    public static IReadOnlyList<string> Schema { get; } =
    [
        $"CREATE CONSTRAINT localvision_apikey_id IF NOT EXISTS FOR (k:{KeyLabel}) REQUIRE k.id IS UNIQUE",
        $"CREATE CONSTRAINT localvision_auditentry_sequence IF NOT EXISTS FOR (e:{EntryLabel}) REQUIRE e.sequence IS UNIQUE",
        $"CREATE CONSTRAINT localvision_auditoutcome_sequence IF NOT EXISTS FOR (o:{OutcomeLabel}) REQUIRE o.sequence IS UNIQUE",
        $"CREATE CONSTRAINT localvision_accesscounter_id IF NOT EXISTS FOR (c:{CounterLabel}) REQUIRE c.id IS UNIQUE",
    ];

    /// <summary>Takes the next number of a counter (as the graph's version stamp is bumped: the SET reads under the write lock).</summary>
    private static string Next(string counter, string alias) =>
        $"MERGE (c:{CounterLabel} {{id: '{counter}'}}) ON CREATE SET c.next = 0 SET c.next = c.next + 1 WITH c.next AS {alias} ";

    public const string FindKey =
        $"MATCH (k:{KeyLabel} {{id: $id}}) RETURN {KeyMap} AS key";

    public static readonly string CreateKey =
        Next("apiKeys", "position")
        + $"CREATE (k:{KeyLabel} {{id: $id, displayName: $displayName, roles: $roles, salt: $salt, hash: $hash, createTime: $now, creator: $creator, position: position}})";

    public const string HasActiveKeys =
        $"RETURN EXISTS {{ MATCH (k:{KeyLabel}) WHERE k.revokeTime IS NULL }} AS active";

    public const string ListActiveAdminIds =
        $"MATCH (k:{KeyLabel}) WHERE k.revokeTime IS NULL AND 'admin' IN split(k.roles, ',') RETURN k.id AS id ORDER BY id";

    public const string ListKeys =
        $"MATCH (k:{KeyLabel}) WHERE k.position < $before RETURN {KeyMap} AS key, k.position AS position ORDER BY position DESC LIMIT $limit";

    /// <summary>Sets the revoke time once: a second revoke keeps the first.</summary>
    public const string RevokeKey =
        $"MATCH (k:{KeyLabel} {{id: $id}}) SET k.revokeTime = coalesce(k.revokeTime, $now) RETURN {KeyMap} AS key";

    public static readonly string AppendEntry =
        Next("audit", "sequence")
        + $"CREATE (e:{EntryLabel} {{sequence: sequence, time: $time, keyId: $keyId, caller: $caller, method: $method, resources: $resources, summary: $summary, refused: $refused, outcome: $outcome}}) "
        + "RETURN sequence";

    /// <summary>The outcome of an entry, a node of its own; the uniqueness constraint refuses a second one.</summary>
    public const string AppendOutcome =
        $"CREATE (o:{OutcomeLabel} {{sequence: $sequence, time: $time, resources: $resources, summary: $summary, outcome: $outcome}})";

    public const string ListAudit =
        $"MATCH (e:{EntryLabel}) WHERE e.sequence < $before WITH e ORDER BY e.sequence DESC LIMIT $limit "
        + $"OPTIONAL MATCH (o:{OutcomeLabel} {{sequence: e.sequence}}) "
        + "RETURN e.sequence AS sequence, e.time AS time, e.keyId AS keyId, e.caller AS caller, e.method AS method, "
        + "coalesce(o.resources, e.resources) AS resources, CASE WHEN o IS NULL THEN e.summary ELSE o.summary END AS summary, "
        + "coalesce(o.outcome, e.outcome) AS outcome ORDER BY sequence DESC";

    /// <summary>Entries and outcomes per day (UTC) since a time, with the size of what they hold.</summary>
    public const string AuditUsage =
        $"CALL () {{ MATCH (e:{EntryLabel}) WHERE e.time >= $since "
        + "RETURN e.time / 86400000 AS day, 1 AS entries, size(e.keyId) + size(e.caller) + size(e.method) + size(coalesce(e.summary, '')) "
        + "+ reduce(n = 0, r IN e.resources | n + size(r)) + size(e.outcome) AS bytes, coalesce(e.refused, CASE WHEN e.outcome = 'PERMISSION_DENIED' THEN 1 ELSE 0 END) AS refused "
        + $"UNION ALL MATCH (o:{OutcomeLabel}) WHERE o.time >= $since "
        + "RETURN o.time / 86400000 AS day, 0 AS entries, size(coalesce(o.summary, '')) + reduce(n = 0, r IN o.resources | n + size(r)) + size(o.outcome) AS bytes, 0 AS refused } "
        + "RETURN day, sum(entries) AS entries, sum(bytes) AS bytes, sum(refused) AS refused ORDER BY day DESC";
}
