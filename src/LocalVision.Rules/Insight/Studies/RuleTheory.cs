using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Insight.Studies;

/// <summary>
/// A programme-theory rule's context as a set expression, for comparing the theory with a solution: each term its code
/// present or absent, the terms of a context joined by <c>*</c>, and for a rule with subjects one product per subject
/// joined by <c>+</c> (the rule fires when any subject's context holds).
/// </summary>
public static class RuleTheory
{
    /// <summary>The rule's context over <paramref name="conditions"/> (set names), and what the expression cannot say.</summary>
    /// <exception cref="RuleNotExpressibleException">The context reads a code that is not one of the conditions, asks for silence, or there is no context.</exception>
    public static (SetExpression Theory, IReadOnlyList<string> Warnings) Express(CmoRuleDefinition rule, IReadOnlyCollection<string> conditions)
    {
        if (rule.Form != RuleForm.Context)
        {
            throw new RuleNotExpressibleException(rule.Id, [], $"rule `{rule.Id}` fires on disagreeing observations of an outcome, not on a context of conditions");
        }
        var warnings = new List<string>();
        var missing = rule.Variants.SelectMany(v => v.Context).Select(t => t.Code).Distinct(StringComparer.Ordinal)
            .Where(code => !conditions.Contains(code)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleNotExpressibleException(rule.Id, missing,
                $"rule `{rule.Id}` reads {string.Join(", ", missing)}, which {(missing.Count == 1 ? "is not one" : "are not")} of the minimisation's conditions; add {(missing.Count == 1 ? "it" : "them")} to the conditions");
        }
        var terms = new List<IReadOnlyList<SetReference>>();
        foreach (var variant in rule.Variants)
        {
            var literals = new List<SetReference>();
            foreach (var term in variant.Context)
            {
                literals.Add(term.Expects switch
                {
                    Expectation.Present => new SetReference(term.Code, false),
                    Expectation.AtLeast => new SetReference(term.Code, false),
                    Expectation.Absent or Expectation.AbsentOrPartly => new SetReference(term.Code, true),
                    _ => throw new RuleNotExpressibleException(rule.Id, [],
                        $"rule `{rule.Id}` asks that {term.Code} is unknown (neither present nor absent on evidence), which no set expression over the cases' memberships says"),
                });
                if (term.Expects == Expectation.AtLeast)
                {
                    warnings.Add($"{rule.Id} asks {term.Describe()}; the theory reads it as {term.Code} (membership above 0.5)");
                }
                else if (term.Expects == Expectation.AbsentOrPartly)
                {
                    warnings.Add($"{rule.Id} asks {term.Describe()}; the theory reads it as ~{term.Code}");
                }
                if (term.EffectsAnyOf is { Count: > 0 } || term.EffectsNoneOf is { Count: > 0 })
                {
                    warnings.Add($"{rule.Id} also asks about {term.Code}'s recorded effects, which the theory's memberships do not read");
                }
            }
            if (literals.Count > 0)
            {
                terms.Add(literals);
            }
        }
        if (terms.Count == 0)
        {
            throw new RuleNotExpressibleException(rule.Id, [], $"rule `{rule.Id}` has no context to compare with the solution");
        }
        return (new SetExpression(terms), warnings);
    }

    /// <summary>The rule of this id (case ignored) among the theory's rules.</summary>
    /// <exception cref="RuleNotFoundException">No rule has the id.</exception>
    public static CmoRuleDefinition Find(IReadOnlyList<CmoRuleDefinition> rules, string id) =>
        rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new RuleNotFoundException(id, Suggestion.Closest(id, rules.Select(r => r.Id)));
}

/// <summary>No rule of the current programme theory has this id; <see cref="Closest"/> is the nearest, if any is near.</summary>
public sealed class RuleNotFoundException(string rule, string? closest)
    : Exception($"The programme theory has no rule `{rule}`{(closest is null ? "" : $"; did you mean `{closest}`?")}")
{
    public string Rule { get; } = rule;

    public string? Closest { get; } = closest;
}

/// <summary>A rule's context cannot be written over the analysis's conditions; <see cref="Missing"/> names the codes to add, if that is why.</summary>
public sealed class RuleNotExpressibleException(string rule, IReadOnlyList<string> missing, string message) : Exception(message)
{
    public const string Reason = "RULE_NOT_EXPRESSIBLE";

    public string Rule { get; } = rule;

    public IReadOnlyList<string> Missing { get; } = missing;
}
