using System.Globalization;
using System.Reflection;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Language;

namespace LocalVision.Rules.Evaluation.Catalogue;

/// <summary>
/// Every rule the engine runs, described for <c>ListRules</c>: derivations first, then the CMO rules of a version of
/// the programme theory in its order, then the outlook. Nothing about a rule is written here: each derivation class
/// carries its own definition (a static <c>Definition</c>), and each CMO rule is its entry in the theory (the shipped one
/// is Theory/local-vision.yaml), so a finding, the rule list, the not-assessed list and the programme-theory test
/// cannot disagree.
/// </summary>
public static class RuleCatalogue
{
    private sealed record Parameter(Func<EvaluationOptions, string> Value, string Description);

    /// <summary>What the catalogue says once, for every reader, beside the rules.</summary>
    public static IReadOnlyList<string> Notes { get; } =
    [
        "No rule scores the Enabler's mode of working (SOLE, PAIR, LEAD, JOINED, REPLACED): the report finds \"insufficient evidence to suggest which of these modes of working is most effective\" (§7.3.1). Modes are recorded on ENABLES and shown, never weighed.",
        "Unknown is not absence: a rule about an absence fires only on evidence of absence, and a rule whose context is undecided is listed as not assessed, with the codes that would settle it.",
        "Cautions qualify how to read the evidence; they are listed beside the momentum outlook and never scored. A finding resting on an L-confidence observation is tentative and weighs TentativeFactor of its rule's weight. One missing element is counted once.",
    ];

    private static readonly Dictionary<string, Parameter> Parameters = new(StringComparer.Ordinal)
    {
        [nameof(EvaluationOptions.PresentAbove)] = new(o => Number(o.PresentAbove), "a score above this is evidence of presence"),
        [nameof(EvaluationOptions.AbsentBelow)] = new(o => Number(o.AbsentBelow), "a score below this is evidence of absence; no observation, or a score between the two, is unknown"),
        [nameof(EvaluationOptions.ShortFundingMonths)] = new(o => Number(o.ShortFundingMonths), "a project whose end is at most this many months after its start is short"),
        [nameof(EvaluationOptions.ExitWindowDays)] = new(o => Number(o.ExitWindowDays), "an Enabler exit within this many days after the evaluation date is in view"),
        [nameof(EvaluationOptions.SeveralPartners)] = new(o => Number(o.SeveralPartners), "how many partners make a range of partners"),
        [nameof(EvaluationOptions.ClinicianShareBelow)] = new(o => Number(o.ClinicianShareBelow), "clinicians below this share of the people declared complete are under-represented"),
        [nameof(EvaluationOptions.BetterCareFundNames)] = new(o => string.Join("; ", o.BetterCareFundNames), "programme names that mean the Better Care Fund"),
        [nameof(EvaluationOptions.PlaceBasedProgrammeNames)] = new(o => string.Join("; ", o.PlaceBasedProgrammeNames), "programme names that mean a place-based programme"),
        [nameof(EvaluationOptions.TentativeFactor)] = new(o => Number(o.TentativeFactor), "what a finding resting on an L-confidence observation weighs, as a share of its rule's weight"),
        [nameof(EvaluationOptions.MinimumScoredFindings)] = new(o => Number(o.MinimumScoredFindings), "scored findings (ingredients and risks, each element once) needed for a rating"),
        [nameof(EvaluationOptions.StrongOutlookAtLeast)] = new(o => Number(o.StrongOutlookAtLeast), "score for STRONG"),
        [nameof(EvaluationOptions.AtRiskOutlookBelow)] = new(o => Number(o.AtRiskOutlookBelow), "score under which AT_RISK"),
    };

    /// <summary>The evaluation parameters a rule may say it reads.</summary>
    public static IReadOnlyCollection<string> ParameterNames => Parameters.Keys;

    private static readonly Lazy<IReadOnlyList<DerivationDefinition>> Chain = new(ReadChain);

