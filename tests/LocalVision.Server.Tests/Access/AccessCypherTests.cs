using LocalVision.Server.Access;

namespace LocalVision.Server.Tests.Access;

/// <summary>
/// Every statement the Neo4j access store sends, pinned word for word: a change to one must be made here too, on
/// purpose. (The scripted fake and a real server check that they work; these check that they did not drift.)
/// </summary>
public sealed class AccessCypherTests
{
    public static TheoryData<string, string, string> Statements => new()
    {
        { "Schema[0]", AccessCypher.Schema[0],
            "CREATE CONSTRAINT localvision_apikey_id IF NOT EXISTS FOR (k:LocalVisionApiKey) REQUIRE k.id IS UNIQUE" },
        { "Schema[1]", AccessCypher.Schema[1],
            "CREATE CONSTRAINT localvision_auditentry_sequence IF NOT EXISTS FOR (e:LocalVisionAuditEntry) REQUIRE e.sequence IS UNIQUE" },
        { "Schema[2]", AccessCypher.Schema[2],
            "CREATE CONSTRAINT localvision_auditoutcome_sequence IF NOT EXISTS FOR (o:LocalVisionAuditOutcome) REQUIRE o.sequence IS UNIQUE" },
        { "Schema[3]", AccessCypher.Schema[3],
            "CREATE CONSTRAINT localvision_accesscounter_id IF NOT EXISTS FOR (c:LocalVisionAccessCounter) REQUIRE c.id IS UNIQUE" },
        { "FindKey", AccessCypher.FindKey,
            "MATCH (k:LocalVisionApiKey {id: $id}) RETURN k {.id, .displayName, .roles, .createTime, .creator, .revokeTime, .salt, .hash} AS key" },
        { "CreateKey", AccessCypher.CreateKey,
            "MERGE (c:LocalVisionAccessCounter {id: 'apiKeys'}) ON CREATE SET c.next = 0 SET c.next = c.next + 1 WITH c.next AS position "
            + "CREATE (k:LocalVisionApiKey {id: $id, displayName: $displayName, roles: $roles, salt: $salt, hash: $hash, createTime: $now, creator: $creator, position: position})" },
        { "HasActiveKeys", AccessCypher.HasActiveKeys,
            "RETURN EXISTS { MATCH (k:LocalVisionApiKey) WHERE k.revokeTime IS NULL } AS active" },
        { "ListActiveAdminIds", AccessCypher.ListActiveAdminIds,
            "MATCH (k:LocalVisionApiKey) WHERE k.revokeTime IS NULL AND 'admin' IN split(k.roles, ',') RETURN k.id AS id ORDER BY id" },
        { "ListKeys", AccessCypher.ListKeys,
            "MATCH (k:LocalVisionApiKey) WHERE k.position < $before "
            + "RETURN k {.id, .displayName, .roles, .createTime, .creator, .revokeTime, .salt, .hash} AS key, k.position AS position ORDER BY position DESC LIMIT $limit" },
        { "RevokeKey", AccessCypher.RevokeKey,
            "MATCH (k:LocalVisionApiKey {id: $id}) SET k.revokeTime = coalesce(k.revokeTime, $now) "
            + "RETURN k {.id, .displayName, .roles, .createTime, .creator, .revokeTime, .salt, .hash} AS key" },
        { "AppendEntry", AccessCypher.AppendEntry,
            "MERGE (c:LocalVisionAccessCounter {id: 'audit'}) ON CREATE SET c.next = 0 SET c.next = c.next + 1 WITH c.next AS sequence "
            + "CREATE (e:LocalVisionAuditEntry {sequence: sequence, time: $time, keyId: $keyId, caller: $caller, method: $method, resources: $resources, summary: $summary, refused: $refused, outcome: $outcome}) "
            + "RETURN sequence" },
        { "AppendOutcome", AccessCypher.AppendOutcome,
            "CREATE (o:LocalVisionAuditOutcome {sequence: $sequence, time: $time, resources: $resources, summary: $summary, outcome: $outcome})" },
        { "ListAudit", AccessCypher.ListAudit,
            "MATCH (e:LocalVisionAuditEntry) WHERE e.sequence < $before WITH e ORDER BY e.sequence DESC LIMIT $limit "
            + "OPTIONAL MATCH (o:LocalVisionAuditOutcome {sequence: e.sequence}) "
            + "RETURN e.sequence AS sequence, e.time AS time, e.keyId AS keyId, e.caller AS caller, e.method AS method, "
            + "coalesce(o.resources, e.resources) AS resources, CASE WHEN o IS NULL THEN e.summary ELSE o.summary END AS summary, "
            + "coalesce(o.outcome, e.outcome) AS outcome ORDER BY sequence DESC" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_AsGenerated_IsThePinnedText(string operation, string generated, string pinned)
    {
        Assert.True(pinned == generated, $"{operation} changed:\n  pinned    {pinned}\n  generated {generated}");
    }

    [Fact]
    public void AuditStatements_NeverChangeOrDeleteAnEntryOrOutcome()
    {
        string[] audit = [AccessCypher.AppendEntry, AccessCypher.AppendOutcome, AccessCypher.ListAudit];

        // The only SET in them is the counter's.
        Assert.All(audit, statement => Assert.DoesNotContain("DELETE", statement, StringComparison.OrdinalIgnoreCase));
        Assert.All(audit, statement => Assert.DoesNotMatch(@"SET (e|o)\.", statement));
    }
}
