using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class LatestObservationRuleTests
{
    [Fact]
    public void Fire_TwoObservationsOfOneCode_TheLaterIsTheCodedValue()
    {
        var earlier = Given.Observation(Codes.Momentum, 0.25, new(2014, 3, 1), "observations/momentum-early");
        var later = Given.Observation(Codes.Momentum, 0.75, new(2015, 3, 1), "observations/momentum-late");

        var run = RuleRun.Fire(typeof(LatestObservationRule), later, earlier);

        var value = Assert.Single(run.Facts<CodeValue>());
        Assert.Equal(0.75, value.Score);
        Assert.Equal(CodeSource.Coded, value.Origin);
        Assert.Equal(["observations/momentum-late"], value.Nodes);
        Assert.Equal(later.Evidence, value.Evidence);
    }

    [Fact]
    public void Fire_SameDay_TheLastByNameWins()
    {
        var run = RuleRun.Fire(typeof(LatestObservationRule),
            Given.Observation(Codes.Momentum, 1, Given.AsOf, "observations/b"), Given.Observation(Codes.Momentum, 0, Given.AsOf, "observations/a"));

        Assert.Equal(["observations/b"], Assert.Single(run.Facts<CodeValue>()).Nodes);
    }

    [Fact]
    public void Fire_DifferentCodes_OneValueEach()
    {
        var run = RuleRun.Fire(typeof(LatestObservationRule),
            Given.Observation(Codes.Momentum, 1), Given.Observation(Codes.MouAgreed, 0));

        Assert.Equal([Codes.Momentum, Codes.MouAgreed], run.Facts<CodeValue>().Select(v => v.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Retract_TheLatestObservation_TheEarlierBecomesCurrentAgain()
    {
        var earlier = Given.Observation(Codes.Momentum, 0.25, new(2014, 3, 1), "observations/momentum-early");
        var later = Given.Observation(Codes.Momentum, 0.75, new(2015, 3, 1), "observations/momentum-late");
        var run = RuleRun.Fire(typeof(LatestObservationRule), earlier, later);

        run.Retract(later);

        Assert.Equal(0.25, Assert.Single(run.Facts<CodeValue>()).Score);
    }
}
