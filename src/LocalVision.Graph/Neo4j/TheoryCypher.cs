namespace LocalVision.Graph.Neo4j;

/// <summary>
/// The programme theory's history on Neo4j: one <c>(:LocalVisionTheory {version, text, note, author, createTime})</c>
/// node per version, in the graph's database but without the graph's label, so no graph statement sees it. Appends
/// run in the graph's write transaction, which first bumps the meta node's version, so they are serialised and every
/// cache keyed by the store's version is stale after one.
/// </summary>
internal static class TheoryCypher
{
    public const string Label = "LocalVisionTheory";

    private const string Fields = "t.version AS version, t.text AS text, t.note AS note, t.author AS author, t.createTime AS createTime";

    public const string ListVersions = $"MATCH (t:{Label}) RETURN {Fields} ORDER BY t.version";

    public const string CurrentVersion = $"MATCH (t:{Label}) RETURN {Fields} ORDER BY t.version DESC LIMIT 1";

    public const string GetVersion = $"MATCH (t:{Label} {{version: $version}}) RETURN {Fields}";

    public const string AppendVersion =
        $"CREATE (t:{Label} {{version: $version, text: $text, note: $note, author: $author, createTime: $createTime}})";
}
