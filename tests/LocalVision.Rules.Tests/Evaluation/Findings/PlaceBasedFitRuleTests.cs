using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class PlaceBasedFitRuleTests
{
    [Theory]
    [InlineData("COMPLEMENTS")]
    [InlineData(null)]
    public void Fire_AlignedWithPlaceBasedProgramme_FindsIngredient(string? effect)
    {
        var run = RuleRun.Fire(typeof(PlaceBasedFitRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.AlignedPlaceBased, 1, effect));

        Assert.Equal(Polarity.Ingredient, run.Single(RuleIds.PlaceBasedFit).Polarity);
    }

    [Fact]
    public void Fire_ProgrammeDistracts_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(PlaceBasedFitRule), Given.Settings(), Given.Initiative(), Given.Derived(Codes.AlignedPlaceBased, 1, "DISTRACTS"));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_NotAligned_DoesNotFire()
    {
        var run = RuleRun.Fire(typeof(PlaceBasedFitRule), Given.Settings(), Given.Initiative());

        Assert.Empty(run.Findings);
    }
}
