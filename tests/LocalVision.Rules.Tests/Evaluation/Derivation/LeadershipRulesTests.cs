using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class LeadershipRulesTests
{
    private static readonly Type[] Rules = [typeof(LeadershipFromPersonRule), typeof(LeadershipFromEnablerRule), typeof(LeadershipFromConditionRule)];

    [Theory]
    [InlineData("SENIOR_LEADER", LeadershipElements.Senior)]
    [InlineData("ELECTED_MEMBER", LeadershipElements.Political)]
    [InlineData("PROJECT_LEAD", LeadershipElements.ProjectLead)]
    [InlineData("CLINICIAN", LeadershipElements.Clinical)]
    [InlineData("COMMUNITY_MEMBER", LeadershipElements.Community)]
    public void Fire_PersonWithRole_DerivesTheElementCitingPersonAndPartner(string role, string element)
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Person("someone", role)]);

        var found = Assert.Single(run.Facts<LeadershipElement>());
        Assert.Equal(element, found.Element);
        Assert.Equal(["people/someone", "partners/council"], found.Nodes);
    }

    [Theory]
    [InlineData("FRONTLINE")]
    [InlineData("PROJECT_SUPPORT")]
    public void Fire_RoleOutsideTheConfiguration_DerivesNothing(string role)
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Person("someone", role)]);

        Assert.Empty(run.Facts<LeadershipElement>());
    }

    [Fact]
    public void Fire_EnablerEngaged_DerivesTheEnablerElement()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Enabler("alder", Given.Start, Given.End, "PAIR")]);

        var found = Assert.Single(run.Facts<LeadershipElement>());
        Assert.Equal(LeadershipElements.Enabler, found.Element);
        Assert.Contains("PAIR", found.Source);
    }

    [Fact]
    public void Fire_PoliticalEngagementCodedPresent_DerivesThePoliticalElement()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Coded(Codes.PoliticalEngagement, 0.75)]);

        var found = Assert.Single(run.Facts<LeadershipElement>());
        Assert.Equal(LeadershipElements.Political, found.Element);
        Assert.Equal(["observations/test-political-engagement"], found.Nodes);
    }

    [Fact]
    public void Fire_EngagementCodedPartly_DerivesNothing()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Coded(Codes.ClinicianEngagement, 0.5)]);

        Assert.Empty(run.Facts<LeadershipElement>());
    }
}
