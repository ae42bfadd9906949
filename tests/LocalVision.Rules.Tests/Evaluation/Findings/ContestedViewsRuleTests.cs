using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>CONTESTED_VIEWS: observations of one outcome, from different evidence, on both sides of "partly".</summary>
public sealed class ContestedViewsRuleTests
{
    private static RuleRun Fire(params object[] facts) => RuleRun.Fire("CONTESTED_VIEWS", [Given.Settings(), Given.Initiative(), .. facts]);

    [Fact]
    public void Fire_TwoPartnersDisagreeOnMomentum_FindsACautionOnThatCode()
    {
        var run = Fire(Given.Observation(Codes.Momentum, 0.75, name: "observations/a"), Given.Observation(Codes.Momentum, 0.25, name: "observations/b")
            with { Evidence = ["evidence/other"] });

        var finding = run.Single("CONTESTED_VIEWS");
        Assert.Equal((Polarity.Caution, Codes.Momentum), (finding.Polarity, finding.Subject));
        Assert.Equal(["observations/a", "observations/b"], finding.Observations);
        Assert.Equal(["evidence/other", "evidence/test-momentum"], finding.Evidence);
    }

    [Fact]
    public void Fire_SameEvidenceBothWays_DoesNotFire()
    {
        var run = Fire(Given.Observation(Codes.Momentum, 0.75, name: "observations/a"), Given.Observation(Codes.Momentum, 0.25, name: "observations/b"));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_AgreeingAndMixedObservations_DoNotFire()
    {
        var run = Fire(Given.Observation(Codes.Momentum, 0.75, name: "observations/a"),
            Given.Observation(Codes.Momentum, 0.5, name: "observations/b") with { Evidence = ["evidence/other"] },
            Given.Observation(Codes.Momentum, 1, name: "observations/c") with { Evidence = ["evidence/third"] });

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_DisagreementOnAContextCode_IsNotAnOutcomeAndDoesNotFire()
    {
        var run = Fire(Given.Observation(Codes.MouAgreed, 1, name: "observations/a"),
            Given.Observation(Codes.MouAgreed, 0, name: "observations/b") with { Evidence = ["evidence/other"] });

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Definition_NoContextToAssess_IsNeverListedAsNotAssessed()
    {
        Assert.False(RuleCatalogue.Cmo("CONTESTED_VIEWS").ListsUnassessed);
        Assert.DoesNotContain(OpenWorld.NotAssessed([]), u => u.Rule == "CONTESTED_VIEWS");
    }
}
