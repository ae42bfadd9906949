namespace LocalVision.Server.Access;

/// <summary>
/// The Cypher of dashboard sessions in the graph's Neo4j database, beside <see cref="AccessCypher"/>'s keys:
/// <c>(:LocalVisionSession {id, keyId, createTime, expireTime})</c>, where <c>id</c> is the SHA-256 of the session's
/// secret. Like the keys, sessions lack the graph's <c>LocalVisionNode</c> label, so the graph never sees them.
/// </summary>
public static class SessionCypher
{
    public const string Label = "LocalVisionSession";

    public static IReadOnlyList<string> Schema { get; } =
    [
        $"CREATE CONSTRAINT localvision_session_id IF NOT EXISTS FOR (s:{Label}) REQUIRE s.id IS UNIQUE",
    ];

    /// <summary>Deletes the expired sessions and opens a new one, in one transaction.</summary>
    public const string CreateSession =
        $"OPTIONAL MATCH (old:{Label}) WHERE old.expireTime <= $now DELETE old "
        + $"WITH count(*) AS purged CREATE (s:{Label} {{id: $id, keyId: $keyId, createTime: $now, expireTime: $expireTime}})";

    public const string FindSession =
        $"MATCH (s:{Label} {{id: $id}}) RETURN s {{.id, .keyId, .createTime, .expireTime}} AS session";

    public const string EndSession =
        $"MATCH (s:{Label} {{id: $id}}) DELETE s";
}
