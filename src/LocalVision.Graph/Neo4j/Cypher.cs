using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Graph.Neo4j;

/// <summary>
/// Every Cypher statement the Neo4j store sends, in one place so tests can pin them. Values always travel as
/// parameters; the only text ever put into a statement is a label or relationship type that
/// <see cref="GraphSchema"/> knows (checked here, whatever the caller checked), a direction, or a validated hop count.
/// </summary>
/// <remarks>
/// Layout in the database: every graph node is <c>(:LocalVisionNode:&lt;Label&gt; {name, label, displayName,
/// properties, createTime, updateTime, `prop.*`})</c>. <c>properties</c> is the node's JSON text (Neo4j cannot
/// store nested maps); the scalar leaves reachable through objects are copied as <c>`prop.a.b`</c> so filters run
/// in Cypher. Relationships carry their JSON text in <c>properties</c>. <c>(:LocalVisionMeta {id: 'graph', version})</c>
/// counts writes; <c>(:LocalVisionRequest {id, result, createTime, owner, fingerprint})</c> remembers request ids.
/// </remarks>
internal static class Cypher
{
    public const string NodeLabel = "LocalVisionNode";
    public const string MetaLabel = "LocalVisionMeta";
    public const string RequestLabel = "LocalVisionRequest";

    /// <summary>The prefix of the copied scalar properties that filters compare.</summary>
    public const string CopiedPropertyPrefix = "prop.";

    private const string NodeMap = "n {.name, .label, .displayName, .properties, .createTime, .updateTime}";

    /// <summary>Uniqueness constraints and indexes, each idempotent; run one by one at start-up.</summary>
    public static IReadOnlyList<string> Schema { get; } =
    [
        $"CREATE CONSTRAINT localvision_node_name IF NOT EXISTS FOR (n:{NodeLabel}) REQUIRE n.name IS UNIQUE",
        .. Labels.All.Order(StringComparer.Ordinal).Select(label =>
            $"CREATE CONSTRAINT localvision_{label.ToLowerInvariant()}_name IF NOT EXISTS FOR (n:{label}) REQUIRE n.name IS UNIQUE"),
        $"CREATE CONSTRAINT localvision_meta_id IF NOT EXISTS FOR (m:{MetaLabel}) REQUIRE m.id IS UNIQUE",
        $"CREATE CONSTRAINT localvision_request_id IF NOT EXISTS FOR (q:{RequestLabel}) REQUIRE q.id IS UNIQUE",
        $"CREATE INDEX localvision_node_label IF NOT EXISTS FOR (n:{NodeLabel}) ON (n.label)",
    ];

    /// <summary>The name a schema statement gives its constraint or index.</summary>
    public static string SchemaName(string statement) => statement.Split(' ')[2];

    public const string ShowConstraints = "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names";

    public const string ShowIndexes = "SHOW INDEXES YIELD name RETURN collect(name) AS names";

    public const string EnsureMeta =
        $"MERGE (m:{MetaLabel} {{id: 'graph'}}) ON CREATE SET m.version = 0 RETURN m.version AS version";

    /// <summary>
    /// The first statement of every write transaction: it takes the write lock on the version stamp, so writes
    /// through any replica are serialised (as the embedded store serialises its own) and deadlock-free.
    /// </summary>
    public const string BumpVersion =
        $"MERGE (m:{MetaLabel} {{id: 'graph'}}) ON CREATE SET m.version = 0 SET m.version = m.version + 1 RETURN m.version AS version";

    public const string ReadVersion =
        $"OPTIONAL MATCH (m:{MetaLabel} {{id: 'graph'}}) RETURN coalesce(m.version, 0) AS version";

    public const string FindRequest =
        $"MATCH (q:{RequestLabel} {{id: $id}}) RETURN q.result AS result, q.owner AS owner, q.fingerprint AS fingerprint";

    public const string RememberRequest =
        $"CREATE (q:{RequestLabel} {{id: $id, result: $result, createTime: $now, owner: $owner, fingerprint: $fingerprint}})";

