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
}

/// <summary>How likely the initiative is to build momentum, from its findings, with the reason for each point.</summary>
/// <param name="Reasons">One line per finding with its contribution, e.g. <c>+1 SENIOR_EARLY: ...</c>, then the verdict.</param>
public sealed record MomentumOutlook(string Initiative, OutlookRating Rating, double Score, IReadOnlyList<string> Reasons)
{
    /// <summary>STRONG, MODERATE, AT_RISK or INSUFFICIENT_EVIDENCE.</summary>
    public string RatingName => Rating switch
    {
        OutlookRating.Strong => "STRONG",
        OutlookRating.Moderate => "MODERATE",
        OutlookRating.AtRisk => "AT_RISK",
        _ => "INSUFFICIENT_EVIDENCE",
    };

    /// <remarks>
    /// Each rule counts once, however often it fired: three leadership gaps are one weakened configuration, and
    /// counting them three times would let one rule outvote the rest. The reasons still list every subject.
    /// </remarks>
    public static MomentumOutlook From(string initiative, IEnumerable<Finding> findings, EvaluationOptions options)
    {
        var rules = findings
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => RuleCatalogue.OrderOf(g.Key))
            .ToList();
        var reasons = new List<string>();
        var score = 0.0;
        foreach (var rule in rules)
        {
            var first = rule.First();
            var weight = first.Polarity switch
            {
                Polarity.Ingredient => options.IngredientWeight,
                Polarity.Risk => -options.RiskWeight,
                _ => -options.CautionWeight,
            };
            score += weight;
            var subjects = rule.Select(f => f.Subject).OfType<string>().Order(StringComparer.Ordinal).ToList();
            reasons.Add($"{Signed(weight)} {rule.Key}{(subjects.Count == 0 ? "" : $" ({string.Join(", ", subjects)})")}: {first.Title}");
        }
        OutlookRating rating;
        if (rules.Count < options.MinimumRulesForOutlook)
        {
            rating = OutlookRating.InsufficientEvidence;
            reasons.Add($"only {rules.Count} rule(s) fired; at least {options.MinimumRulesForOutlook} are needed for a rating");
        }
        else
        {
            rating = score >= options.StrongOutlookAtLeast ? OutlookRating.Strong
                : score < options.AtRiskOutlookBelow ? OutlookRating.AtRisk
                : OutlookRating.Moderate;
            reasons.Add($"score {Format(score)}: STRONG from {Format(options.StrongOutlookAtLeast)}, AT_RISK below {Format(options.AtRiskOutlookBelow)}");
        }
        return new MomentumOutlook(initiative, rating, score, reasons);
    }

    private static string Signed(double weight) => (weight >= 0 ? "+" : "") + Format(weight);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
