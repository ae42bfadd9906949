using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class LeadershipGapRuleTests
{
    private static readonly Type[] Rules =
    [
        typeof(SeniorLeadershipGapRule), typeof(PoliticalLeadershipGapRule), typeof(ProjectLeadGapRule),
        typeof(EnablerGapRule), typeof(ClinicalLeadershipGapRule), typeof(CommunityLeadershipGapRule),
        typeof(LeadershipFromPersonRule), typeof(LeadershipFromEnablerRule), typeof(LeadershipFromConditionRule),
    ];

    private static IEnumerable<object> FullConfiguration() =>
    [
        Given.Settings(), Given.Initiative(),
        Given.Person("senior", "SENIOR_LEADER"), Given.Person("councillor", "ELECTED_MEMBER"), Given.Person("lead", "PROJECT_LEAD"),
        Given.Person("gp", "CLINICIAN"), Given.Person("resident", "COMMUNITY_MEMBER"),
        Given.Enabler("alder", Given.Start, Given.End),
    ];

    [Fact]
    public void Fire_FullConfiguration_FindsNoGap()
    {
        var run = RuleRun.Fire(Rules, FullConfiguration());

        Assert.Empty(run.Findings);
        Assert.Equal(LeadershipElements.All.Order(), run.Facts<LeadershipElement>().Select(e => e.Element).Order());
    }

    [Theory]
    [InlineData("people/senior", LeadershipElements.Senior)]
    [InlineData("people/councillor", LeadershipElements.Political)]
    [InlineData("people/lead", LeadershipElements.ProjectLead)]
    [InlineData("people/gp", LeadershipElements.Clinical)]
    [InlineData("people/resident", LeadershipElements.Community)]
    [InlineData("enablers/alder", LeadershipElements.Enabler)]
    public void Fire_OneElementMissing_FindsOneRiskForThatElement(string missing, string element)
    {
        var facts = FullConfiguration()
            .Where(f => f is not PersonRole person || person.Person != missing)
            .Where(f => f is not EnablerEngagement engagement || engagement.Enabler != missing);

        var run = RuleRun.Fire(Rules, facts);

        var finding = run.Single(RuleIds.LeadershipGap);
        Assert.Equal(Polarity.Risk, finding.Polarity);
        Assert.Equal(element, finding.Subject);
        Assert.Contains(LeadershipElements.Describe(element), finding.Explanation);
    }

    [Fact]
    public void Fire_ElementShownByCodedEngagement_FindsNoGapForIt()
    {
        var facts = FullConfiguration().Where(f => f is not PersonRole { Person: "people/gp" })
            .Append(Given.Coded(Codes.ClinicianEngagement, 0.75));

        var run = RuleRun.Fire(Rules, facts);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_FewPeopleRecorded_JudgesNoConfiguration()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), Given.Person("senior", "SENIOR_LEADER")]);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_FewPeopleButEngagementCodedAbsent_FindsThatGapCitingTheObservation()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), Given.Person("senior", "SENIOR_LEADER"), Given.Coded(Codes.PoliticalEngagement, 0)]);

        var finding = run.Single(RuleIds.LeadershipGap);
        Assert.Equal(LeadershipElements.Political, finding.Subject);
        Assert.Equal(["observations/test-political-engagement"], finding.Observations);
    }

    [Fact]
    public void Fire_ThreePeopleWithOnlySeniors_FindsOneGapPerMissingElement()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), .. Given.People(3)]);

        Assert.Equal(
            [LeadershipElements.Clinical, LeadershipElements.Community, LeadershipElements.Enabler, LeadershipElements.Political, LeadershipElements.ProjectLead],
            run.Findings.Select(f => f.Subject!).Order(StringComparer.Ordinal));
    }
}
