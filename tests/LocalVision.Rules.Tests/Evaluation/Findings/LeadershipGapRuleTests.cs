using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

/// <summary>LEADERSHIP_GAP: one risk per element absent on evidence; an element nobody can judge is not assessed.</summary>
public sealed class LeadershipGapRuleTests
{
    private static readonly string[] Gaps =
    [
        "LEADERSHIP_GAP/SENIOR", "LEADERSHIP_GAP/POLITICAL", "LEADERSHIP_GAP/PROJECT_LEAD", "LEADERSHIP_GAP/ENABLER",
        "LEADERSHIP_GAP/CLINICAL", "LEADERSHIP_GAP/COMMUNITY",
    ];

    private static Condition Element(string element, double score) => Given.Derived(LeadershipElements.CodeOf(element), score);

    [Fact]
    public void Fire_ClinicalElementAbsent_FindsOneRiskForThatElement()
    {
        var run = RuleRun.Fire(Gaps, [Given.Settings(), Given.Initiative(), Element(LeadershipElements.Clinical, 0), Element(LeadershipElements.Senior, 1)]);

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("LEADERSHIP_GAP", LeadershipElements.Clinical, Polarity.Risk), (finding.RuleId, finding.Subject, finding.Polarity));
        Assert.Contains("clinical leadership", finding.Explanation);
        Assert.Equal([LeadershipElements.CodeOf(LeadershipElements.Clinical)], finding.MissingElements);
    }

    [Fact]
    public void Fire_TwoElementsAbsent_FindsOneEach()
    {
        var run = RuleRun.Fire(Gaps, [Given.Settings(), Given.Initiative(), Element(LeadershipElements.Clinical, 0), Element(LeadershipElements.Community, 0)]);

        Assert.Equal([LeadershipElements.Clinical, LeadershipElements.Community], run.Findings.Select(f => f.Subject).Order());
    }

    [Fact]
    public void Fire_ElementsPresent_FindsNothingAndDecidesThem()
    {
        var conditions = LeadershipElements.All.Select(e => Element(e, 1)).ToList();

        var run = RuleRun.Fire(Gaps, [Given.Settings(), Given.Initiative(), .. conditions]);

        Assert.Empty(run.Findings);
        Assert.DoesNotContain(OpenWorld.NotAssessed(conditions), u => u.Rule == "LEADERSHIP_GAP");
    }

    [Fact]
    public void Fire_ElementsUnknown_FindsNothingAndListsEachAsNotAssessedWithWhatWouldSettleIt()
    {
        var run = RuleRun.Fire(Gaps, [Given.Settings(), Given.Initiative()]);

        Assert.Empty(run.Findings);
        var unassessed = OpenWorld.NotAssessed([]).Where(u => u.Rule == "LEADERSHIP_GAP").ToList();
        Assert.Equal(LeadershipElements.All, unassessed.Select(u => u.Subject));
        var clinical = unassessed.Single(u => u.Subject == LeadershipElements.Clinical);
        Assert.Equal([Codes.ClinicianEngagement, Codes.PeopleComplete], clinical.MissingCodes);
        Assert.Equal(["7.4.1"], clinical.Sections);
    }

    [Fact]
    public async Task Fire_OverGraphWithManyPeopleButNoCensus_NoGap()
    {
        var graph = new InitiativeGraph("case").Partner("council", "LOCAL_AUTHORITY", "LEAD")
            .Person("a", "SENIOR_LEADER", "council").Person("b", "PROJECT_LEAD", "council").Person("c", "ELECTED_MEMBER", "council")
            .Person("d", "FRONTLINE", "council").Enabler("alder");

        var facts = await graph.ProjectAsync(Given.AsOf);

        var run = RuleRun.FireWithDerivations("LEADERSHIP_GAP/CLINICAL", facts.All().Prepend(Given.Settings()));

        Assert.Empty(run.Findings);
    }

    [Fact]
    public async Task Fire_OverGraphWithPeopleDeclaredComplete_GapForTheMissingRolesOnly()
    {
        var graph = new InitiativeGraph("case").Partner("council", "LOCAL_AUTHORITY", "LEAD")
            .Person("a", "SENIOR_LEADER", "council").Person("b", "PROJECT_LEAD", "council").Enabler("alder")
            .Observe(Codes.PeopleComplete, 1);
        var facts = await graph.ProjectAsync(Given.AsOf);

        var run = RuleRun.Fire([.. RuleRun.Derivations, .. Gaps], facts.All().Prepend(Given.Settings()));

        Assert.Equal([LeadershipElements.Political, LeadershipElements.Clinical, LeadershipElements.Community],
            run.Findings.OrderBy(f => LeadershipElements.OrderOf(f.Subject!)).Select(f => f.Subject));
        Assert.All(run.Findings, f => Assert.Contains(f.Observations, o => o.Contains("people-complete", StringComparison.Ordinal)));
    }
}
