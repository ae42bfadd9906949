using System.Collections.Concurrent;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Rules.Evaluation.Theory;
using LocalVision.Rules.Evaluation.Theory.Report;

namespace LocalVision.Rules.Evaluation;

/// <summary>
/// Evaluates initiatives stored in a graph store under a version of the programme theory (the current one unless
/// named): what an EvaluationService calls. Evaluations are cached by store version, so asking again costs nothing until
/// something is written, and a write, or a change of the theory, makes every cached evaluation stale at once.
/// </summary>
public sealed class EvaluationEngine(IGraphStore store, InitiativeEvaluator evaluator)
{
    /// <summary>The filter for "every Local Vision project", used when a caller gives none.</summary>
    public const string DefaultFilter = "kind = \"LV_PROJECT\"";

    private const int MaxCachedEvaluations = 100_000;

    private readonly SemaphoreSlim _snapshotGate = new(1, 1);
    private readonly ConcurrentDictionary<CompiledTheory, InitiativeEvaluator> _evaluators = new();
    private Cache _cache = new(-1);
    private GraphSnapshot? _snapshot;

    public EvaluationEngine(IGraphStore store, EvaluationOptions? options = null)
        : this(store, InitiativeEvaluator.Create(options))
    {
    }

    public EvaluationOptions Options => evaluator.Options;

    /// <summary>The versions of the programme theory the store keeps.</summary>
    public ProgrammeTheories Theories { get; } = new(store);

    /// <summary>The coding catalogue, with which codes the engine can derive and which rules use each.</summary>
    public static IReadOnlyList<CodeDescription> ListCodes(CodeKind? kind = null) => CodeCatalogueView.List(kind);

    /// <summary>Every rule of a theory version (the current one when null), with the parameter values in force.</summary>
    /// <exception cref="TheoryVersionNotFoundException">There is no such version.</exception>
    public async Task<IReadOnlyList<RuleDescription>> ListRulesAsync(string? theoryVersion, CancellationToken cancellationToken) =>
        RuleCatalogue.Describe((await Theories.GetAsync(theoryVersion, cancellationToken)).Rules, Options);

    /// <summary>Evaluates one initiative with what was known by <paramref name="asOf"/>, without illustrative data.</summary>
    /// <exception cref="GraphValidationException">The name is malformed or names a node that is not an initiative (field <c>name</c>).</exception>
    /// <exception cref="NodeNotFoundException">There is no such initiative.</exception>
    public Task<Evaluation> EvaluateAsync(string initiative, DateOnly asOf, CancellationToken cancellationToken) =>
        EvaluateAsync(initiative, new EvidenceScope(asOf), null, cancellationToken);

    /// <summary>Evaluates one initiative with what the scope allows, under a theory version (the current one when null).</summary>
    /// <exception cref="GraphValidationException">The name is malformed or names a node that is not an initiative (field <c>name</c>).</exception>
    /// <exception cref="NodeNotFoundException">There is no such initiative.</exception>
    /// <exception cref="TheoryVersionNotFoundException">There is no such theory version.</exception>
    public async Task<Evaluation> EvaluateAsync(string initiative, EvidenceScope scope, string? theoryVersion, CancellationToken cancellationToken)
    {
        FactProjection.CheckInitiativeName(initiative);
        var cache = await CurrentCacheAsync(cancellationToken);
        var under = await EvaluatorAsync(theoryVersion, cancellationToken);
        if (cache.Evaluations.TryGetValue((initiative, scope, under.Theory.Version), out var cached))
        {
            return cached;
        }
        var evaluation = await under.EvaluateAsync(new StoreGraphReader(store), initiative, scope, cancellationToken);
        cache.Add(initiative, scope, evaluation);
        return evaluation;
    }

    /// <summary>Evaluates every initiative the filter matches as of a date, without illustrative data.</summary>
    public Task<IReadOnlyList<Evaluation>> EvaluateAllAsync(NodeFilter filter, DateOnly asOf, CancellationToken cancellationToken) =>
        EvaluateAllAsync(filter, new EvidenceScope(asOf), null, cancellationToken);

    /// <summary>
    /// Evaluates every initiative the filter matches, in parallel within the machine's cores, from one snapshot of the
    /// store, under a theory version (the current one when null); returned in name order.
    /// </summary>
    /// <exception cref="TheoryVersionNotFoundException">There is no such theory version.</exception>
    public async Task<IReadOnlyList<Evaluation>> EvaluateAllAsync(
        NodeFilter filter, EvidenceScope scope, string? theoryVersion, CancellationToken cancellationToken)
    {
        var (cache, snapshot) = await CacheAndSnapshotAsync(cancellationToken);
        return await EvaluateAllAsync(cache, snapshot, filter, scope, theoryVersion, cancellationToken);
    }

