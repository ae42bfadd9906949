using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>PUBLIC_HEALTH_EXPERIMENT: fires where its context holds, not where evidence contradicts it, and is not assessed where a condition is unknown.</summary>
public sealed class PublicHealthExperimentRuleTests
{
    private static readonly OpenWorld Rule = new("PUBLIC_HEALTH_EXPERIMENT");

    [Fact]
    public void Fire_PublicHealthLead_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "public health owned", Given.Derived(Codes.OwnerPublicHealth, 1));
    }

    [Fact]
    public void Fire_PublicHealthCoded_FindsAnIngredient()
    {
        Rule.AssertFinds(Polarity.Ingredient, "public health owned", Given.Coded(Codes.OwnerPublicHealth, 0.75));
    }

    [Fact]
    public void Fire_CodedAbsent_DoesNotFireAndIsDecided()
    {
        Rule.AssertDecided(Given.Coded(Codes.OwnerPublicHealth, 0));
    }

    [Fact]
    public void Fire_OwnerUnknown_DoesNotFireAndIsNotAssessed()
    {
        Rule.AssertNotAssessed(["OWNER_PUBLIC_HEALTH"]);
    }

    [Theory]
    [InlineData(1.0, MechanismObserved.Yes)]
    [InlineData(0.0, MechanismObserved.No)]
    [InlineData(0.5, MechanismObserved.Unknown)]
    [InlineData(-1.0, MechanismObserved.Unknown)]
    public void Fire_PermissionToExperimentCoded_SaysWhetherTheMechanismWasObserved(double score, MechanismObserved expected)
    {
        Rule.AssertMechanism(Codes.PermissionToExperiment, score, expected, Given.Derived(Codes.OwnerPublicHealth, 1));
    }
}
