using System.Globalization;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;

namespace LocalVision.Rules.Evaluation.Outlook;

/// <summary>The outlook's rating.</summary>
public enum OutlookRating
{
    Strong,
    Moderate,
    AtRisk,
    InsufficientEvidence,
    NotStarted,
}

/// <summary>What one finding adds to or takes from the outlook.</summary>
/// <param name="Weight">Signed: positive for an ingredient, negative for a risk; 0 when not counted.</param>
/// <param name="Counted">False when the finding's missing element was already counted by an earlier risk.</param>
/// <param name="Reason">Why the weight is what it is, in words.</param>
public sealed record OutlookContribution(string RuleId, string? Subject, double Weight, bool Tentative, bool Counted, string Reason);

/// <summary>How likely the initiative is to build momentum, from its ingredients and risks, with the reason for each point.</summary>
/// <param name="Contributions">One per ingredient or risk finding, in catalogue order.</param>
/// <param name="Cautions">The cautions, listed beside the outlook: they qualify how to read it and are never scored.</param>
/// <param name="Reasons">The contributions and cautions in words, then the verdict.</param>
public sealed record MomentumOutlook(
    string Initiative,
    OutlookRating Rating,
    double Score,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<OutlookContribution> Contributions,
    IReadOnlyList<string> Cautions)
{
    /// <summary>STRONG, MODERATE, AT_RISK, INSUFFICIENT_EVIDENCE or NOT_STARTED.</summary>
    public string RatingName => Rating switch
    {
        OutlookRating.Strong => "STRONG",
        OutlookRating.Moderate => "MODERATE",
        OutlookRating.AtRisk => "AT_RISK",
        OutlookRating.NotStarted => "NOT_STARTED",
        _ => "INSUFFICIENT_EVIDENCE",
    };

    /// <summary>The outlook of an initiative evaluated before its start: nothing to weigh yet.</summary>
    public static MomentumOutlook NotStarted(string initiative, DateOnly start) =>
        new(initiative, OutlookRating.NotStarted, 0, [$"not started: the initiative starts on {start:yyyy-MM-dd}"], [], []);

    /// <remarks>
    /// Each ingredient and risk weighs its rule's weight (the report's wording; <c>ListRules</c> says why), halved (by
    /// TentativeFactor) when it rests on an L-confidence observation. A risk whose missing element an earlier risk already
    /// counted adds nothing: SENIOR_LATE and a senior leadership gap resting on the same SENIOR_ENGAGEMENT_EARLY observation
    /// are one missing element. Cautions are listed, never scored.
    /// </remarks>
    public static MomentumOutlook From(string initiative, IEnumerable<Finding> findings, EvaluationOptions options)
    {
        var ordered = findings
            .OrderBy(f => f.Order)
            .ThenBy(f => f.Subject ?? "", StringComparer.Ordinal)
            .ToList();
        var titles = ordered.DistinctBy(f => f.RuleId).ToDictionary(f => f.RuleId, f => f.Title, StringComparer.Ordinal);
        var contributions = new List<OutlookContribution>();
        var counted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var finding in ordered.Where(f => f.Polarity != Polarity.Caution))
        {
            var name = finding.RuleId + (finding.Subject is null ? "" : $" ({finding.Subject})");
            var earlier = finding.MissingElements.Count > 0 && finding.MissingElements.All(counted.ContainsKey)
                ? counted[finding.MissingElements[0]]
                : null;
            if (earlier is not null)
            {
                contributions.Add(new(finding.RuleId, finding.Subject, 0, finding.Tentative, false,
                    $"the same missing element ({string.Join(", ", finding.MissingElements)}) is already counted under {earlier}"));
                continue;
            }
            foreach (var element in finding.MissingElements)
            {
                counted.TryAdd(element, name);
            }
            var weight = options.WeightOf(finding.RuleId, finding.Weight) * (finding.Tentative ? options.TentativeFactor : 1);
            var signed = finding.Polarity == Polarity.Ingredient ? weight : -weight;
            contributions.Add(new(finding.RuleId, finding.Subject, signed, finding.Tentative, true,
                finding.Tentative ? $"tentative (rests on an L-confidence observation): {Format(options.TentativeFactor)} of the rule's weight" : "the rule's weight"));
        }
        var cautions = ordered.Where(f => f.Polarity == Polarity.Caution)
            .Select(f => $"{f.RuleId}{(f.Subject is null ? "" : $" ({f.Subject})")}: {f.Title}")
            .ToList();
        var score = Math.Round(contributions.Sum(c => c.Weight), 6);
        var scored = contributions.Count(c => c.Counted);
        var reasons = contributions
            .Select(c => $"{(c.Counted ? Signed(c.Weight) : "±0")} {c.RuleId}{(c.Subject is null ? "" : $" ({c.Subject})")}: {titles[c.RuleId]}"
                + (c.Tentative || !c.Counted ? $" [{c.Reason}]" : ""))
            .Concat(cautions.Select(c => $"caution, not scored: {c}"))
            .ToList();
        OutlookRating rating;
        if (scored < options.MinimumScoredFindings)
        {
            rating = OutlookRating.InsufficientEvidence;
            reasons.Add((scored == 1 ? "only 1 ingredient or risk could" : $"only {scored} ingredients and risks could")
                + $" be assessed; at least {options.MinimumScoredFindings} are needed for a rating");
        }
        else
        {
            rating = score >= options.StrongOutlookAtLeast ? OutlookRating.Strong
                : score < options.AtRiskOutlookBelow ? OutlookRating.AtRisk
                : OutlookRating.Moderate;
            reasons.Add($"score {Format(score)}: STRONG from {Format(options.StrongOutlookAtLeast)}, AT_RISK below {Format(options.AtRiskOutlookBelow)}");
        }
        return new MomentumOutlook(initiative, rating, score, reasons, contributions, cautions);
    }

    private static string Signed(double weight) => (weight >= 0 ? "+" : "") + Format(weight);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
