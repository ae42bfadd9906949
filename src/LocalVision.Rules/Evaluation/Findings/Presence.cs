using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>Small predicates the CMO rules share, kept here so each reads the same way everywhere.</summary>
internal static class Presence
{
    public const string Rising = "RISING";

    /// <summary>True when every effect recorded for an alignment is COMPLEMENTS (and at least one is recorded).</summary>
    public static bool OnlyComplements(Condition condition)
    {
        var effects = condition.Effects.ToList();
        return effects.Count > 0 && effects.All(e => e == "COMPLEMENTS");
    }

    public static bool AnyDistracts(Condition condition) => condition.Effects.Contains("DISTRACTS");

    public static int DistinctPeople(IEnumerable<PersonRole> people) => people.Select(p => p.Person).Distinct(StringComparer.Ordinal).Count();

    public static int DistinctPartners(IEnumerable<Partnership> partners) => partners.Select(p => p.Partner).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The share of distinct people recorded who are clinicians; 0 when none are recorded.</summary>
    public static double ClinicianShare(IEnumerable<PersonRole> people)
    {
        var list = people.ToList();
        var all = DistinctPeople(list);
        return all == 0 ? 0 : (double)DistinctPeople(list.Where(p => p.Role == "CLINICIAN")) / all;
    }

    /// <summary>
    /// Whether the Enabler's exit is in view: there is an engagement, every engagement has an end, and the last end is
    /// on or before the evaluation date plus the window.
    /// </summary>
    public static bool ExitInView(IEnumerable<EnablerEngagement> engagements, EvaluationSettings settings) =>
        LastEnablerDay(engagements) is { } last && last <= settings.AsOf.AddDays(settings.Options.ExitWindowDays);

    /// <summary>The last day of Enabler engagement, or null when there is none or one is open-ended.</summary>
    public static DateOnly? LastEnablerDay(IEnumerable<EnablerEngagement> engagements)
    {
        var list = engagements.ToList();
        return list.Count == 0 || list.Any(e => e.To is null) ? null : list.Max(e => e.To!.Value);
    }

    public static bool IsRising(string? trend) => string.Equals(trend, Rising, StringComparison.OrdinalIgnoreCase);
}
