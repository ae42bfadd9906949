using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Evaluation.Outlook;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Outlook;

public sealed class MomentumOutlookRuleTests
{
    private static Finding Found(string ruleId, string? subject = null) =>
        Finding.Of(ruleId, Given.Initiative(), "found in a test", [], null, null, subject);

    private static MomentumOutlook Outlook(params Finding[] findings)
    {
        var run = RuleRun.Fire(typeof(MomentumOutlookRule), [Given.Settings(), Given.Initiative(), .. findings]);
        return Assert.Single(run.Facts<MomentumOutlook>());
    }

    [Fact]
    public void Fire_NoFindings_InsufficientEvidence()
    {
        var outlook = Outlook();

        Assert.Equal(OutlookRating.InsufficientEvidence, outlook.Rating);
        Assert.Equal("INSUFFICIENT_EVIDENCE", outlook.RatingName);
        Assert.Equal(0, outlook.Score);
    }

    [Fact]
    public void Fire_IngredientsOutweighRisks_Strong()
    {
        var outlook = Outlook(Found(RuleIds.SeniorEarly), Found(RuleIds.PriorTie), Found(RuleIds.ScaleUpLikely), Found(RuleIds.BcfDistraction));

        Assert.Equal(OutlookRating.Strong, outlook.Rating);
        Assert.Equal(2.5, outlook.Score);
        Assert.Contains(outlook.Reasons, r => r.StartsWith("+1 SENIOR_EARLY", StringComparison.Ordinal));
        Assert.Contains(outlook.Reasons, r => r.StartsWith("-0.5 BCF_DISTRACTION", StringComparison.Ordinal));
    }

    [Fact]
    public void Fire_RisksOutweighIngredients_AtRisk()
    {
        var outlook = Outlook(Found(RuleIds.NoSupport), Found(RuleIds.ShortNoFollowOn), Found(RuleIds.FewClinicians), Found(RuleIds.SeniorEarly));

        Assert.Equal(OutlookRating.AtRisk, outlook.Rating);
        Assert.Equal(-1.5, outlook.Score);
    }

    [Fact]
    public void Fire_Balanced_Moderate()
    {
        var outlook = Outlook(Found(RuleIds.SeniorEarly), Found(RuleIds.NoMou), Found(RuleIds.BcfDistraction));

        Assert.Equal(OutlookRating.Moderate, outlook.Rating);
    }

    [Fact]
    public void Fire_SeveralGapsOfOneRule_CountOnceAndNameEachSubject()
    {
        var outlook = Outlook(Found(RuleIds.LeadershipGap, "CLINICAL"), Found(RuleIds.LeadershipGap, "COMMUNITY"), Found(RuleIds.SeniorEarly), Found(RuleIds.PriorTie));

        Assert.Equal(1, outlook.Score);
        Assert.Contains(outlook.Reasons, r => r.StartsWith("-1 LEADERSHIP_GAP (CLINICAL, COMMUNITY)", StringComparison.Ordinal));
    }

    [Fact]
    public void Fire_FindingRetracted_OutlookFollows()
    {
        var risk = Found(RuleIds.NoSupport);
        var run = RuleRun.Fire(typeof(MomentumOutlookRule),
            [Given.Settings(), Given.Initiative(), risk, Found(RuleIds.ShortNoFollowOn), Found(RuleIds.SeniorEarly), Found(RuleIds.PriorTie), Found(RuleIds.ScaleUpLikely)]);
        Assert.Equal(OutlookRating.Moderate, Assert.Single(run.Facts<MomentumOutlook>()).Rating);

        run.Retract(risk);

        Assert.Equal(OutlookRating.Strong, Assert.Single(run.Facts<MomentumOutlook>()).Rating);
    }

    [Fact]
    public void From_CustomWeights_AreUsed()
    {
        var options = EvaluationOptions.Default with { CautionWeight = 2, MinimumRulesForOutlook = 1 };

        var outlook = MomentumOutlook.From(Given.Name, [Found(RuleIds.BcfDistraction)], options);

        Assert.Equal(-2, outlook.Score);
        Assert.Equal(OutlookRating.AtRisk, outlook.Rating);
    }
}
