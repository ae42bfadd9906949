using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Evaluation.Outlook;

namespace LocalVision.Rules.Evaluation;

/// <summary>What the rules found about one initiative as of a date.</summary>
/// <param name="Findings">In rule-catalogue order, then by subject.</param>
/// <param name="Conditions">Every code's resolved value with its coded and derived sources, in code order: what the rules saw.</param>
/// <param name="Leadership">The elements of the leadership configuration found present, with who shows each.</param>
public sealed record Evaluation(
    string Initiative,
    string DisplayName,
    DateOnly AsOf,
    IReadOnlyList<Finding> Findings,
    MomentumOutlook Outlook,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<LeadershipElement> Leadership);