    /// <summary>The CMO rules of the shipped theory, in the order of docs/domain.md's table.</summary>
    public static IReadOnlyList<CmoRuleDefinition> CmoRules => ShippedTheory.Rules;

    private static readonly Lazy<Dictionary<string, CmoRuleDefinition>> CmoById =
        new(() => CmoRules.ToDictionary(d => d.Id, StringComparer.Ordinal));

    /// <summary>Every rule of the shipped theory with the parameter values of the given options (the defaults when null).</summary>
    public static IReadOnlyList<RuleDescription> Describe(EvaluationOptions? options = null) => Describe(CmoRules, options);

    /// <summary>Every rule, the CMO rules those of a theory version, with the parameter values of the given options.</summary>
    public static IReadOnlyList<RuleDescription> Describe(IReadOnlyList<CmoRuleDefinition> theory, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var chain = Chain.Value;
        return chain.Where(d => d.Kind == RuleKind.Derivation).Select(d => Describe(d, options))
            .Concat(theory.Select(d => Describe(d, options)))
            .Concat(chain.Where(d => d.Kind == RuleKind.Outlook).Select(d => Describe(d, options)))
            .ToList();
    }

    /// <exception cref="KeyNotFoundException">No rule has this id.</exception>
    public static RuleDescription Get(string id, EvaluationOptions? options = null) =>
        Describe(options).FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"No rule has the id {id}.");

    /// <summary>Whether the shipped theory has a CMO rule of this id (what configured weights may name).</summary>
    public static bool IsCmoRule(string id) => CmoById.Value.ContainsKey(id);

    /// <exception cref="KeyNotFoundException">No CMO rule of the shipped theory has this id.</exception>
    public static CmoRuleDefinition Cmo(string id) =>
        CmoById.Value.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"No CMO rule has the id {id}.");

    private static IReadOnlyList<DerivationDefinition> ReadChain() =>
        EvaluationRules.RuleTypes
            .Select(t => t.GetProperty("Definition", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null))
            .OfType<DerivationDefinition>()
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Kind == RuleKind.Outlook).ThenBy(d => RuleIds.Derivations.ToList().IndexOf(d.Id))
            .ToList();

    private static RuleDescription Describe(DerivationDefinition d, EvaluationOptions options) =>
        new(d.Id, d.Kind, d.Title, null, d.Section, [d.Section], d.Derives, null, d.Kind == RuleKind.Outlook ? Codes.Momentum : null,
            d.Condition, ParametersOf(d.Parameters, options));

    private static RuleDescription Describe(CmoRuleDefinition d, EvaluationOptions options)
    {
        var weight = d.Polarity == Polarity.Caution ? 0 : options.WeightOf(d.Id, d.Weight);
        var codes = d.Variants.SelectMany(v => v.Context).Select(t => t.Code).Concat(d.AlsoCites).Distinct(StringComparer.Ordinal).ToList();
        var condition = d.DescribeContext() + "." + (d.AlsoCites.Count > 0 ? $" Also cites {string.Join(", ", d.AlsoCites)} when present." : "")
            + (d.Note is null ? "" : " " + d.Note);
        return new RuleDescription(d.Id, RuleKind.Cmo, d.Title, d.Polarity, d.Section, d.Sections, codes, d.Mechanism, d.Outcome, condition,
            ParametersOf([nameof(EvaluationOptions.PresentAbove), nameof(EvaluationOptions.AbsentBelow), .. d.Parameters,
                nameof(EvaluationOptions.TentativeFactor)], options),
            weight, d.WeightReason, d.Status, d.Variants.SelectMany(v => v.Context).ToList(), d.Subjects.Select(s => s.Name).ToList());
    }

    private static List<RuleParameter> ParametersOf(IEnumerable<string> names, EvaluationOptions options) =>
        names.Distinct(StringComparer.Ordinal).Select(n => new RuleParameter(n, Parameters[n].Value(options), Parameters[n].Description)).ToList();

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