    /// <summary>Of the given names, those that no node has.</summary>
    public const string MissingNodes =
        $"UNWIND $names AS name OPTIONAL MATCH (n:{NodeLabel} {{name: name}}) WITH name, n WHERE n IS NULL RETURN collect(name) AS missing";

    public const string GetNodes =
        $"UNWIND $names AS name MATCH (n:{NodeLabel} {{name: name}}) RETURN {NodeMap} AS node";

    public const string CountRelationshipsOfNode =
        $"MATCH (n:{NodeLabel} {{name: $name}}) OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT r) AS relationships";

    public const string DeleteNode =
        $"MATCH (n:{NodeLabel} {{name: $name}}) DETACH DELETE n";

    public const string Count =
        $"CALL () {{ MATCH (n:{NodeLabel}) WITH n.label AS label, count(*) AS nodes RETURN collect({{label: label, nodes: nodes}}) AS byLabel }} "
        + $"CALL () {{ MATCH (:{NodeLabel})-[r]->() WITH type(r) AS type, count(*) AS relationships RETURN collect({{type: type, relationships: relationships}}) AS byType }} "
        + "RETURN byLabel, byType";

    public const string ReadNodes =
        $"MATCH (n:{NodeLabel}) WHERE ($labels = [] OR n.label IN $labels) AND n.name > $after "
        + $"RETURN {NodeMap} AS node ORDER BY n.name LIMIT $limit";

    /// <summary>The relationships with the given (type, start, end) keys.</summary>
    public const string RelationshipsByKey =
        $"UNWIND $keys AS k MATCH (a:{NodeLabel} {{name: k.start}})-[r]->(b:{NodeLabel} {{name: k.end}}) WHERE type(r) = k.type "
        + "RETURN type(r) AS type, a.name AS startName, b.name AS endName, r.properties AS properties";

    /// <summary>
    /// A page of the whole-graph relationship read: the next start nodes after <c>$after</c> in name order (walked on
    /// the name index), each with every relationship it starts. Paging by node keeps each page's cost to its own rows;
    /// ordering every relationship by a computed key sorted them all again for each page.
    /// </summary>
    public const string ReadRelationships =
        $"MATCH (a:{NodeLabel}) WHERE a.name > $after AND ($labels = [] OR a.label IN $labels) WITH a ORDER BY a.name LIMIT $limit "
        + $"OPTIONAL MATCH (a)-[r]->(b:{NodeLabel}) WHERE $labels = [] OR b.label IN $labels "
        + "RETURN a.name AS startName, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), endName: b.name, properties: r.properties} END) AS relationships "
        + "ORDER BY startName";

    /// <summary>The relationships among a set of nodes, optionally of some types, in (start, type, end) order.</summary>
    public const string RelationshipsAmong =
        $"MATCH (a:{NodeLabel})-[r]->(b:{NodeLabel}) WHERE a.name IN $names AND b.name IN $names AND ($types = [] OR type(r) IN $types) "
        + "RETURN type(r) AS type, a.name AS startName, b.name AS endName, r.properties AS properties ORDER BY startName, type, endName LIMIT $limit";

    /// <summary>Creates or replaces nodes of one label, keeping each existing node's create time.</summary>
    public static string UpsertNodes(string label) =>
        $"UNWIND $rows AS row MERGE (n:{NodeLabel} {{name: row.name}}) ON CREATE SET n.createTime = $now "
        + "WITH n, row, n.createTime AS createTime SET n = row.fields "
        + $"SET n:{KnownLabel(label)}, n.createTime = createTime, n.updateTime = $now "
        + "RETURN n.name AS name, n.createTime AS createTime";

    /// <summary>Creates or replaces relationships of one type; a row whose ends are missing writes nothing and is not counted.</summary>
    public static string UpsertRelationships(string type) =>
        $"UNWIND $rows AS row MATCH (a:{NodeLabel} {{name: row.start}}) MATCH (b:{NodeLabel} {{name: row.end}}) "
        + $"MERGE (a)-[r:{KnownType(type)}]->(b) SET r.properties = row.properties RETURN count(r) AS written";

