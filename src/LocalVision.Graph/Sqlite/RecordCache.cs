using System.Collections.Concurrent;

namespace LocalVision.Graph.Sqlite;

/// <summary>
/// Records as last read from disk, so hot reads (neighbourhoods, GetNode) skip SQLite and JSON parsing.
/// Entries are shared between callers and must not be mutated. A read may only fill the cache if nothing was
/// evicted since the read began; that check and every eviction happen under one lock, so a stale record can
/// never be cached after the write that replaced it.
/// </summary>
internal sealed class RecordCache<TKey, TRecord>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TRecord> _records = new(comparer);
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>The records for the keys, in key order, reading the ones not cached; keys that <paramref name="read"/> does not find are left out.</summary>
    public async Task<List<TRecord>> GetAsync(IReadOnlyCollection<TKey> keys, Func<List<TKey>, Task<List<(TKey Key, TRecord Record)>>> read)
    {
        var found = new Dictionary<TKey, TRecord>(keys.Count, comparer);
        var missing = new List<TKey>();
        foreach (var key in keys)
        {
            if (_records.TryGetValue(key, out var cached))
            {
                found[key] = cached;
            }
            else
            {
                missing.Add(key);
            }
        }
        if (missing.Count > 0)
        {
            var generation = Interlocked.Read(ref _generation);
            var fresh = await read(missing);
            Fill(fresh, generation);
            foreach (var (key, record) in fresh)
            {
                found[key] = record;
            }
        }
        return keys.Where(found.ContainsKey).Select(k => found[k]).ToList();
    }

    /// <summary>Called after a commit with the keys it changed.</summary>
    public void Evict(IEnumerable<TKey> keys)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var key in keys)
            {
                _records.TryRemove(key, out _);
            }
        }
    }

    private void Fill(List<(TKey Key, TRecord Record)> records, long generationAtRead)
    {
        lock (_gate)
        {
            if (_generation != generationAtRead || capacity == 0)
            {
                return;
            }
            if (_records.Count + records.Count > capacity)
            {
                _records.Clear();
            }
            foreach (var (key, record) in records)
            {
                _records[key] = record;
            }
        }
    }
}
