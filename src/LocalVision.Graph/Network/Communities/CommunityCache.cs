namespace LocalVision.Graph.Network;

/// <summary>
/// The community list last detected for each projection spec and algorithm, so that the pages of one answer come from
/// one detection rather than one each. An entry serves while the projection's content version is the one it was
/// detected on and is replaced when the network changed. At most <see cref="Capacity"/> lists are kept, the least
/// recently used dropped first; each is two int arrays about the size of its network. Louvain and label propagation
/// are seeded, so a list detected again after it was dropped is the same list.
/// </summary>
public sealed class CommunityCache(int capacity = CommunityCache.DefaultCapacity)
{
    public const int DefaultCapacity = 8;

    private readonly Dictionary<(ProjectionSpec Spec, CommunityAlgorithm Algorithm), Entry> _entries = [];
    private readonly Lock _gate = new();
    private long _uses;
    private long _requests;
    private long _detections;

    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>How many times a list was detected rather than found here.</summary>
    public long Detections => Interlocked.Read(ref _detections);

    /// <summary>How many lists were asked for, found here or detected.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The lists held now and their size in memory (<see cref="CommunityList.SizeBytes"/>, summed), read together.</summary>
    public (int Lists, long Bytes) Held()
    {
        lock (_gate)
        {
            return (_entries.Count, _entries.Values.Sum(e => e.List.SizeBytes));
        }
    }

    /// <summary>
    /// The communities of <paramref name="projection"/> (the projection of <paramref name="spec"/>), detected unless the
    /// list for the same spec, algorithm and content version is held. Two callers that miss at once both detect; the
    /// answers are equal. A projection built in memory (content version -1) is never cached.
    /// </summary>
    public CommunityList Get(ProjectionSpec spec, NetworkProjection projection, CommunityAlgorithm algorithm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(projection);
        var key = (spec.Normalize(), algorithm);
        var version = projection.ContentVersion;
        Interlocked.Increment(ref _requests);
        lock (_gate)
        {
            if (version >= 0 && _entries.TryGetValue(key, out var held) && held.ContentVersion == version)
            {
                held.LastUse = ++_uses;
                return held.List;
            }
        }
        Interlocked.Increment(ref _detections);
        var list = CommunityList.Of(projection, Communities.Detect(projection, algorithm, cancellationToken: cancellationToken), cancellationToken);
        if (version < 0)
        {
            return list;
        }
        lock (_gate)
        {
            _entries[key] = new Entry(list, version) { LastUse = ++_uses };
            while (_entries.Count > Capacity)
            {
                _entries.Remove(_entries.MinBy(kv => kv.Value.LastUse).Key);
            }
        }
        return list;
    }

    private sealed class Entry(CommunityList list, long contentVersion)
    {
        public CommunityList List { get; } = list;

        public long ContentVersion { get; } = contentVersion;

        public long LastUse { get; set; }
    }
}
