using LocalVision.Graph.Model;

namespace LocalVision.Graph.Store;

/// <summary>A store that can copy itself to a file while it serves, and take its contents back from such a copy.</summary>
public interface IStoreBackup
{
    /// <summary>Writes a consistent snapshot to a new file without stopping writers, then checks the copy's integrity.</summary>
    /// <exception cref="GraphStoreUnavailableException">The copy could not be written (disk full, unwritable folder) or failed its check; no file is left.</exception>
    Task<BackupInfo> BackupAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a backup, then replaces the store's contents with it in one step: readers see the old contents or the
    /// new, never a mixture. The store's version still rises, so caches notice.
    /// </summary>
    /// <exception cref="GraphStoreUnavailableException">The backup is corrupt, not a store, or from a newer version; the store is unchanged.</exception>
    Task<GraphCounts> RestoreAsync(string path, CancellationToken cancellationToken);
}

/// <summary>A checked backup file.</summary>
public sealed record BackupInfo(string Path, long SizeBytes, GraphCounts Counts);
