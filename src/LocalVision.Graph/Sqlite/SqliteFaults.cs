using LocalVision.Graph.Store;
using Microsoft.Data.Sqlite;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// What went wrong with the file, in the store's words: SQLite's result codes become a <see cref="StoreFault"/> and a
/// sentence an operator can act on, so no caller sees an errno.
/// </summary>
internal static class SqliteFaults
{
    // https://sqlite.org/rescode.html (primary result codes)
    private const int Busy = 5, Locked = 6, ReadOnly = 8, Corrupt = 11, Full = 13, CantOpen = 14, NotADatabase = 26;

    /// <summary>Whether the code says the file is damaged or not a database at all.</summary>
    public static bool IsDamage(SqliteException e) => e.SqliteErrorCode is Corrupt or NotADatabase;

    /// <summary>The fault of the store (or backup) at <paramref name="path"/> that <paramref name="e"/> reports.</summary>
    public static GraphStoreUnavailableException Translate(SqliteException e, string path) => e.SqliteErrorCode switch
    {
        Full => new(StoreFault.DiskFull, $"the disk holding {path} is full; nothing of this request was written", e),
        ReadOnly => new(StoreFault.ReadOnly, $"the store {path} is read-only; check the file's and folder's permissions", e),
        Corrupt or NotADatabase => new(StoreFault.Corrupt, $"the store {path} is corrupt or not a LocalVision store; restore it from a backup or move it aside", e),
        Busy or Locked => new(StoreFault.InUse, $"the store {path} is locked by another process", e),
        CantOpen => new(StoreFault.Unreachable, $"the store {path} cannot be opened: {e.Message}", e),
        _ => new(StoreFault.Unreachable, $"the store {path} failed: {e.Message}", e),
    };

    /// <summary>An open that failed for any reason, as the store's fault (a fault already in the store's words passes unchanged).</summary>
    public static GraphStoreUnavailableException AtOpen(Exception e, string path) => e switch
    {
        SqliteException sqlite => Translate(sqlite, path),
        GraphStoreUnavailableException unavailable => unavailable,
        _ => new GraphStoreUnavailableException(StoreFault.Rejected, $"the store {path} cannot be used: {e.Message}", e),
    };

    /// <summary>The empty-file refusal: a store is never 0 bytes, so the file was truncated or replaced.</summary>
    public static GraphStoreUnavailableException EmptyFile(string path) => new(StoreFault.Corrupt,
        $"the store {path} is an empty file (0 bytes), which a store never is: it was truncated or replaced; "
        + $"{StoreIntegrity.RestoreAdvice}, or start with --init to make a new, empty store in it");
}
