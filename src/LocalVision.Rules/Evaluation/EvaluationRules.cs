using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation;

/// <summary>
/// The rule set, compiled once per process. Compiling builds the Rete network (hundreds of milliseconds); a session
/// from the compiled factory is cheap, so every evaluation gets its own.
/// </summary>
public static class EvaluationRules
{
    /// <summary>Every rule class of the evaluation: derivations, CMO rules and the outlook.</summary>
    public static IReadOnlyList<Type> RuleTypes { get; } = typeof(EvaluationRules).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Rule).IsAssignableFrom(t)
            && t.Namespace?.StartsWith(typeof(EvaluationRules).Namespace!, StringComparison.Ordinal) == true)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The rule classes a theory builds on: derivations and the outlook.</summary>
    public static IReadOnlyList<Type> ChainTypes { get; } =
        RuleTypes.Where(t => !t.Namespace!.EndsWith(".Findings", StringComparison.Ordinal)).ToList();

    private static readonly Lazy<ISessionFactory> Compiled = new(() => Compile(RuleTypes), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process-wide session factory (thread-safe; register it as a singleton).</summary>
    public static ISessionFactory Factory => Compiled.Value;

    /// <summary>Compiles a subset of the rules, e.g. one rule and the derivations it needs in a test.</summary>
    public static ISessionFactory Compile(IEnumerable<Type> ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(ruleTypes));
        return repository.Compile();
    }
}
