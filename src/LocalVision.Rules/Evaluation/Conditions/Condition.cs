namespace LocalVision.Rules.Evaluation.Conditions;

/// <summary>
/// The resolved value of one code for one initiative as of the evaluation date: what CMO rules match. When an
/// evaluator coded the code, the latest coded score stands (the evaluator read the evidence; derivation reads
/// structure only); otherwise the highest derived score. Every value is kept, so a finding can cite both.
/// </summary>
/// <param name="Value">Present, absent or unknown, from the score and the thresholds in force.</param>
public sealed record Condition(string Initiative, string Code, double Score, ConditionValue Value, IReadOnlyList<CodeValue> Values)
{
    public CodeSource Origin => Values.Any(v => v.Origin == CodeSource.Coded) ? CodeSource.Coded : CodeSource.Derived;

    /// <summary>The values the score was taken from: the latest coded one, or else the derived ones with the highest score.</summary>
    public IEnumerable<CodeValue> Deciding
    {
        get
        {
            var coded = Values.Where(v => v.Origin == CodeSource.Coded).ToList();
            return coded.Count > 0 ? [coded.MaxBy(v => v.At)!] : Values.Where(v => v.Score == Score);
        }
    }

    /// <summary>True when the value rests on an L-confidence observation: findings on it are tentative.</summary>
    public bool Tentative => Deciding.Any(v => v.IsTentative);

    /// <summary>True when the value rests on data marked illustrative.</summary>
    public bool Illustrative => Deciding.Any(v => v.Illustrative);

    /// <summary>The coded codes the value rests on (its own code for coded and structural values).</summary>
    public IReadOnlyList<string> Basis => Deciding.SelectMany(v => v.BasisCodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The observations behind the value: coded ones, and those the derived values rest on.</summary>
    public IEnumerable<string> Observations => Values.SelectMany(v => v.ObservationsCited).Distinct(StringComparer.Ordinal);

    public IEnumerable<string> Evidence => Values.SelectMany(v => v.Evidence);

    public IEnumerable<DerivedFact> DerivedFacts => Values.Where(v => v.Origin == CodeSource.Derived).Select(v => v.ToDerivedFact());

    /// <summary>The ALIGNED_WITH effects recorded for this code's values (alignment codes only).</summary>
    public IEnumerable<string> Effects => Values.Select(v => v.Effect).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>The value and where it came from, for explanations: <c>ALIGNED_BCF 1 (coded 1 on ...; derived: ...)</c>.</summary>
    public string Describe() =>
        $"{Code} {CodeValue.Format(Score)} ({string.Join("; ", Values.Select(v => v.Origin == CodeSource.Coded ? v.Source : "derived: " + v.Source))})";

    /// <exception cref="ArgumentException">The values are empty or belong to different codes or initiatives.</exception>
    public static Condition Resolve(IEnumerable<CodeValue> values, EvaluationOptions options)
    {
        var list = values
            .OrderBy(v => v.Origin)
            .ThenBy(v => v.Nodes.FirstOrDefault() ?? "", StringComparer.Ordinal)
            .ThenBy(v => v.Source, StringComparer.Ordinal)
            .ToList();
        if (list.Count == 0 || list.Any(v => v.GroupKey != list[0].GroupKey))
        {
            throw new ArgumentException("A condition resolves the values of one code of one initiative.", nameof(values));
        }
        var coded = list.Where(v => v.Origin == CodeSource.Coded).ToList();
        var score = coded.Count > 0 ? coded.MaxBy(v => v.At)!.Score : list.Max(v => v.Score);
        return new Condition(list[0].Initiative, list[0].Code, score, options.ValueOf(score), list);
    }
}
