namespace LocalVision.Rules.Evaluation.Conditions;

/// <summary>One term of a context with its value for one initiative.</summary>
/// <param name="Condition">The resolved condition the term was read from; null when the code has no value.</param>
public sealed record TermValue(ContextTerm Term, ConditionValue Value, double? Membership, Condition? Condition);

/// <summary>
/// A rule's context read three-valued against an initiative's conditions: the one place that decides whether a rule's
/// context holds, fails or is undecided. The CMO rules fire on it, the not-assessed list is read from it, and the
/// programme-theory test takes its context values from it, so the three can never disagree.
/// </summary>
public sealed record RuleContext(IReadOnlyList<TermValue> Terms)
{
    /// <summary>Present when every term holds; absent when any term is contradicted by evidence; unknown otherwise.</summary>
    public ConditionValue Value =>
        Terms.Any(t => t.Value == ConditionValue.Absent) ? ConditionValue.Absent
        : Terms.All(t => t.Value == ConditionValue.Present) ? ConditionValue.Present
        : ConditionValue.Unknown;

    public bool Holds => Value == ConditionValue.Present;

    /// <summary>The context's fuzzy membership: the smallest of its terms' (a conjunction); null while undecided.</summary>
    public double? Membership => Value switch
    {
        ConditionValue.Present => Terms.Min(t => t.Membership ?? 1),
        ConditionValue.Absent => Terms.Where(t => t.Value == ConditionValue.Absent).Min(t => t.Membership ?? 0),
        _ => null,
    };

    /// <summary>The terms that leave the context undecided.</summary>
    public IEnumerable<TermValue> Unknown => Terms.Where(t => t.Value == ConditionValue.Unknown);

    public static RuleContext Of(IReadOnlyList<ContextTerm> terms, IEnumerable<Condition> conditions)
    {
        var byCode = new Dictionary<string, Condition>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            byCode[condition.Code] = condition;
        }
        return Of(terms, byCode);
    }

    public static RuleContext Of(IReadOnlyList<ContextTerm> terms, IReadOnlyDictionary<string, Condition> conditions) =>
        new(terms.Select(term =>
        {
            var condition = conditions.GetValueOrDefault(term.Code);
            var (value, membership) = term.Evaluate(condition);
            return new TermValue(term, value, membership, condition);
        }).ToList());
}
