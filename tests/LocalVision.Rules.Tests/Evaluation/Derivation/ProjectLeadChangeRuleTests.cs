using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class ProjectLeadChangeRuleTests
{
    [Fact]
    public void Fire_OneLeadLeavesAndAnotherStarts_DerivesTheChange()
    {
        var run = RuleRun.Fire(typeof(ProjectLeadChangeRule),
            Given.Person("first", "PROJECT_LEAD", from: new(2013, 11, 1), to: new(2014, 5, 1)),
            Given.Person("second", "PROJECT_LEAD", from: new(2014, 5, 1)));

        var change = Assert.Single(run.Facts<CodeValue>());
        Assert.Equal(DerivedCodes.ProjectLeadChanged, change.Code);
        Assert.Equal(1, change.Score);
        Assert.Equal(["people/first", "people/second"], change.Nodes);
        Assert.Contains("until 2014-05-01", change.Source);
    }

    [Fact]
    public void Fire_OverlappingLeads_DerivesNothing()
    {
        var run = RuleRun.Fire(typeof(ProjectLeadChangeRule),
            Given.Person("first", "PROJECT_LEAD", from: new(2013, 11, 1), to: new(2014, 5, 1)),
            Given.Person("second", "PROJECT_LEAD", from: new(2014, 1, 1)));

        Assert.Empty(run.Facts<CodeValue>());
    }

    [Fact]
    public void Fire_SuccessorInAnotherRole_DerivesNothing()
    {
        var run = RuleRun.Fire(typeof(ProjectLeadChangeRule),
            Given.Person("first", "PROJECT_LEAD", from: new(2013, 11, 1), to: new(2014, 5, 1)),
            Given.Person("second", "SENIOR_LEADER", from: new(2014, 5, 1)));

        Assert.Empty(run.Facts<CodeValue>());
    }

    [Fact]
    public void Fire_LeadStillInPost_DerivesNothing()
    {
        var run = RuleRun.Fire(typeof(ProjectLeadChangeRule),
            Given.Person("first", "PROJECT_LEAD", from: new(2013, 11, 1)),
            Given.Person("second", "PROJECT_LEAD", from: new(2014, 5, 1)));

        Assert.Empty(run.Facts<CodeValue>());
    }
}
