namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// The resolved value of one code for one initiative as of the evaluation date: what CMO rules match. When an
/// evaluator coded the code, the latest coded score stands (the evaluator read the evidence; derivation reads
/// structure only); otherwise the highest derived score. Every value is kept, so the finding can cite both.
/// </summary>
public sealed record Condition(string Initiative, string Code, double Score, IReadOnlyList<CodeValue> Values)
{
    public CodeSource Origin => Values.Any(v => v.Origin == CodeSource.Coded) ? CodeSource.Coded : CodeSource.Derived;

    public IEnumerable<string> Observations => Values.Where(v => v.Origin == CodeSource.Coded).SelectMany(v => v.Nodes);

    public IEnumerable<string> Evidence => Values.SelectMany(v => v.Evidence);

    public IEnumerable<DerivedFact> DerivedFacts => Values.Where(v => v.Origin == CodeSource.Derived).Select(v => v.ToDerivedFact());

    /// <summary>The ALIGNED_WITH effects recorded for this code's derivations (alignment codes only).</summary>
    public IEnumerable<string> Effects => Values.Select(v => v.Effect).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>The value and where it came from, for explanations: <c>ALIGNED_BCF 1 (coded 1 on ...; derived: ...)</c>.</summary>
    public string Describe() =>
        $"{Code} {CodeValue.Format(Score)} ({string.Join("; ", Values.Select(v => v.Origin == CodeSource.Coded ? v.Source : "derived: " + v.Source))})";

    /// <exception cref="ArgumentException">The values are empty or belong to different codes or initiatives.</exception>
    public static Condition Resolve(IEnumerable<CodeValue> values)
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
        return new Condition(list[0].Initiative, list[0].Code, score, list);
    }
}
