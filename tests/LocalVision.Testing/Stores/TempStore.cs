using LocalVision.Graph.Sqlite;

namespace LocalVision.Testing.Stores;

/// <summary>A SQLite store in a fresh temporary folder, deleted on dispose.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private TempStore(string folder, SqliteGraphStore store)
    {
        Folder = folder;
        Store = store;
    }

    public string Folder { get; }

    public SqliteGraphStore Store { get; }

    public string Path => Store.Location;

    public static TempStore Create()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "localvision-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TempStore(folder, SqliteGraphStore.Open(System.IO.Path.Combine(folder, "graph.db"), new SqliteStoreOptions(Durable: false)));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over it.
        }
    }
}
