using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

/// <summary>The structural parts of the rules' contexts are three-valued conditions: known from the records, unknown without them.</summary>
public sealed class StructuralConditionRulesTests
{
    private static readonly Type[] Rules =
    [
        typeof(ShortFundedRule), typeof(EndedRule), typeof(EnablerExitRule), typeof(SeveralPartnersRule), typeof(RisingIndicatorRule),
        typeof(CliniciansRepresentedRule), typeof(ResolveConditionRule),
    ];

    private static Condition? Of(string code, params object[] facts) =>
        RuleRun.Fire(Rules, facts.Any(f => f is LocalVision.Rules.Evaluation.Facts.InitiativeFact) ? [Given.Settings(), .. facts] : [Given.Settings(), Given.Initiative(), .. facts])
            .Facts<Condition>().SingleOrDefault(c => c.Code == code);

    [Fact]
    public void ShortFunded_ElevenMonths_Present()
    {
        Assert.Equal(ConditionValue.Present, Of(DerivedCodes.ShortFunded)!.Value);
    }

    [Fact]
    public void ShortFunded_TwentySixMonths_Absent()
    {
        Assert.Equal(ConditionValue.Absent, Of(DerivedCodes.ShortFunded, Given.Initiative(start: new(2012, 1, 1), end: new(2014, 3, 1)))!.Value);
    }

    [Fact]
    public void ShortFunded_DatesUnknown_Unknown()
    {
        Assert.Null(Of(DerivedCodes.ShortFunded, Given.Initiative(undated: true)));
    }

    [Fact]
    public void Ended_EndBeforeTheDate_Present_AfterIt_Absent()
    {
        Assert.Equal(ConditionValue.Present, Of(DerivedCodes.Ended)!.Value);
        Assert.Equal(ConditionValue.Absent, Of(DerivedCodes.Ended, Given.Initiative(start: new(2015, 1, 1), end: new(2015, 12, 1)))!.Value);
    }

    [Fact]
    public void EnablerExit_LastEngagementEndedBeforeTheDate_Present()
    {
        var exit = Of(DerivedCodes.EnablerExit, Given.Enabler("a", Given.Start, new(2014, 5, 1)), Given.Enabler("b", Given.Start, Given.End))!;

        Assert.Equal(ConditionValue.Present, exit.Value);
        Assert.Equal(["enablers/a", "enablers/b"], Assert.Single(exit.DerivedFacts).Nodes);
    }

    [Fact]
    public void EnablerExit_OneEngagementOpenEnded_Absent()
    {
        Assert.Equal(ConditionValue.Absent, Of(DerivedCodes.EnablerExit, Given.Enabler("a", Given.Start, null))!.Value);
    }

    [Fact]
    public void EnablerExit_EndingBeyondTheWindow_Absent()
    {
        Assert.Equal(ConditionValue.Absent, Of(DerivedCodes.EnablerExit, Given.Enabler("a", Given.Start, new(2016, 6, 1)))!.Value);
    }

    [Fact]
    public void EnablerExit_NoEngagementRecorded_Unknown()
    {
        Assert.Null(Of(DerivedCodes.EnablerExit));
    }

    [Fact]
    public void SeveralPartners_TwoRecorded_Present_OneRecorded_Unknown()
    {
        Assert.Equal(ConditionValue.Present, Of(DerivedCodes.SeveralPartners, Given.Partner("a"), Given.Partner("b"))!.Value);
        Assert.Null(Of(DerivedCodes.SeveralPartners, Given.Partner("a")));
    }

    [Fact]
    public void RisingIndicator_RisingAfterTheStart_PresentCitingItsEvidence()
    {
        var rising = Of(DerivedCodes.RisingIndicator, Given.Outcome("incidence", "RISING", new(2014, 6, 1)))!;

        Assert.Equal(ConditionValue.Present, rising.Value);
        Assert.Equal(["evidence/incidence"], rising.Evidence);
    }

    [Fact]
    public void RisingIndicator_RoseBeforeTheStart_Absent()
    {
        Assert.Equal(ConditionValue.Absent, Of(DerivedCodes.RisingIndicator, Given.Outcome("incidence", "RISING", new(2012, 6, 1)))!.Value);
    }

    [Fact]
    public void RisingIndicator_NoTrendRecorded_Unknown()
    {
        Assert.Null(Of(DerivedCodes.RisingIndicator, Given.Outcome("incidence", null)));
    }

    [Fact]
    public void CliniciansRepresented_CodedAbsent_Absent()
    {
        Assert.Equal(ConditionValue.Absent, Of(DerivedCodes.CliniciansRepresented, Given.Coded(Codes.ClinicianEngagement, 0.25))!.Value);
    }

    [Fact]
    public void CliniciansRepresented_OneInTenDeclaredComplete_Absent_OneInFive_Present()
    {
        var few = Given.People(9).Append(Given.Person("gp", "CLINICIAN")).Cast<object>().Append(Given.Coded(Codes.PeopleComplete, 1)).ToArray();
        var enough = Given.People(4).Append(Given.Person("gp", "CLINICIAN")).Cast<object>().Append(Given.Coded(Codes.PeopleComplete, 1)).ToArray();

        Assert.Equal(ConditionValue.Absent, Of(DerivedCodes.CliniciansRepresented, few)!.Value);
        Assert.Equal(ConditionValue.Present, Of(DerivedCodes.CliniciansRepresented, enough)!.Value);
    }

    [Fact]
    public void CliniciansRepresented_ManyPeopleNotDeclaredComplete_Unknown()
    {
        Assert.Null(Of(DerivedCodes.CliniciansRepresented, Given.People(10).Cast<object>().ToArray()));
    }
}
