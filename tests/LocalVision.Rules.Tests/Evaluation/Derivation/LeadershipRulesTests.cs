using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

/// <summary>The leadership configuration is three-valued: a role recorded shows an element; only coding or declared completeness shows a gap.</summary>
public sealed class LeadershipRulesTests
{
    private static readonly Type[] Rules =
    [
        typeof(SeniorLeadershipRule), typeof(PoliticalLeadershipRule), typeof(ProjectLeadershipRule), typeof(EnablerLeadershipRule),
        typeof(ClinicalLeadershipRule), typeof(CommunityLeadershipRule), typeof(ResolveConditionRule),
    ];

    private static RuleRun Fire(params object[] facts) => RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), .. facts]);

    private static Condition? Element(RuleRun run, string element) =>
        run.Facts<Condition>().SingleOrDefault(c => c.Code == LeadershipElements.CodeOf(element));

    [Theory]
    [InlineData("SENIOR_LEADER", LeadershipElements.Senior)]
    [InlineData("ELECTED_MEMBER", LeadershipElements.Political)]
    [InlineData("PROJECT_LEAD", LeadershipElements.ProjectLead)]
    [InlineData("CLINICIAN", LeadershipElements.Clinical)]
    [InlineData("COMMUNITY_MEMBER", LeadershipElements.Community)]
    public void Fire_PersonWithRole_ElementPresentCitingThePerson(string role, string element)
    {
        var run = Fire(Given.Person("someone", role));

        var found = Element(run, element)!;
        Assert.Equal(ConditionValue.Present, found.Value);
        Assert.Contains("people/someone", Assert.Single(found.DerivedFacts).Nodes);
    }

    [Fact]
    public void Fire_ManyPeopleButNoClinician_ClinicalElementUnknown()
    {
        var run = Fire(Given.Person("a", "SENIOR_LEADER"), Given.Person("b", "PROJECT_LEAD"), Given.Person("c", "ELECTED_MEMBER"),
            Given.Person("d", "FRONTLINE"), Given.Person("e", "SENIOR_LEADER"));

        Assert.Null(Element(run, LeadershipElements.Clinical));
        Assert.Null(Element(run, LeadershipElements.Community));
    }

    [Fact]
    public void Fire_PeopleDeclaredCompleteWithoutAClinician_ClinicalElementAbsent()
    {
        var run = Fire(Given.Person("a", "SENIOR_LEADER"), Given.Coded(Codes.PeopleComplete, 1));

        var clinical = Element(run, LeadershipElements.Clinical)!;
        Assert.Equal(ConditionValue.Absent, clinical.Value);
        Assert.Equal([LeadershipElements.CodeOf(LeadershipElements.Clinical)], clinical.Basis);
        Assert.Equal(ConditionValue.Present, Element(run, LeadershipElements.Senior)!.Value);
    }

    [Fact]
    public void Fire_PeopleCompletenessPartly_ElementsStayUnknown()
    {
        var run = Fire(Given.Person("a", "SENIOR_LEADER"), Given.Coded(Codes.PeopleComplete, 0.5));

        Assert.Null(Element(run, LeadershipElements.Clinical));
    }

    [Fact]
    public void Fire_EngagementCodedAbsent_ElementAbsentRestingOnTheCode()
    {
        var run = Fire(Given.Coded(Codes.SeniorEngagementEarly, 0));

        var senior = Element(run, LeadershipElements.Senior)!;
        Assert.Equal(ConditionValue.Absent, senior.Value);
        Assert.Equal([Codes.SeniorEngagementEarly], senior.Basis);
        Assert.Contains("observations/test-senior-engagement-early", Assert.Single(senior.DerivedFacts).Nodes);
    }

    [Fact]
    public void Fire_EngagementCodedAbsentButSuchAPersonRecorded_ElementPresent()
    {
        var run = Fire(Given.Coded(Codes.PoliticalEngagement, 0.25), Given.Person("councillor", "ELECTED_MEMBER"));

        Assert.Equal(ConditionValue.Present, Element(run, LeadershipElements.Political)!.Value);
    }

    [Fact]
    public void Fire_EngagementCodedPresent_ElementPresentWithoutAnyPerson()
    {
        var run = Fire(Given.Coded(Codes.PoliticalEngagement, 0.75));

        Assert.Equal(ConditionValue.Present, Element(run, LeadershipElements.Political)!.Value);
    }

    [Fact]
    public void Fire_EngagementCodedPartly_ElementUnknown()
    {
        var run = Fire(Given.Coded(Codes.ClinicianEngagement, 0.5));

        Assert.Null(Element(run, LeadershipElements.Clinical));
    }

    [Fact]
    public void Fire_EnablerEngaged_EnablerElementPresentWithItsMode()
    {
        var run = Fire(Given.Enabler("alder", Given.Start, Given.End, "PAIR"));

        Assert.Contains("PAIR", Element(run, LeadershipElements.Enabler)!.Describe());
    }

    [Theory]
    [InlineData("FRONTLINE")]
    [InlineData("PROJECT_SUPPORT")]
    public void Fire_RoleOutsideTheConfiguration_ShowsNoElement(string role)
    {
        var run = Fire(Given.Person("someone", role));

        Assert.All(LeadershipElements.All, e => Assert.Null(Element(run, e)));
    }
}
