using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>
/// Every statement the Neo4j store sends, pinned word for word: a change to one must be made here too, on purpose.
/// (The scripted fake and a real server check that they work; these check that they did not drift.)
/// </summary>
public sealed class CypherTests
{
    public static TheoryData<string, string, string> Statements => new()
    {
        { "Schema[0]", Cypher.Schema[0],
            "CREATE CONSTRAINT localvision_node_name IF NOT EXISTS FOR (n:LocalVisionNode) REQUIRE n.name IS UNIQUE" },
        { "Schema[1]", Cypher.Schema[1],
            "CREATE CONSTRAINT localvision_enabler_name IF NOT EXISTS FOR (n:Enabler) REQUIRE n.name IS UNIQUE" },
        { "Schema[2]", Cypher.Schema[2],
            "CREATE CONSTRAINT localvision_evidence_name IF NOT EXISTS FOR (n:Evidence) REQUIRE n.name IS UNIQUE" },
        { "Schema[3]", Cypher.Schema[3],
            "CREATE CONSTRAINT localvision_initiative_name IF NOT EXISTS FOR (n:Initiative) REQUIRE n.name IS UNIQUE" },
        { "Schema[4]", Cypher.Schema[4],
            "CREATE CONSTRAINT localvision_locality_name IF NOT EXISTS FOR (n:Locality) REQUIRE n.name IS UNIQUE" },
        { "Schema[5]", Cypher.Schema[5],
            "CREATE CONSTRAINT localvision_observation_name IF NOT EXISTS FOR (n:Observation) REQUIRE n.name IS UNIQUE" },
        { "Schema[6]", Cypher.Schema[6],
            "CREATE CONSTRAINT localvision_outcome_name IF NOT EXISTS FOR (n:Outcome) REQUIRE n.name IS UNIQUE" },
        { "Schema[7]", Cypher.Schema[7],
            "CREATE CONSTRAINT localvision_partner_name IF NOT EXISTS FOR (n:Partner) REQUIRE n.name IS UNIQUE" },
        { "Schema[8]", Cypher.Schema[8],
            "CREATE CONSTRAINT localvision_person_name IF NOT EXISTS FOR (n:Person) REQUIRE n.name IS UNIQUE" },
        { "Schema[9]", Cypher.Schema[9],
            "CREATE CONSTRAINT localvision_meta_id IF NOT EXISTS FOR (m:LocalVisionMeta) REQUIRE m.id IS UNIQUE" },
        { "Schema[10]", Cypher.Schema[10],
            "CREATE CONSTRAINT localvision_request_id IF NOT EXISTS FOR (q:LocalVisionRequest) REQUIRE q.id IS UNIQUE" },
        { "Schema[11]", Cypher.Schema[11],
            "CREATE INDEX localvision_node_label IF NOT EXISTS FOR (n:LocalVisionNode) ON (n.label)" },
        { "ShowConstraints", Cypher.ShowConstraints,
            "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names" },
        { "ShowIndexes", Cypher.ShowIndexes,
            "SHOW INDEXES YIELD name RETURN collect(name) AS names" },
        { "EnsureMeta", Cypher.EnsureMeta,
            "MERGE (m:LocalVisionMeta {id: 'graph'}) ON CREATE SET m.version = 0 RETURN m.version AS version" },
        { "BumpVersion", Cypher.BumpVersion,
            "MERGE (m:LocalVisionMeta {id: 'graph'}) ON CREATE SET m.version = 0 SET m.version = m.version + 1 RETURN m.version AS version" },
        { "ReadVersion", Cypher.ReadVersion,
            "OPTIONAL MATCH (m:LocalVisionMeta {id: 'graph'}) RETURN coalesce(m.version, 0) AS version" },
        { "FindRequest", Cypher.FindRequest,
            "MATCH (q:LocalVisionRequest {id: $id}) RETURN q.result AS result, q.owner AS owner, q.fingerprint AS fingerprint" },
        { "RememberRequest", Cypher.RememberRequest,
            "CREATE (q:LocalVisionRequest {id: $id, result: $result, createTime: $now, owner: $owner, fingerprint: $fingerprint})" },
        { "MissingNodes", Cypher.MissingNodes,
            "UNWIND $names AS name OPTIONAL MATCH (n:LocalVisionNode {name: name}) WITH name, n WHERE n IS NULL RETURN collect(name) AS missing" },
        { "GetNodes", Cypher.GetNodes,
            "UNWIND $names AS name MATCH (n:LocalVisionNode {name: name}) RETURN n {.name, .label, .displayName, .properties, .createTime, .updateTime} AS node" },
        { "CountRelationshipsOfNode", Cypher.CountRelationshipsOfNode,
            "MATCH (n:LocalVisionNode {name: $name}) OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT r) AS relationships" },
        { "DeleteNode", Cypher.DeleteNode,
            "MATCH (n:LocalVisionNode {name: $name}) DETACH DELETE n" },
        { "Count", Cypher.Count,
            "CALL () { MATCH (n:LocalVisionNode) WITH n.label AS label, count(*) AS nodes RETURN collect({label: label, nodes: nodes}) AS byLabel } CALL () { MATCH (:LocalVisionNode)-[r]->() WITH type(r) AS type, count(*) AS relationships RETURN collect({type: type, relationships: relationships}) AS byType } RETURN byLabel, byType" },
        { "ReadNodes", Cypher.ReadNodes,
            "MATCH (n:LocalVisionNode) WHERE ($labels = [] OR n.label IN $labels) AND n.name > $after RETURN n {.name, .label, .displayName, .properties, .createTime, .updateTime} AS node ORDER BY n.name LIMIT $limit" },
        { "ReadRelationships", Cypher.ReadRelationships,
            "MATCH (a:LocalVisionNode) WHERE a.name > $after AND ($labels = [] OR a.label IN $labels) WITH a ORDER BY a.name LIMIT $limit OPTIONAL MATCH (a)-[r]->(b:LocalVisionNode) WHERE $labels = [] OR b.label IN $labels RETURN a.name AS startName, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), endName: b.name, properties: r.properties} END) AS relationships ORDER BY startName" },
        { "RelationshipsByKey", Cypher.RelationshipsByKey,
            "UNWIND $keys AS k MATCH (a:LocalVisionNode {name: k.start})-[r]->(b:LocalVisionNode {name: k.end}) WHERE type(r) = k.type RETURN type(r) AS type, a.name AS startName, b.name AS endName, r.properties AS properties" },
        { "RelationshipsAmong", Cypher.RelationshipsAmong,
            "MATCH (a:LocalVisionNode)-[r]->(b:LocalVisionNode) WHERE a.name IN $names AND b.name IN $names AND ($types = [] OR type(r) IN $types) RETURN type(r) AS type, a.name AS startName, b.name AS endName, r.properties AS properties ORDER BY startName, type, endName LIMIT $limit" },
        { "UpsertNodes(Partner)", Cypher.UpsertNodes("Partner"),
            "UNWIND $rows AS row MERGE (n:LocalVisionNode {name: row.name}) ON CREATE SET n.createTime = $now WITH n, row, n.createTime AS createTime SET n = row.fields SET n:Partner, n.createTime = createTime, n.updateTime = $now RETURN n.name AS name, n.createTime AS createTime" },
        { "UpsertRelationships(PARTNER_IN)", Cypher.UpsertRelationships("PARTNER_IN"),
            "UNWIND $rows AS row MATCH (a:LocalVisionNode {name: row.start}) MATCH (b:LocalVisionNode {name: row.end}) MERGE (a)-[r:PARTNER_IN]->(b) SET r.properties = row.properties RETURN count(r) AS written" },
        { "ListNodes(null)", Cypher.ListNodes(null),
            "MATCH (n:LocalVisionNode) WHERE all(c IN $filter WHERE CASE c.op WHEN '=' THEN coalesce(n[c.key] = c.value, false) WHEN '<>' THEN NOT coalesce(n[c.key] = c.value, false) WHEN '<' THEN coalesce(n[c.key] < c.value, false) WHEN '<=' THEN coalesce(n[c.key] <= c.value, false) WHEN '>' THEN coalesce(n[c.key] > c.value, false) WHEN '>=' THEN coalesce(n[c.key] >= c.value, false) ELSE false END) WITH count(n) AS total CALL () { MATCH (n:LocalVisionNode) WHERE all(c IN $filter WHERE CASE c.op WHEN '=' THEN coalesce(n[c.key] = c.value, false) WHEN '<>' THEN NOT coalesce(n[c.key] = c.value, false) WHEN '<' THEN coalesce(n[c.key] < c.value, false) WHEN '<=' THEN coalesce(n[c.key] <= c.value, false) WHEN '>' THEN coalesce(n[c.key] > c.value, false) WHEN '>=' THEN coalesce(n[c.key] >= c.value, false) ELSE false END) AND ($after IS NULL OR n.name > $after) WITH n ORDER BY n.name LIMIT $limit RETURN collect(n {.name, .label, .displayName, .properties, .createTime, .updateTime}) AS page } RETURN total, page" },
        { "ListNodes(Partner)", Cypher.ListNodes("Partner"),
            "MATCH (n:LocalVisionNode:Partner) WHERE all(c IN $filter WHERE CASE c.op WHEN '=' THEN coalesce(n[c.key] = c.value, false) WHEN '<>' THEN NOT coalesce(n[c.key] = c.value, false) WHEN '<' THEN coalesce(n[c.key] < c.value, false) WHEN '<=' THEN coalesce(n[c.key] <= c.value, false) WHEN '>' THEN coalesce(n[c.key] > c.value, false) WHEN '>=' THEN coalesce(n[c.key] >= c.value, false) ELSE false END) WITH count(n) AS total CALL () { MATCH (n:LocalVisionNode:Partner) WHERE all(c IN $filter WHERE CASE c.op WHEN '=' THEN coalesce(n[c.key] = c.value, false) WHEN '<>' THEN NOT coalesce(n[c.key] = c.value, false) WHEN '<' THEN coalesce(n[c.key] < c.value, false) WHEN '<=' THEN coalesce(n[c.key] <= c.value, false) WHEN '>' THEN coalesce(n[c.key] > c.value, false) WHEN '>=' THEN coalesce(n[c.key] >= c.value, false) ELSE false END) AND ($after IS NULL OR n.name > $after) WITH n ORDER BY n.name LIMIT $limit RETURN collect(n {.name, .label, .displayName, .properties, .createTime, .updateTime}) AS page } RETURN total, page" },
        { "ListRelationships(Both)", Cypher.ListRelationships(Direction.Both),
            "MATCH (n:LocalVisionNode {name: $name}) CALL (n) { MATCH (n)-[r]-() WHERE $type IS NULL OR type(r) = $type WITH DISTINCT r WITH r, startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name AS key WHERE $after IS NULL OR key > $after WITH r, key ORDER BY key LIMIT $limit RETURN collect({type: type(r), startName: startNode(r).name, endName: endNode(r).name, properties: r.properties, key: key}) AS relationships } RETURN relationships" },
        { "ListRelationships(Outgoing)", Cypher.ListRelationships(Direction.Outgoing),
            "MATCH (n:LocalVisionNode {name: $name}) CALL (n) { MATCH (n)-[r]->() WHERE $type IS NULL OR type(r) = $type WITH DISTINCT r WITH r, startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name AS key WHERE $after IS NULL OR key > $after WITH r, key ORDER BY key LIMIT $limit RETURN collect({type: type(r), startName: startNode(r).name, endName: endNode(r).name, properties: r.properties, key: key}) AS relationships } RETURN relationships" },
        { "ListRelationships(Incoming)", Cypher.ListRelationships(Direction.Incoming),
            "MATCH (n:LocalVisionNode {name: $name}) CALL (n) { MATCH (n)<-[r]-() WHERE $type IS NULL OR type(r) = $type WITH DISTINCT r WITH r, startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name AS key WHERE $after IS NULL OR key > $after WITH r, key ORDER BY key LIMIT $limit RETURN collect({type: type(r), startName: startNode(r).name, endName: endNode(r).name, properties: r.properties, key: key}) AS relationships } RETURN relationships" },
        { "Neighborhood(2)", Cypher.Neighborhood(2),
            "MATCH (s:LocalVisionNode {name: $name}) OPTIONAL MATCH p = ANY SHORTEST (s) (()-[r]-(x:LocalVisionNode) WHERE ($types = [] OR type(r) IN $types) AND ($labels = [] OR x.label IN $labels)){1,2} (m) WHERE m <> s WITH s, m, length(p) AS hops ORDER BY hops, m.name LIMIT $limit RETURN s.name AS start, collect(m.name) AS reached" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_AsGenerated_IsThePinnedText(string operation, string generated, string pinned)
    {
        Assert.True(pinned == generated, $"{operation} changed:\n  pinned    {pinned}\n  generated {generated}");
    }

    [Fact]
    public void Schema_CoversEveryLabel_WithOneUniqueNameConstraintEach()
    {
        var perLabel = Cypher.Schema.Where(s => s.StartsWith("CREATE CONSTRAINT localvision_", StringComparison.Ordinal) && s.EndsWith("REQUIRE n.name IS UNIQUE", StringComparison.Ordinal));

        Assert.Equal(LocalVision.Graph.Schema.Labels.All.Count + 1, perLabel.Count());
        Assert.All(Cypher.Schema, s => Assert.Contains(" IF NOT EXISTS ", s));
    }

    [Theory]
    [InlineData("Partner) DETACH DELETE (n")]
    [InlineData("partner")]
    [InlineData("")]
    public void UpsertNodes_LabelOutsideTheSchema_IsRefusedBeforeAnyTextIsBuilt(string label)
    {
        Assert.Throws<ArgumentException>(() => Cypher.UpsertNodes(label));
        Assert.Throws<ArgumentException>(() => Cypher.ListNodes(label + "x"));
    }

    [Theory]
    [InlineData("PARTNER_IN]->() DETACH DELETE (n")]
    [InlineData("partner_in")]
    public void UpsertRelationships_TypeOutsideTheSchema_IsRefused(string type)
    {
        Assert.Throws<ArgumentException>(() => Cypher.UpsertRelationships(type));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Cypher.MaxDepth + 1)]
    public void Neighborhood_DepthOutOfRange_IsRefused(int depth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cypher.Neighborhood(depth));
    }
}
