using System.Collections.Concurrent;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using NRules;

namespace LocalVision.Rules.Tests.Evaluation.Support;

/// <summary>
/// One session over a chosen set of rules: fire, then look at what was inserted and which rules fired. A rule is a C#
/// rule class (a <see cref="Type"/>) or a rule of the shipped theory by its NRules name (<c>MOU_YARDSTICK</c>, or
/// <c>LEADERSHIP_GAP/CLINICAL</c> for one subject), compiled from the YAML as evaluations compile it.
/// </summary>
internal sealed class RuleRun
{
    private static readonly ConcurrentDictionary<string, ISessionFactory> Factories = new(StringComparer.Ordinal);

    private readonly ISession _session;
    private readonly List<string> _fired = [];

    private RuleRun(IEnumerable<object> rules, IEnumerable<object> facts)
    {
        var chosen = rules.Distinct().ToList();
        var types = chosen.OfType<Type>().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        var names = chosen.OfType<string>().Order(StringComparer.Ordinal).ToList();
        var key = string.Join(";", types.Select(t => t.FullName).Concat(names));
        var factory = Factories.GetOrAdd(key, _ => TheoryCompiler.Compile(names.Select(TheoryRule).ToList(), types));
        _session = factory.CreateSession();
        _session.Events.RuleFiredEvent += (_, e) => _fired.Add(e.Rule.Name);
        _session.InsertAll(facts);
        _session.Fire();
    }

    /// <summary>The rules of the Derivation namespace: what CMO rules need to see graph facts as conditions.</summary>
    public static IReadOnlyList<object> Derivations { get; } =
        EvaluationRules.RuleTypes.Where(t => t.Namespace!.EndsWith(".Derivation", StringComparison.Ordinal)).ToList();

    /// <summary>Names of the rules that fired, in firing order, repeats included.</summary>
    public IReadOnlyList<string> Fired => _fired;

    public static RuleRun Fire(Type rule, params object[] facts) => new([rule], facts);

    public static RuleRun Fire(string rule, params object[] facts) => new([rule], facts);

    public static RuleRun Fire(IEnumerable<object> rules, IEnumerable<object> facts) => new(rules, facts);

    /// <summary>Fires one rule with every derivation rule, over facts projected from a graph.</summary>
    public static RuleRun FireWithDerivations(object rule, IEnumerable<object> facts) => new(Derivations.Append(rule), facts);

    /// <summary>A rule of the shipped theory, or one subject of it.</summary>
    private static CmoRuleDefinition TheoryRule(string name)
    {
        var slash = name.IndexOf('/');
        var rule = RuleCatalogue.Cmo(slash < 0 ? name : name[..slash]);
        return slash < 0 ? rule : rule with { Subjects = [rule.Variant(name[(slash + 1)..])] };
    }

    public IReadOnlyList<T> Facts<T>() => _session.Query<T>().ToList();

    public IReadOnlyList<Finding> Findings => Facts<Finding>();

    public Finding Single(string ruleId) => Assert.Single(Findings, f => f.RuleId == ruleId);

    public void Update(object fact)
    {
        _session.Update(fact);
        _session.Fire();
    }

    public void Retract(object fact)
    {
        _session.Retract(fact);
        _session.Fire();
    }

    public void Insert(object fact)
    {
        _session.Insert(fact);
        _session.Fire();
    }
}
