using LocalVision.Graph.Store;

namespace LocalVision.Graph.Network;

/// <summary>
/// Projections of one store, built once per spec and brought up to date when the store's version moves on, so a
/// reader never sees a projection older than the last write it could have seen. A stale projection is patched from
/// the store's log of changes (<see cref="IGraphStore.GetChangesSinceAsync"/>) when it can be: kept as it is when
/// no change touches it, given new relationship arrays when only ties among its nodes changed, and built afresh
/// otherwise (or when the store cannot say what changed). Concurrent requests for the same spec share one build or
/// patch, which runs on the thread pool: a caller that stops waiting (its deadline or budget ended) leaves it running
/// for the next caller. The cache holds at most <see cref="CapacityBytes"/> of projections, dropping the least
/// recently used first.
/// </summary>
public sealed class ProjectionCache : IDisposable
{
    private readonly IGraphStore _store;
    private readonly Dictionary<ProjectionSpec, Entry> _entries = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _lifetime = new();
    private long _builds;
    private long _patches;
    private long _uses;

    /// <param name="capacityBytes">The most the cached projections may hold; 0 or less means <see cref="DefaultCapacityBytes"/>.</param>
    public ProjectionCache(IGraphStore store, long capacityBytes = 0)
    {
        _store = store;
        CapacityBytes = capacityBytes > 0 ? capacityBytes : DefaultCapacityBytes;
    }

    /// <summary>A quarter of the memory the runtime may use on this machine (or container).</summary>
    public static long DefaultCapacityBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;

    public long CapacityBytes { get; }

    /// <summary>How many projections have been built by reading the store since creation.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>How many stale projections have been brought up to date from the store's changes, without reading it.</summary>
    public long Patches => Interlocked.Read(ref _patches);

    /// <summary>How many projections have been asked for since creation; those that started neither a build nor a patch are hits.</summary>
    public long Requests
    {
        get
        {
            lock (_gate)
            {
                return _uses;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The estimated size of the built projections held now.</summary>
    public long SizeBytes
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Sum(e => e.Bytes);
            }
        }
    }

    /// <summary>The projection for a spec at the store's current version, built if needed.</summary>
    /// <exception cref="ProjectionStillBuildingException">The caller's token fired while the shared build went on.</exception>
    public async Task<NetworkProjection> GetAsync(ProjectionSpec spec, CancellationToken cancellationToken)
    {
        spec = spec.Normalize();
        var version = await _store.GetVersionAsync(cancellationToken);
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(spec, out var cached) || cached.Version < version)
            {
                // A stale projection (built, or still building for the callers already waiting on it) is the basis of
                // the next; nobody new is handed it.
                var basis = cached?.Build;
                var token = _lifetime.Token;
                var created = new Entry(Task.Run(() => RefreshAsync(basis, spec, token), token), version);
                _entries[spec] = created;
                // Counted when the build ends, whoever is waiting: a build whose callers all gave up (their budgets
                // ended) used to stay at 0 bytes, outside the bound and the stats, and at national scale those were
                // most of the memory the cache held.
                _ = created.Build.ContinueWith(done => Trim(created, done.Result), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                cached = created;
            }
            entry = cached;
            entry.LastUse = ++_uses;
        }
        NetworkProjection projection;
        try
        {
            projection = await entry.Build.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && !entry.Build.IsCompleted)
        {
            throw new ProjectionStillBuildingException(e, cancellationToken);
        }
        catch (Exception) when (entry.Build.IsFaulted || entry.Build.IsCanceled)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(spec, out var current) && current == entry)
                {
                    _entries.Remove(spec);
                }
            }
            throw;
        }
        Trim(entry, projection);
        return projection;
    }

    /// <summary>The stale projection patched with the store's changes since it was read, or a fresh build where that cannot be done.</summary>
    private async Task<NetworkProjection> RefreshAsync(Task<NetworkProjection>? basis, ProjectionSpec spec, CancellationToken cancellationToken)
    {
        if (basis is not null)
        {
            // A failed or cancelled basis is no basis: its own callers saw the failure, this one builds afresh.
            await ((Task)basis).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        if (basis is { IsCompletedSuccessfully: true }
            && await _store.GetChangesSinceAsync(basis.Result.Version, cancellationToken) is { } changes
            && ProjectionPatch.Apply(basis.Result, spec, changes) is { } patched)
        {
            Interlocked.Increment(ref _patches);
            return patched.Prepared();
        }
        Interlocked.Increment(ref _builds);
        return (await NetworkProjection.BuildAsync(_store, spec, cancellationToken)).Prepared();
    }

    /// <summary>Forgets every projection.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Stops the builds under way.</summary>
    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    /// <summary>
    /// Counts a finished build (when it ends, and again when it is handed out) and drops the least recently used
    /// others until the cache fits again.
    /// </summary>
    private void Trim(Entry entry, NetworkProjection projection)
    {
        lock (_gate)
        {
            entry.Bytes = projection.EstimatedBytes;
            var total = _entries.Values.Sum(e => e.Bytes);
            // The projection just handed out stays even when it alone is over the bound: the caller is using it.
            foreach (var (spec, old) in _entries.Where(kv => kv.Value != entry && kv.Value.Bytes > 0).OrderBy(kv => kv.Value.LastUse).ToList())
            {
                if (total <= CapacityBytes)
                {
                    break;
                }
                _entries.Remove(spec);
                total -= old.Bytes;
            }
        }
    }

    /// <param name="version">The store version the projection is valid at (at least).</param>
    private sealed class Entry(Task<NetworkProjection> build, long version)
    {
        public Task<NetworkProjection> Build { get; } = build;

        public long Version { get; } = version;

        public long LastUse { get; set; }

        /// <summary>The projection's size once built; 0 while building.</summary>
        public long Bytes { get; set; }
    }
}

/// <summary>
/// A caller stopped waiting for a projection that is still being built; the build goes on, and a later call for the
/// same network finds it ready.
/// </summary>
public sealed class ProjectionStillBuildingException(OperationCanceledException inner, CancellationToken token)
    : OperationCanceledException("the projection for this network is still being built; the build continues and a later call will use it", inner, token);
