using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class AlignmentRulesTests
{
    private static readonly Type[] Rules = [typeof(BetterCareFundAlignmentRule), typeof(PlaceBasedAlignmentRule)];

    private static ProgrammeAlignment Aligned(string name, string? effect, string? programme = null) =>
        new(Given.Name, "initiatives/programme", name, programme is null ? [name] : [name, programme], effect);

    [Fact]
    public void Fire_AlignedWithBetterCareFund_DerivesAlignedBcfCarryingTheEffect()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Aligned("Better Care Fund (Dorset)", "DISTRACTS")]);

        var value = Assert.Single(run.Facts<CodeValue>());
        Assert.Equal(Codes.AlignedBcf, value.Code);
        Assert.Equal("DISTRACTS", value.Effect);
        Assert.Equal(["initiatives/programme"], value.Nodes);
    }

    [Theory]
    [InlineData("Vanguard new care model (Dudley)")]
    [InlineData("BrightLife (West Cheshire)")]
    [InlineData("Better Together programme")]
    public void Fire_AlignedWithPlaceBasedProgramme_DerivesAlignedPlaceBased(string name)
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Aligned(name, "COMPLEMENTS")]);

        Assert.Equal(Codes.AlignedPlaceBased, Assert.Single(run.Facts<CodeValue>()).Code);
    }

    [Fact]
    public void Fire_ProgrammePropertyNamesTheFund_RecognisesIt()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Aligned("Local pooled budget", null, programme: "better care fund")]);

        Assert.Equal(Codes.AlignedBcf, Assert.Single(run.Facts<CodeValue>()).Code);
    }

    [Fact]
    public void Fire_UnrecognisedProgramme_DerivesNothing()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Aligned("Integrated Care and Support in Solihull (ICASS)", null)]);

        Assert.Empty(run.Facts<CodeValue>());
    }

    [Fact]
    public void Fire_ConfiguredPlaceBasedName_RecognisesIt()
    {
        var options = EvaluationOptions.Default with { PlaceBasedProgrammeNames = ["ICASS"] };

        var run = RuleRun.Fire(Rules, [Given.Settings(options: options), Aligned("Integrated Care and Support in Solihull (ICASS)", null)]);

        Assert.Equal(Codes.AlignedPlaceBased, Assert.Single(run.Facts<CodeValue>()).Code);
    }

    [Fact]
    public void Fire_BetterCareFundNamedLikeAPlaceBasedProgramme_IsOnlyTheFund()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Aligned("Better Care Fund and Better Together", "MIXED")]);

        Assert.Equal(Codes.AlignedBcf, Assert.Single(run.Facts<CodeValue>()).Code);
    }
}