    private Task<IReadOnlyList<Evaluation>> EvaluateAllAsync(
        Cache cache, GraphSnapshot snapshot, NodeFilter filter, EvidenceScope scope, string? theoryVersion, CancellationToken cancellationToken) =>
        EvaluateAllAsync(cache, snapshot, filter.Matches, scope, theoryVersion, cancellationToken);

    private async Task<IReadOnlyList<Evaluation>> EvaluateAllAsync(
        Cache cache, GraphSnapshot snapshot, Func<GraphNode, bool> matches, EvidenceScope scope, string? theoryVersion, CancellationToken cancellationToken)
    {
        var under = await EvaluatorAsync(theoryVersion, cancellationToken);
        var version = under.Theory.Version;
        var names = snapshot.NodesWithLabel(Labels.Initiative).Where(matches).Select(n => n.Name).ToList();
        var missing = names.Where(n => !cache.Evaluations.ContainsKey((n, scope, version))).ToList();
        var evaluated = await under.EvaluateManyAsync(snapshot, missing, scope, cancellationToken);
        foreach (var evaluation in evaluated)
        {
            cache.Add(evaluation.Initiative, scope, evaluation);
        }
        var byName = evaluated.ToDictionary(e => e.Initiative, StringComparer.Ordinal);
        return names.Select(n => byName.TryGetValue(n, out var e) ? e : cache.Evaluations[(n, scope, version)]).ToList();
    }

    /// <summary>
    /// Per initiative the filter matches, what changes between two theory versions (the current one when
    /// <paramref name="toVersion"/> is null): only the initiatives whose findings differ, in name order.
    /// </summary>
    /// <exception cref="TheoryVersionNotFoundException">A version does not exist.</exception>
    public async Task<IReadOnlyList<TheoryComparison>> CompareTheoriesAsync(
        string fromVersion, string? toVersion, NodeFilter filter, EvidenceScope scope, CancellationToken cancellationToken)
    {
        // Both sides from one snapshot, so a write landing between them cannot pass for a change of theory, and the
        // two lists hold the same initiatives in the same (name) order.
        var (cache, snapshot) = await CacheAndSnapshotAsync(cancellationToken);
        var before = await EvaluateAllAsync(cache, snapshot, filter, scope, fromVersion, cancellationToken);
        var after = await EvaluateAllAsync(cache, snapshot, filter, scope, toVersion, cancellationToken);
        return before.Zip(after, TheoryComparison.Of).OfType<TheoryComparison>().ToList();
    }

    /// <summary>
    /// Per initiative the filter matches, what a change not stored would change: <paramref name="fromVersion"/> (the
    /// current one when null) against the version the change would make of the current one. The proposed side is
    /// evaluated for the same initiatives from the store's current snapshot and cached nowhere, so a proposal never
    /// stands in for a stored version of the same number.
    /// </summary>
    /// <exception cref="GraphValidationException">The change is invalid or does not compile (fields of <paramref name="fields"/>).</exception>
    /// <exception cref="TheoryVersionNotFoundException"><paramref name="fromVersion"/> does not exist.</exception>
    public async Task<(TheoryProposal Proposal, IReadOnlyList<TheoryComparison> Comparisons)> CompareProposedAsync(
        string? fromVersion, string text, IReadOnlyList<string> removeRules, ProposalFields fields, NodeFilter filter, EvidenceScope scope,
        CancellationToken cancellationToken)
    {
        var proposal = await Theories.ProposeAsync(text, removeRules, fields, cancellationToken);
        var (cache, snapshot) = await CacheAndSnapshotAsync(cancellationToken);
        var before = await EvaluateAllAsync(cache, snapshot, filter, scope,
            string.IsNullOrEmpty(fromVersion) ? proposal.Before.Version : fromVersion, cancellationToken);
        var names = before.Select(e => e.Initiative).ToList();
        var after = await evaluator.Under(proposal.Compiled).EvaluateManyAsync(snapshot, names, scope, cancellationToken);
        return (proposal, before.Zip(after, TheoryComparison.Of).OfType<TheoryComparison>().ToList());
    }

