using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>BURNING_PLATFORM: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class BurningPlatformRuleTests
{
    private static RuleRun Fire(params Condition[] conditions) => OpenWorld.Fire(typeof(BurningPlatformRule), conditions);

    [Fact]
    public void Fire_ImperativeSharedByPartners_FindsAnIngredient()
    {
        var conditions = new[] { Given.Coded(Codes.BurningPlatform, 1), Given.Derived(DerivedCodes.SeveralPartners, 1) };

        var finding = Fire(conditions).Single(RuleIds.BurningPlatform);

        Assert.Equal(Polarity.Ingredient, finding.Polarity);
        Assert.Contains("range of partners", finding.Explanation);
        Assert.Equal(conditions.SelectMany(c => c.Observations).Order(StringComparer.Ordinal), finding.Observations);
        Assert.False(finding.Tentative);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BurningPlatform);
    }

    [Fact]
    public void Fire_NoImperative_DoesNotFireAndIsDecided()
    {
        var conditions = new[] { Given.Coded(Codes.BurningPlatform, 0), Given.Derived(DerivedCodes.SeveralPartners, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BurningPlatform);
    }

    [Fact]
    public void Fire_TooFewPartnersRecorded_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Coded(Codes.BurningPlatform, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BurningPlatform);
        Assert.Equal(["SEVERAL_PARTNERS"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ImperativeUnknown_DoesNotFireAndIsNotAssessed()
    {
        var conditions = new Condition[] { Given.Derived(DerivedCodes.SeveralPartners, 1) };

        var run = Fire(conditions);

        Assert.Empty(run.Findings);
        var unassessed = Assert.Single(OpenWorld.NotAssessed(conditions), u => u.Rule == RuleIds.BurningPlatform);
        Assert.Equal(["BURNING_PLATFORM"], unassessed.Unknown);
    }

    [Fact]
    public void Fire_ContextOnALowConfidenceObservation_IsTentative()
    {
        var finding = Fire(Given.Coded(Codes.BurningPlatform, 1, "L"), Given.Derived(DerivedCodes.SeveralPartners, 1)).Single(RuleIds.BurningPlatform);

        Assert.True(finding.Tentative);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_SharedNarrativeCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        var mechanism = score < 0 ? [] : new[] { Given.Coded(Codes.SharedNarrative, score) };

        var finding = Fire([Given.Coded(Codes.BurningPlatform, 1), Given.Derived(DerivedCodes.SeveralPartners, 1), .. mechanism]).Single(RuleIds.BurningPlatform);

        Assert.Equal(Codes.SharedNarrative, finding.Mechanism!.Code);
        Assert.Equal(expected, finding.Mechanism.Observed);
        Assert.Equal(mechanism.SelectMany(m => m.Observations), finding.Mechanism.Observations);
    }
}
