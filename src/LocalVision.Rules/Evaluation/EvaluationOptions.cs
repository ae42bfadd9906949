using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation;

/// <summary>
/// The thresholds and weights the rules use. Every default is documented here and listed by <c>ListRules</c> with the
/// report's words that justify it, so a finding can always be traced to the number that made it fire. None is fitted to
/// the sample's scores.
/// </summary>
/// <remarks>
/// Scores are fuzzy memberships (1 clearly present, 0.75 mostly, 0.5 partly or mixed, 0.25 barely, 0 clearly
/// absent). A score above <see cref="PresentAbove"/> is evidence of presence, a score below <see cref="AbsentBelow"/>
/// is evidence of absence; anything between, and no value at all, is unknown. Unknown is never read as absence.
/// </remarks>
public sealed record EvaluationOptions
{
    public static EvaluationOptions Default { get; } = new();

    /// <summary>A score above this is evidence of presence. Default 0.5, so "partly" (0.5) is not enough.</summary>
    public double PresentAbove { get; init; } = 0.5;

    /// <summary>A score below this is evidence of absence. Default 0.5, so "barely" (0.25) counts as absent.</summary>
    public double AbsentBelow { get; init; } = 0.5;

    /// <summary>A project funded for at most this many months is short (§7.3.5, §9: "the 6-12 months over which projects were funded"). Default 12.</summary>
    public int ShortFundingMonths { get; init; } = 12;

    /// <summary>An Enabler engagement ending within this many days of the evaluation date is an exit in view. Default 90.</summary>
    public int ExitWindowDays { get; init; } = 90;

    /// <summary>How many partners make "a range of partners" for a burning platform (§7.1.4; docs/domain.md: at least 2). Default 2.</summary>
    public int SeveralPartners { get; init; } = 2;

    /// <summary>Clinicians below this share of the people declared complete are under-represented (§5.3). Default 0.15.</summary>
    public double ClinicianShareBelow { get; init; } = 0.15;

    /// <summary>Programme names (matched case-insensitively within a programme's name) that mean the Better Care Fund.</summary>
    public IReadOnlyList<string> BetterCareFundNames { get; init; } = ["Better Care Fund"];

    /// <summary>Programme names that mean a complementary place-based programme (§7.2.1).</summary>
    public IReadOnlyList<string> PlaceBasedProgrammeNames { get; init; } =
        ["Vanguard", "Pioneer", "Leadership for Change", "Better Together", "Transformation Challenge Fund", "BrightLife"];

    /// <summary>
    /// What a finding resting on an L-confidence observation weighs, as a share of its rule's weight. Default 0.5: an
    /// inference the coder could not tie to the case ("L inferred", CODING.md) counts half of one the report states.
    /// </summary>
    public double TentativeFactor { get; init; } = 0.5;

    /// <summary>Per-rule weights that replace the catalogue's (rule id → weight); the catalogue's are the report's wording.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Fewer scored findings (ingredients and risks, each element once) than this give INSUFFICIENT_EVIDENCE. Default 3.</summary>
    public int MinimumScoredFindings { get; init; } = 3;

    /// <summary>An outlook score at or above this is STRONG. Default 2: at least two full ingredients more than risks.</summary>
    public double StrongOutlookAtLeast { get; init; } = 2;

    /// <summary>An outlook score below this is AT_RISK; between the two it is MODERATE. Default -1: more than one full risk net.</summary>
    public double AtRiskOutlookBelow { get; init; } = -1;

    public bool IsPresent(double score) => score > PresentAbove;

    public bool IsAbsent(double score) => score < AbsentBelow;

    public ConditionValue ValueOf(double score) =>
        IsPresent(score) ? ConditionValue.Present : IsAbsent(score) ? ConditionValue.Absent : ConditionValue.Unknown;

    /// <summary>The weight in force for a rule: the configured one, else the catalogue's.</summary>
    public double WeightOf(string ruleId, double catalogueWeight) => Weights.TryGetValue(ruleId, out var weight) ? weight : catalogueWeight;

    /// <summary>Whether the funded period (start to end) is at most <see cref="ShortFundingMonths"/>; null when either date is unknown.</summary>
    public bool? IsShortFunded(InitiativeFact initiative) =>
        initiative is { Start: { } start, End: { } end } ? end <= start.AddMonths(ShortFundingMonths) : null;

    public bool IsBetterCareFund(ProgrammeAlignment alignment) => NameMatches(alignment, BetterCareFundNames);

    public bool IsPlaceBased(ProgrammeAlignment alignment) =>
        !IsBetterCareFund(alignment) && NameMatches(alignment, PlaceBasedProgrammeNames);

    private static bool NameMatches(ProgrammeAlignment alignment, IReadOnlyList<string> names) =>
        names.Any(n => alignment.Names.Any(a => a.Contains(n, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Checks the options make sense together.</summary>
    /// <exception cref="GraphValidationException">A threshold is out of range; each violation names the option.</exception>
    public void Validate()
    {
        var violations = new List<FieldViolation>();
        void Check(bool ok, string field, string description)
        {
            if (!ok)
            {
                violations.Add(new(field, description));
            }
        }
        Check(PresentAbove is >= 0 and < 1, nameof(PresentAbove), "must be from 0 up to (not including) 1");
        Check(AbsentBelow is > 0 and <= 1, nameof(AbsentBelow), "must be above 0 and at most 1");
        Check(AbsentBelow <= PresentAbove, nameof(AbsentBelow), "must not exceed PresentAbove, or a score could be both present and absent");
        Check(ShortFundingMonths is > 0 and <= 120, nameof(ShortFundingMonths), "must be from 1 to 120");
        Check(ExitWindowDays is >= 0 and <= 3650, nameof(ExitWindowDays), "must be from 0 to 3650");
        Check(SeveralPartners >= 1, nameof(SeveralPartners), "must be at least 1");
        Check(ClinicianShareBelow is > 0 and <= 1, nameof(ClinicianShareBelow), "must be above 0 and at most 1");
        Check(BetterCareFundNames.Count > 0 && BetterCareFundNames.All(n => !string.IsNullOrWhiteSpace(n)), nameof(BetterCareFundNames), "must hold at least one non-empty name");
        Check(PlaceBasedProgrammeNames.All(n => !string.IsNullOrWhiteSpace(n)), nameof(PlaceBasedProgrammeNames), "must hold only non-empty names");
        Check(TentativeFactor is >= 0 and <= 1, nameof(TentativeFactor), "must be from 0 to 1");
        Check(Weights.Values.All(w => w is >= 0 and <= 10), nameof(Weights), "must be from 0 to 10");
        Check(Weights.Keys.All(Catalogue.RuleCatalogue.IsCmoRule), nameof(Weights),
            "must name rules of the programme theory: " + string.Join(", ", Weights.Keys.Where(k => !Catalogue.RuleCatalogue.IsCmoRule(k))) + " is not one");
        Check(MinimumScoredFindings >= 0, nameof(MinimumScoredFindings), "must not be negative");
        Check(AtRiskOutlookBelow <= StrongOutlookAtLeast, nameof(AtRiskOutlookBelow), "must not exceed StrongOutlookAtLeast");
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }
    }
}
