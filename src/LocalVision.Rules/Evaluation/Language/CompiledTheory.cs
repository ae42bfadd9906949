using LocalVision.Rules.Evaluation.Catalogue;
using NRules;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>
/// One version of the programme theory, compiled with the derivation rules into a session factory: what an evaluation
/// runs. Compiling builds the Rete network (hundreds of milliseconds); sessions from it are cheap.
/// </summary>
public sealed class CompiledTheory
{
    /// <summary>The version every store's theory starts from: the shipped theory.</summary>
    public const string InitialVersion = "1";

    private static readonly Lazy<CompiledTheory> LazyShipped =
        new(() => Compile(InitialVersion, ShippedTheory.Rules), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, CmoRuleDefinition> _byId;

    private CompiledTheory(string version, IReadOnlyList<CmoRuleDefinition> rules, ISessionFactory factory)
    {
        Version = version;
        Rules = rules;
        Factory = factory;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The shipped theory, compiled once per process.</summary>
    public static CompiledTheory Shipped => LazyShipped.Value;

    public string Version { get; }

    /// <summary>Every CMO rule of the version, in its order, those not in use (refuted, candidates) included.</summary>
    public IReadOnlyList<CmoRuleDefinition> Rules { get; }

    /// <summary>The rules evaluations run.</summary>
    public IEnumerable<CmoRuleDefinition> InUse => Rules.Where(r => r.InUse);

    public ISessionFactory Factory { get; }

    /// <exception cref="LocalVision.Graph.Store.GraphValidationException">A rule does not compile.</exception>
    public static CompiledTheory Compile(string version, IReadOnlyList<CmoRuleDefinition> rules) =>
        new(version, rules, TheoryCompiler.Compile(rules, EvaluationRules.RuleTypes));

    public bool Has(string id) => _byId.ContainsKey(id);

    public CmoRuleDefinition? Find(string id) => _byId.GetValueOrDefault(id);
}