    /// <summary>Whether a node of the label has a copied scalar under the key (<c>prop.</c> and the filter path).</summary>
    public static string AnyNodeHasProperty(string label) =>
        $"RETURN EXISTS {{ MATCH (n:{NodeLabel}:{KnownLabel(label)}) WHERE n[$key] IS NOT NULL }} AS found";

    /// <summary>
    /// One page of nodes, all or of one label, passing a filter, with the total that pass. Each filter clause is a
    /// parameter map <c>{key, op, value}</c>; the comparison follows Cypher, where values of different types are
    /// never equal and never ordered, and a missing property only passes <c>!=</c> — as <see cref="Store.NodeFilter"/> reads it.
    /// </summary>
    public static string ListNodes(string? label)
    {
        var pattern = string.IsNullOrEmpty(label) ? $"(n:{NodeLabel})" : $"(n:{NodeLabel}:{KnownLabel(label)})";
        const string passes = "all(c IN $filter WHERE CASE c.op "
            + "WHEN '=' THEN coalesce(n[c.key] = c.value, false) "
            + "WHEN '<>' THEN NOT coalesce(n[c.key] = c.value, false) "
            + "WHEN '<' THEN coalesce(n[c.key] < c.value, false) "
            + "WHEN '<=' THEN coalesce(n[c.key] <= c.value, false) "
            + "WHEN '>' THEN coalesce(n[c.key] > c.value, false) "
            + "WHEN '>=' THEN coalesce(n[c.key] >= c.value, false) "
            + "ELSE false END)";
        return $"MATCH {pattern} WHERE {passes} WITH count(n) AS total "
            + $"CALL () {{ MATCH {pattern} WHERE {passes} AND ($after IS NULL OR n.name > $after) "
            + $"WITH n ORDER BY n.name LIMIT $limit RETURN collect({NodeMap}) AS page }} "
            + "RETURN total, page";
    }

    /// <summary>
    /// One page of a node's relationships in (start, type, end) order; no row at all when the node does not exist.
    /// </summary>
    public static string ListRelationships(Direction direction)
    {
        var pattern = direction switch
        {
            Direction.Outgoing => "(n)-[r]->()",
            Direction.Incoming => "(n)<-[r]-()",
            _ => "(n)-[r]-()",
        };
        return $"MATCH (n:{NodeLabel} {{name: $name}}) CALL (n) {{ MATCH {pattern} WHERE $type IS NULL OR type(r) = $type "
            + "WITH DISTINCT r WITH r, startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name AS key "
            + "WHERE $after IS NULL OR key > $after WITH r, key ORDER BY key LIMIT $limit "
            + "RETURN collect({type: type(r), startName: startNode(r).name, endName: endNode(r).name, properties: r.properties, key: key}) AS relationships } "
            + "RETURN relationships";
    }

    /// <summary>
    /// The nodes within <paramref name="depth"/> hops of a start node, nearest first then by name, each reached by a
    /// shortest path over the allowed relationship types whose every node after the start has an allowed label (so
    /// an excluded node is neither returned nor passed through). No row when the start node does not exist.
    /// </summary>
    public static string Neighborhood(int depth)
    {
        if (depth is < 1 or > MaxDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"a neighbourhood spans 1 to {MaxDepth} hops");
        }
        return $"MATCH (s:{NodeLabel} {{name: $name}}) "
            + $"OPTIONAL MATCH p = ANY SHORTEST (s) (()-[r]-(x:{NodeLabel}) WHERE ($types = [] OR type(r) IN $types) AND ($labels = [] OR x.label IN $labels)){{1,{depth}}} (m) "
            + "WHERE m <> s WITH s, m, length(p) AS hops ORDER BY hops, m.name LIMIT $limit "
            + "RETURN s.name AS start, collect(m.name) AS reached";
    }

    /// <summary>The deepest neighbourhood a statement is generated for; the server's own limit is lower.</summary>
    public const int MaxDepth = 32;

    private static string KnownLabel(string label) =>
        Labels.IsKnown(label) ? label : throw new ArgumentException($"`{label}` is not a label of the schema", nameof(label));

    private static string KnownType(string type) =>
        GraphSchema.IsKnownRelationshipType(type) ? type : throw new ArgumentException($"`{type}` is not a relationship type of the schema", nameof(type));
}
