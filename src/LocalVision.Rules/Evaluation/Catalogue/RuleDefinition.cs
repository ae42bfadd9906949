using LocalVision.Rules.Evaluation.Conditions;

namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>Where a rule stands in the programme theory (RAMESES II): as the report states it, refined, refuted, or proposed.</summary>
public enum RuleStatus
{
    /// <summary>As the report states it.</summary>
    Initial,

    /// <summary>Changed after testing against the cases.</summary>
    Refined,

    /// <summary>The cases contradict it; kept for the record, not used.</summary>
    Refuted,

    /// <summary>Proposed, not yet in use.</summary>
    Candidate,
}

/// <summary>How a CMO rule matches: on its context, or once per outcome whose observations disagree.</summary>
public enum RuleForm
{
    /// <summary>Fires when every term of its context (or of one subject's) holds.</summary>
    Context,

    /// <summary>
    /// Fires once per outcome code whose observations by the date, from different evidence, score both present and absent.
    /// It reads every observation, not only the latest, since the disagreement is the finding (CONTESTED_VIEWS).
    /// </summary>
    ContestedOutcome,
}

/// <summary>One subject of a rule that fires once per subject, with its own context (LEADERSHIP_GAP: one per element).</summary>
public sealed record RuleSubject(string Name, string Description, IReadOnlyList<ContextTerm> Context);

/// <summary>
/// Everything about a CMO rule of docs/domain.md's table, in one place with the rule class that runs it: what the catalogue
/// lists, what a finding says, what the outlook weighs, what "not assessed" and the programme-theory test read.
/// </summary>
/// <param name="Sections">The report sections it comes from, e.g. <c>["7.1.2", "7.4.4"]</c>.</param>
/// <param name="Context">The terms that must all hold for the rule to fire (three-valued; see <see cref="RuleContext"/>).</param>
/// <param name="Mechanism">The mechanism code the rule expects, if any; each finding says whether it was observed.</param>
/// <param name="Outcome">The outcome code the rule bears on, if any; the programme-theory test reads it.</param>
/// <param name="Weight">What a finding adds to (ingredient) or takes from (risk) the momentum outlook; cautions are never scored.</param>
/// <param name="WeightReason">The report's wording that justifies the weight.</param>
/// <param name="Explanation">
/// The finding's explanation, with <c>{CODE}</c> standing for that condition's value and source, <c>{context}</c> for every
/// context condition's, and <c>{subject}</c> for the subject's description.
/// </param>
public sealed record CmoRuleDefinition(
    string Id,
    string Title,
    Polarity Polarity,
    IReadOnlyList<string> Sections,
    IReadOnlyList<ContextTerm> Context,
    string? Mechanism,
    string? Outcome,
    double Weight,
    string WeightReason,
    string Explanation)
{
    /// <summary>Conditions a finding cites when they are present, without needing them (a change of project lead beside NO_SUPPORT).</summary>
    public IReadOnlyList<string> AlsoCites { get; init; } = [];

    /// <summary>When the rule fires once per subject, the subjects; otherwise empty and <see cref="Context"/> applies.</summary>
    public IReadOnlyList<RuleSubject> Subjects { get; init; } = [];

    /// <summary>
    /// Whether an undecided context puts the rule in the not-assessed list. False for cautions about reading evidence
    /// that exists (a rising indicator, disagreeing observations): with no such evidence there is nothing to qualify.
    /// </summary>
    public bool ListsUnassessed { get; init; } = true;

    public RuleStatus Status { get; init; } = RuleStatus.Initial;

    public RuleForm Form { get; init; } = RuleForm.Context;

    /// <summary>Whether evaluations run the rule: refuted rules are kept for the record and candidates are only proposed.</summary>
    public bool InUse => Status is RuleStatus.Initial or RuleStatus.Refined;

    /// <summary>Anything a reader of the catalogue should know that the context does not say.</summary>
    public string? Note { get; init; }

    /// <summary>The options the rule's derivations read, listed with their values in <c>ListRules</c>.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>The report sections joined as the report writes them: <c>7.1.2, 7.4.4</c>.</summary>
    public string Section => string.Join(", ", Sections);

    /// <summary>The context of each way the rule can fire: one per subject, or the rule's own.</summary>
    public IReadOnlyList<RuleSubject> Variants => Subjects.Count > 0 ? Subjects : [new RuleSubject("", "", Context)];

    /// <summary>The context of one subject ("" for the rule's own).</summary>
    public RuleSubject Variant(string subject) => Variants.Single(v => v.Name == subject);

    /// <summary>Every code a finding of this rule reads: its context, what it also cites, and its mechanism.</summary>
    public IReadOnlySet<string> CodesRead(RuleSubject variant) =>
        variant.Context.Select(t => t.Code).Concat(AlsoCites).Concat(Mechanism is null ? [] : [Mechanism]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The context in words, for <c>ListRules</c>.</summary>
    public string DescribeContext() =>
        Subjects.Count > 0
            ? string.Join("; ", Subjects.Select(s => $"{s.Name}: {string.Join(" and ", s.Context.Select(t => t.Describe()))}"))
            : string.Join(" and ", Context.Select(t => t.Describe()));
}

/// <summary>A rule that derives conditions from the graph, described for <c>ListRules</c> in one place with its class.</summary>
/// <param name="Derives">The codes it gives values to.</param>
/// <param name="Condition">Exactly what it derives, and when, in words.</param>
public sealed record DerivationDefinition(string Id, string Title, string Section, IReadOnlyList<string> Derives, string Condition)
{
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>Derivation, or Outlook for the rule over the findings.</summary>
    public RuleKind Kind { get; init; } = RuleKind.Derivation;
}
