using LocalVision.Graph.Store;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// The one process that may use an embedded store: an exclusive OS lock on the database file itself, held while the
/// store is open. The lock is on the file, not on a name for it, so a symlink, a hard link or a relative path to a
/// store another process holds is refused the same way. (.NET takes it with <c>flock</c> on Unix, which SQLite's own
/// <c>fcntl</c> locks neither see nor release.)
/// </summary>
internal static class StoreOwnership
{
    // On Unix an IOException's HResult is the errno: EROFS and ENOSPC must not read as "in use by another process".
    private const int ReadOnlyFileSystemErrno = 30;
    private const int NoSpaceErrno = 28;

    /// <summary>Whether the store file exists and holds nothing: a new store with <c>--init</c>, else a damaged one.</summary>
    public static bool IsEmptyFile(string path) => File.Exists(path) && new FileInfo(path).Length == 0;

    /// <summary>Takes the store file (creating it when missing); dispose the stream to let it go.</summary>
    /// <exception cref="GraphStoreUnavailableException">Another process holds it, or it cannot be created or written.</exception>
    public static FileStream Take(string path)
    {
        var file = Describe(path);
        try
        {
            // Exclusive and refused at once, never waited for; released when the stream is closed or the process dies.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.HResult == ReadOnlyFileSystemErrno)
        {
            throw new GraphStoreUnavailableException(StoreFault.ReadOnly,
                $"the store {file} is on a read-only file system; remount it read-write or choose another --store path", e);
        }
        catch (IOException e) when (e.HResult == NoSpaceErrno)
        {
            throw new GraphStoreUnavailableException(StoreFault.DiskFull, $"the disk holding the store {file} is full; free some space and start again", e);
        }
        catch (IOException e)
        {
            throw new GraphStoreUnavailableException(StoreFault.InUse,
                $"the store {file} is in use by another LocalVision process (the lock is on the file, whatever path names it); "
                + "stop that process or choose another --store path", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new GraphStoreUnavailableException(StoreFault.ReadOnly,
                $"the store {file} cannot be written: {e.Message}; check the file's and folder's permissions", e);
        }
    }

    /// <summary>The path as given and, when links lead elsewhere, the file it is.</summary>
    private static string Describe(string path)
    {
        try
        {
            var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
            return target is null || target == path ? path : $"{path} (the file {target})";
        }
        catch (IOException)
        {
            return path;
        }
    }
}
