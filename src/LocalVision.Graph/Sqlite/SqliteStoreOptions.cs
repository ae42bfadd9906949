namespace LocalVision.Graph.Sqlite;

/// <summary>Settings of the embedded store.</summary>
/// <param name="Durable">Sync the write-ahead log on every commit (survives power loss, not only process death).</param>
/// <param name="CachedNodes">How many parsed nodes to keep for hot reads (0 turns the cache off).</param>
/// <param name="CachedRelationships">How many parsed relationships to keep for hot reads.</param>
/// <param name="Init">Make a new store in an existing empty (0-byte) file, which is otherwise refused as damaged.</param>
/// <param name="FullCheck">Check the whole file at open (<c>integrity_check</c>) instead of SQLite's quicker check.</param>
public sealed record SqliteStoreOptions(
    bool Durable = true, TimeProvider? Clock = null, int CachedNodes = 200_000, int CachedRelationships = 1_000_000, bool Init = false, bool FullCheck = false);
