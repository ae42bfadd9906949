using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Findings;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Findings;

public sealed class FewCliniciansRuleTests
{
    private static readonly Type[] Rules = [typeof(FewCliniciansCodedRule), typeof(FewCliniciansRecordedRule)];

    [Fact]
    public void Fire_ClinicianEngagementCodedAbsent_FindsCautionFromTheObservation()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), Given.Coded(Codes.ClinicianEngagement, 0.25)]);

        var finding = run.Single(RuleIds.FewClinicians);
        Assert.Equal(Polarity.Caution, finding.Polarity);
        Assert.Equal(["observations/test-clinician-engagement"], finding.Observations);
        Assert.Equal(["FEW_CLINICIANS/CODED"], run.Fired.Where(r => r.StartsWith(RuleIds.FewClinicians, StringComparison.Ordinal)));
    }

    [Fact]
    public void Fire_NoClinicianAmongPeopleRecorded_FindsCautionFromThePeople()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), .. Given.People(4)]);

        var finding = run.Single(RuleIds.FewClinicians);
        Assert.Empty(finding.Observations);
        var share = Assert.Single(finding.DerivedFacts);
        Assert.Equal(0, share.Score);
        Assert.Equal(4, share.Nodes.Count);
    }

    [Fact]
    public void Fire_OneClinicianInFive_DoesNotFire()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), .. Given.People(4), Given.Person("gp", "CLINICIAN")]);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_TooFewPeopleRecorded_DoesNotFire()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), .. Given.People(2)]);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_ClinicianEngagementCodedPresent_OverridesThePeopleRecorded()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), Given.Coded(Codes.ClinicianEngagement, 0.75), .. Given.People(4)]);

        Assert.Empty(run.Findings);
    }

    [Fact]
    public void Fire_CodedAbsentAndNoneRecorded_FindsOnlyOnce()
    {
        var run = RuleRun.Fire(Rules, [Given.Settings(), Given.Initiative(), Given.Coded(Codes.ClinicianEngagement, 0), .. Given.People(4)]);

        Assert.Single(run.Findings);
    }
}
