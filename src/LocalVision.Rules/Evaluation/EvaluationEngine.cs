using System.Collections.Concurrent;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation;

/// <summary>
/// Evaluates initiatives stored in a graph store: what an EvaluationService calls. Evaluations are cached by store
/// version, so asking again costs nothing until something is written, and a write makes every cached evaluation stale at once.
/// </summary>
public sealed class EvaluationEngine(IGraphStore store, InitiativeEvaluator evaluator)
{
    /// <summary>The filter for "every Local Vision project", used when a caller gives none.</summary>
    public const string DefaultFilter = "kind = \"LV_PROJECT\"";

    private const int MaxCachedEvaluations = 100_000;

    private readonly SemaphoreSlim _snapshotGate = new(1, 1);
    private Cache _cache = new(-1);
    private GraphSnapshot? _snapshot;

    public EvaluationEngine(IGraphStore store, EvaluationOptions? options = null)
        : this(store, InitiativeEvaluator.Create(options))
    {
    }

    public EvaluationOptions Options => evaluator.Options;

    /// <summary>The coding catalogue, with which codes the engine can derive and which rules use each.</summary>
    public static IReadOnlyList<CodeDescription> ListCodes(CodeKind? kind = null) => CodeCatalogueView.List(kind);

    /// <summary>Every rule, with the parameter values in force.</summary>
    public IReadOnlyList<RuleDescription> ListRules() => RuleCatalogue.Describe(Options);

    /// <summary>Evaluates one initiative with what was known by <paramref name="asOf"/>.</summary>
    /// <exception cref="GraphValidationException">The name is malformed or names a node that is not an initiative (field <c>name</c>).</exception>
    /// <exception cref="NodeNotFoundException">There is no such initiative.</exception>
    public async Task<Evaluation> EvaluateAsync(string initiative, DateOnly asOf, CancellationToken cancellationToken)
    {
        FactProjection.CheckInitiativeName(initiative);
        var cache = await CurrentCacheAsync(cancellationToken);
        if (cache.Evaluations.TryGetValue((initiative, asOf), out var cached))
        {
            return cached;
        }
        var evaluation = await evaluator.EvaluateAsync(new StoreGraphReader(store), initiative, asOf, cancellationToken);
        cache.Add(initiative, asOf, evaluation);
        return evaluation;
    }

    /// <summary>
    /// Evaluates every initiative the filter matches, in parallel within the machine's cores, from one snapshot of the
    /// store; returned in name order.
    /// </summary>
    public async Task<IReadOnlyList<Evaluation>> EvaluateAllAsync(NodeFilter filter, DateOnly asOf, CancellationToken cancellationToken)
    {
        var cache = await CurrentCacheAsync(cancellationToken);
        var snapshot = await SnapshotAsync(cache.Version, cancellationToken);
        var names = snapshot.NodesWithLabel(Labels.Initiative).Where(filter.Matches).Select(n => n.Name).ToList();
        var missing = names.Where(n => !cache.Evaluations.ContainsKey((n, asOf))).ToList();
        var evaluated = await evaluator.EvaluateManyAsync(snapshot, missing, asOf, cancellationToken);
        foreach (var evaluation in evaluated)
        {
            cache.Add(evaluation.Initiative, asOf, evaluation);
        }
        var byName = evaluated.ToDictionary(e => e.Initiative, StringComparer.Ordinal);
        return names.Select(n => byName.TryGetValue(n, out var e) ? e : cache.Evaluations[(n, asOf)]).ToList();
    }

    private async Task<Cache> CurrentCacheAsync(CancellationToken cancellationToken)
    {
        var version = await store.GetVersionAsync(cancellationToken);
        var cache = Volatile.Read(ref _cache);
        if (cache.Version == version)
        {
            return cache;
        }
        var fresh = new Cache(version);
        // Versions only rise. If another caller swapped in a cache first, use it when it is for this version;
        // otherwise work with a private one this time, and the next caller swaps in the newest.
        Interlocked.CompareExchange(ref _cache, fresh, cache);
        var now = Volatile.Read(ref _cache);
        return now.Version == version ? now : fresh;
    }

    private async Task<GraphSnapshot> SnapshotAsync(long version, CancellationToken cancellationToken)
    {
        await _snapshotGate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is null || _snapshot.Version != version)
            {
                _snapshot = await GraphSnapshot.LoadAsync(store, cancellationToken);
            }
            return _snapshot;
        }
        finally
        {
            _snapshotGate.Release();
        }
    }

    private sealed class Cache(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<(string Initiative, DateOnly AsOf), Evaluation> Evaluations { get; } = new();

        public void Add(string initiative, DateOnly asOf, Evaluation evaluation)
        {
            if (Evaluations.Count < MaxCachedEvaluations)
            {
                Evaluations.TryAdd((initiative, asOf), evaluation);
            }
        }
    }
}
