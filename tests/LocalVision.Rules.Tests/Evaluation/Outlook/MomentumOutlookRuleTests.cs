using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Evaluation.Outlook;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Outlook;

public sealed class MomentumOutlookRuleTests
{
    /// <summary>A finding of a rule, as if its context held on one coded condition.</summary>
    private static Finding Found(string ruleId, string? subject = null, bool tentative = false, params string[] missing) =>
        Finding.Of(RuleCatalogue.Cmo(ruleId), Given.Initiative(), "found in a test", [Given.Coded(Codes.MouAgreed, 1, tentative ? "L" : "H")])
            with { Subject = subject, MissingElements = missing };

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
    public void Fire_IngredientsWeighedByTheirRulesWeights_Strong()
    {
        var outlook = Outlook(Found("SENIOR_EARLY"), Found("PRIOR_TIE"), Found("LEARNING_NETWORK"), Found("BCF_DISTRACTION"));

        Assert.Equal(OutlookRating.Strong, outlook.Rating);
        Assert.Equal(2.5, outlook.Score);
        Assert.Contains(outlook.Reasons, r => r.StartsWith("+1 SENIOR_EARLY", StringComparison.Ordinal));
        Assert.Contains(outlook.Reasons, r => r.StartsWith("+0.5 LEARNING_NETWORK", StringComparison.Ordinal));
    }

    [Fact]
    public void Fire_Caution_IsListedBesideTheOutlookAndNeverScored()
    {
        var outlook = Outlook(Found("SENIOR_EARLY"), Found("BCF_DISTRACTION"), Found("DETECTION_ARTEFACT"));

        Assert.Equal(1, outlook.Score);
        Assert.Equal(["BCF_DISTRACTION", "DETECTION_ARTEFACT"], outlook.Cautions.Select(c => c.Split(':')[0]));
        Assert.DoesNotContain(outlook.Contributions, c => c.RuleId == "BCF_DISTRACTION");
        Assert.Equal(OutlookRating.InsufficientEvidence, outlook.Rating);
    }

    [Fact]
    public void Fire_RisksOutweighIngredients_AtRisk()
    {
        var outlook = Outlook(Found("NO_SUPPORT"), Found("SHORT_NO_FOLLOW_ON"), Found("TIME_PRESSURE"), Found("SENIOR_EARLY"));

        Assert.Equal(OutlookRating.AtRisk, outlook.Rating);
        Assert.Equal(-2, outlook.Score);
    }

    [Fact]
    public void Fire_Balanced_Moderate()
    {
        var outlook = Outlook(Found("SENIOR_EARLY"), Found("NO_MOU"), Found("TIME_PRESSURE"));

        Assert.Equal(OutlookRating.Moderate, outlook.Rating);
        Assert.Equal(-0.5, outlook.Score);
    }

    [Fact]
    public void Fire_TentativeFinding_WeighsHalfAndSaysSo()
    {
        var outlook = Outlook(Found("SENIOR_EARLY", tentative: true), Found("PRIOR_TIE"), Found("MOU_YARDSTICK"));

        Assert.Equal(2.5, outlook.Score);
        var senior = outlook.Contributions.Single(c => c.RuleId == "SENIOR_EARLY");
        Assert.True(senior.Tentative);
        Assert.Equal(0.5, senior.Weight);
    }

    [Fact]
    public void From_TentativeFactorConfigured_IsUsed()
    {
        var options = EvaluationOptions.Default with { TentativeFactor = 0.25, MinimumScoredFindings = 1 };

        var outlook = MomentumOutlook.From(Given.Name, [Found("SENIOR_EARLY", tentative: true)], options);

        Assert.Equal(0.25, outlook.Score);
    }

    [Fact]
    public void Fire_OneMissingElementBehindTwoRisks_CountsOnce()
    {
        var outlook = Outlook(
            Found("SENIOR_LATE", missing: Codes.SeniorEngagementEarly),
            Found("LEADERSHIP_GAP", "SENIOR", missing: Codes.SeniorEngagementEarly),
            Found("LEADERSHIP_GAP", "CLINICAL", missing: "LEADERSHIP_CLINICAL"),
            Found("PRIOR_TIE"));

        Assert.Equal(-1, outlook.Score);
        var repeat = outlook.Contributions.Single(c => c.Subject == "SENIOR");
        Assert.False(repeat.Counted);
        Assert.Contains("already counted under SENIOR_LATE", repeat.Reason);
        Assert.True(outlook.Contributions.Single(c => c.Subject == "CLINICAL").Counted);
    }

    [Fact]
    public void Fire_FindingRetracted_OutlookFollows()
    {
        var risk = Found("NO_SUPPORT");
        var run = RuleRun.Fire(typeof(MomentumOutlookRule),
            [Given.Settings(), Given.Initiative(), risk, Found("SENIOR_EARLY"), Found("PRIOR_TIE"), Found("SCALE_UP_LIKELY")]);
        Assert.Equal(OutlookRating.Strong, Assert.Single(run.Facts<MomentumOutlook>()).Rating);
        Assert.Equal(2, Assert.Single(run.Facts<MomentumOutlook>()).Score);

        run.Retract(risk);

        Assert.Equal(3, Assert.Single(run.Facts<MomentumOutlook>()).Score);
    }

    [Fact]
    public void From_ConfiguredWeight_ReplacesTheCatalogues()
    {
        var options = EvaluationOptions.Default with { Weights = new Dictionary<string, double> { ["NO_MOU"] = 3 }, MinimumScoredFindings = 1 };

        var outlook = MomentumOutlook.From(Given.Name, [Found("NO_MOU")], options);

        Assert.Equal(-3, outlook.Score);
        Assert.Equal(OutlookRating.AtRisk, outlook.Rating);
    }

    [Fact]
    public void NotStarted_SaysWhenItStarts()
    {
        var outlook = MomentumOutlook.NotStarted(Given.Name, new DateOnly(2015, 1, 1));

        Assert.Equal("NOT_STARTED", outlook.RatingName);
        Assert.Contains("2015-01-01", Assert.Single(outlook.Reasons));
    }
}
