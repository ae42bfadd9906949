using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Evaluation.Outlook;

namespace LocalVision.Rules.Evaluation.Language;

/// <summary>What one initiative's evaluation gains and loses between two versions of the programme theory.</summary>
/// <param name="Gained">Findings the later version makes and the earlier did not (by rule and subject).</param>
/// <param name="Lost">Findings the earlier version made and the later does not.</param>
public sealed record TheoryComparison(
    string Initiative, string DisplayName, IReadOnlyList<Finding> Gained, IReadOnlyList<Finding> Lost, MomentumOutlook Before, MomentumOutlook After)
{
    /// <summary>The comparison of one initiative's two evaluations; null when they find the same.</summary>
    public static TheoryComparison? Of(Evaluation before, Evaluation after)
    {
        var was = before.Findings.Select(Key).ToHashSet();
        var now = after.Findings.Select(Key).ToHashSet();
        var gained = after.Findings.Where(f => !was.Contains(Key(f))).ToList();
        var lost = before.Findings.Where(f => !now.Contains(Key(f))).ToList();
        return gained.Count == 0 && lost.Count == 0 ? null
            : new TheoryComparison(after.Initiative, after.DisplayName, gained, lost, before.Outlook, after.Outlook);
    }

    private static (string, string?) Key(Finding finding) => (finding.RuleId, finding.Subject);
}
