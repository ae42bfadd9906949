using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation;

/// <summary>
/// The rules written in C#, which every version of the programme theory builds on (see <see cref="Language.CompiledTheory"/>,
/// which compiles them with a theory's CMO rules).
/// </summary>
public static class EvaluationRules
{
    /// <summary>Every rule class of the evaluation, what a theory builds on: the derivations and the outlook.</summary>
    public static IReadOnlyList<Type> RuleTypes { get; } = typeof(EvaluationRules).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Rule).IsAssignableFrom(t)
            && t.Namespace?.StartsWith(typeof(EvaluationRules).Namespace!, StringComparison.Ordinal) == true)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Compiles a subset of the rule classes, e.g. one derivation and those it needs in a test.</summary>
    public static ISessionFactory Compile(IEnumerable<Type> ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(ruleTypes));
        return repository.Compile();
    }
}
