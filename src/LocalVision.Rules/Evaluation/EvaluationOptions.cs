using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation;

/// <summary>
/// The thresholds the rules use. Every default is documented here and listed by <c>ListRules</c>, so a
/// finding can always be traced to the number that made it fire.
/// </summary>
/// <remarks>
/// Scores are fuzzy memberships (1 clearly present, 0.75 mostly, 0.5 partly or mixed, 0.25 barely, 0 clearly
/// absent). A score above <see cref="PresentAbove"/> is evidence of presence, a score below
/// <see cref="AbsentBelow"/> is evidence of absence, anything between is "mixed", and no value at all is
/// "unknown". Unknown is never read as absence: a rule that warns about something missing fires on evidence
/// of absence unless its description says otherwise.
/// </remarks>
public sealed record EvaluationOptions
{
    public static EvaluationOptions Default { get; } = new();

    /// <summary>A score above this is evidence of presence. Default 0.5, so "partly" (0.5) is not enough.</summary>
    public double PresentAbove { get; init; } = 0.5;

    /// <summary>A score below this is evidence of absence. Default 0.5, so "barely" (0.25) counts as absent.</summary>
    public double AbsentBelow { get; init; } = 0.5;

    /// <summary>A project funded for at most this many months is short (§7.3.5: 6–12 months). Default 12.</summary>
    public int ShortFundingMonths { get; init; } = 12;

    /// <summary>An Enabler engagement ending within this many days of the evaluation date is an exit in view. Default 90.</summary>
    public int ExitWindowDays { get; init; } = 90;

    /// <summary>How many partners make "several" for a burning platform (§7.1.4 "a range of partners"). Default 3.</summary>
    public int SeveralPartners { get; init; } = 3;

    /// <summary>
    /// How many people must be recorded before the leadership configuration is judged from them. Below this the
    /// configuration is unknown rather than full of gaps. Default 3.
    /// </summary>
    public int MinimumPeopleForConfiguration { get; init; } = 3;

    /// <summary>Clinicians below this share of the people recorded are under-represented (§5.3). Default 0.15.</summary>
    public double ClinicianShareBelow { get; init; } = 0.15;

    /// <summary>Programme names (matched case-insensitively within a programme's name) that mean the Better Care Fund.</summary>
    public IReadOnlyList<string> BetterCareFundNames { get; init; } = ["Better Care Fund"];

    /// <summary>Programme names that mean a complementary place-based programme (§7.2.1).</summary>
    public IReadOnlyList<string> PlaceBasedProgrammeNames { get; init; } =
        ["Vanguard", "Pioneer", "Leadership for Change", "Better Together", "Transformation Challenge Fund", "BrightLife"];

    /// <summary>Fewer distinct rules firing than this give an outlook of INSUFFICIENT_EVIDENCE. Default 3.</summary>
    public int MinimumRulesForOutlook { get; init; } = 3;

    /// <summary>An outlook score at or above this is STRONG. Default 2.</summary>
    public double StrongOutlookAtLeast { get; init; } = 2;

    /// <summary>An outlook score below this is AT_RISK; between the two it is MODERATE. Default -1: more than one net risk.</summary>
    public double AtRiskOutlookBelow { get; init; } = -1;

    /// <summary>What an ingredient adds to the outlook score. Default 1.</summary>
    public double IngredientWeight { get; init; } = 1;

    /// <summary>What a risk takes from the outlook score. Default 1.</summary>
    public double RiskWeight { get; init; } = 1;

    /// <summary>What a caution takes from the outlook score. Default 0.5: a caution says "may", a risk says "is likely".</summary>
    public double CautionWeight { get; init; } = 0.5;

    public bool IsPresent(double score) => score > PresentAbove;

    public bool IsAbsent(double score) => score < AbsentBelow;

    /// <summary>Whether the initiative's funded period (start to end) is at most <see cref="ShortFundingMonths"/>; false when either date is unknown.</summary>
    public bool IsShortFunded(InitiativeFact initiative) =>
        initiative is { Start: { } start, End: { } end } && end <= start.AddMonths(ShortFundingMonths);

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
        Check(MinimumPeopleForConfiguration >= 1, nameof(MinimumPeopleForConfiguration), "must be at least 1");
        Check(ClinicianShareBelow is > 0 and <= 1, nameof(ClinicianShareBelow), "must be above 0 and at most 1");
        Check(BetterCareFundNames.Count > 0 && BetterCareFundNames.All(n => !string.IsNullOrWhiteSpace(n)), nameof(BetterCareFundNames), "must hold at least one non-empty name");
        Check(PlaceBasedProgrammeNames.All(n => !string.IsNullOrWhiteSpace(n)), nameof(PlaceBasedProgrammeNames), "must hold only non-empty names");
        Check(MinimumRulesForOutlook >= 0, nameof(MinimumRulesForOutlook), "must not be negative");
        Check(AtRiskOutlookBelow <= StrongOutlookAtLeast, nameof(AtRiskOutlookBelow), "must not exceed StrongOutlookAtLeast");
        Check(IngredientWeight >= 0 && RiskWeight >= 0 && CautionWeight >= 0, "Weights", "must not be negative");
        if (violations.Count > 0)
        {
            throw new GraphValidationException(violations);
        }
    }
}
