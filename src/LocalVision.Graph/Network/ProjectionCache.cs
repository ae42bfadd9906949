using System.Collections.Concurrent;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Network;

/// <summary>
/// Projections of one store, built once per spec and dropped as soon as the store's version moves on, so a
/// reader never sees a projection older than the last write it could have seen. Concurrent requests for the
/// same spec share one build.
/// </summary>
public sealed class ProjectionCache(IGraphStore store, int capacity = 32)
{
    private readonly ConcurrentDictionary<ProjectionSpec, Lazy<Task<NetworkProjection>>> _entries = new();
    private readonly Lock _gate = new();
    private long _version = long.MinValue;
    private long _builds;

    /// <summary>How many projections have been built (not served from the cache) since creation.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    public int Count => _entries.Count;

    /// <summary>The projection for a spec at the store's current version, built if needed.</summary>
    public async Task<NetworkProjection> GetAsync(ProjectionSpec spec, CancellationToken cancellationToken)
    {
        spec = spec.Normalize();
        var version = await store.GetVersionAsync(cancellationToken);
        lock (_gate)
        {
            if (version != _version)
            {
                _entries.Clear();
                _version = version;
            }
            if (_entries.Count >= capacity && !_entries.ContainsKey(spec))
            {
                // Specs are few in practice (the RPCs' label and type choices); starting afresh keeps this simple and bounded.
                _entries.Clear();
            }
        }
        var entry = _entries.GetOrAdd(spec, s => new Lazy<Task<NetworkProjection>>(() => BuildAsync(s)));
        try
        {
            // A shared build runs to completion even if this caller gives up; only the wait is cancelled.
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _entries.TryRemove(new KeyValuePair<ProjectionSpec, Lazy<Task<NetworkProjection>>>(spec, entry));
            throw;
        }
    }

    /// <summary>Forgets every projection.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private Task<NetworkProjection> BuildAsync(ProjectionSpec spec)
    {
        Interlocked.Increment(ref _builds);
        return NetworkProjection.BuildAsync(store, spec, CancellationToken.None);
    }
}