    /// <summary>
    /// Tests the chosen rules of the programme theory (all when none are named) against every initiative the filter
    /// matches, each evaluated within the scope.
    /// </summary>
    /// <exception cref="GraphValidationException">A rule id names no CMO rule of the version (field <c>rules[i]</c>).</exception>
    /// <exception cref="TheoryVersionNotFoundException">There is no such theory version.</exception>
    public async Task<IReadOnlyList<RuleTest>> TestProgrammeTheoryAsync(
        IReadOnlyList<string> rules, NodeFilter filter, EvidenceScope scope, string? theoryVersion, CancellationToken cancellationToken)
    {
        var theory = (await EvaluatorAsync(theoryVersion, cancellationToken)).Theory;
        var ids = theory.Rules.Select(d => d.Id).ToList();
        var unknown = rules.Select((r, i) => (r, i)).Where(x => !theory.Has(x.r)).ToList();
        if (unknown.Count > 0)
        {
            throw new GraphValidationException(unknown.Take(TheoryReader.MaxViolations).Select(x => new FieldViolation($"rules[{x.i}]",
                $"`{x.r}` is not a rule of the programme theory{ClosestName.Suggestion(x.r, ids)}; one of {string.Join(", ", ids)}")).ToList());
        }
        var chosen = theory.InUse.Where(d => rules.Count == 0 || rules.Contains(d.Id)).ToList();
        var evaluations = await EvaluateAllAsync(filter, scope, theory.Version, cancellationToken);
        return ProgrammeTheory.Test(chosen.DistinctBy(d => d.Id).ToList(), evaluations);
    }

    /// <summary>
    /// The RAMESES II report of the cases the filter matches (or of the one initiative named) under the current theory,
    /// with the initial theory and the refinement log (see <see cref="RamesesDocumentBuilder"/>); the evidence it cites
    /// is shown as <paramref name="redactor"/> lets this caller see it.
    /// </summary>
    /// <param name="initiative">One case by resource name, id or display name; null or empty for every case the filter matches.</param>
    /// <exception cref="InitiativeNotFoundException">No initiative has that name.</exception>
    public async Task<RamesesDocument> RamesesReportAsync(
        NodeFilter filter, string? initiative, EvidenceScope scope, EvidenceRedactor redactor, CancellationToken cancellationToken)
    {
        var versions = await Theories.ListAsync(cancellationToken);
        var current = versions[^1].Version;
        var (cache, snapshot) = await CacheAndSnapshotAsync(cancellationToken);
        Func<GraphNode, bool> matches = filter.Matches;
        if (!string.IsNullOrWhiteSpace(initiative))
        {
            var one = InitiativeLookup.Find(initiative, snapshot.NodesWithLabel(Labels.Initiative).ToList()).Name;
            matches = n => n.Name == one;
        }
        var evaluations = await EvaluateAllAsync(cache, snapshot, matches, scope, current, cancellationToken);
        var theory = (await EvaluatorAsync(current, cancellationToken)).Theory;
        var tests = ProgrammeTheory.Test(theory.InUse.DistinctBy(d => d.Id).ToList(), evaluations);
        var cited = evaluations.SelectMany(e => e.Findings).SelectMany(f => f.Evidence).Distinct(StringComparer.Ordinal).ToList();
        var evidence = (await snapshot.GetNodesAsync(cited, cancellationToken)).ToDictionary(n => n.Name, StringComparer.Ordinal);
        return RamesesDocumentBuilder.Build(versions, evaluations, tests, scope, evidence, redactor,
            string.IsNullOrWhiteSpace(initiative) ? null : evaluations.Single().Initiative);
    }

    private async Task<InitiativeEvaluator> EvaluatorAsync(string? theoryVersion, CancellationToken cancellationToken) =>
        _evaluators.GetOrAdd(Theories.Compile(await Theories.GetAsync(theoryVersion, cancellationToken)), evaluator.Under);

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

    /// <summary>
    /// The cache and a snapshot of the same store version: when a write lands between reading the version and loading
    /// the snapshot, the snapshot is newer, and its evaluations go to a private cache of its own version rather than
    /// mixing with those of the older one.
    /// </summary>
    private async Task<(Cache Cache, GraphSnapshot Snapshot)> CacheAndSnapshotAsync(CancellationToken cancellationToken)
    {
        var cache = await CurrentCacheAsync(cancellationToken);
        var snapshot = await SnapshotAsync(cache.Version, cancellationToken);
        return (snapshot.Version == cache.Version ? cache : new Cache(snapshot.Version), snapshot);
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

        public ConcurrentDictionary<(string Initiative, EvidenceScope Scope, string TheoryVersion), Evaluation> Evaluations { get; } = new();

        public void Add(string initiative, EvidenceScope scope, Evaluation evaluation)
        {
            if (Evaluations.Count < MaxCachedEvaluations)
            {
                Evaluations.TryAdd((initiative, scope, evaluation.TheoryVersion), evaluation);
            }
        }
    }
}
