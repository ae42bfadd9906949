using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Derivation;

public sealed class ResolveConditionRuleTests
{
    private static CodeValue Derived(string code, double score, string node) =>
        CodeValue.Derived(Given.Name, code, score, "derived from " + node, [node]);

    [Fact]
    public void Fire_CodedAndDerived_CodedScoreStandsAndBothAreCited()
    {
        var coded = CodeValue.Coded(Given.Observation(Codes.AlignedBcf, 0));

        var run = RuleRun.Fire(typeof(ResolveConditionRule), Given.Settings(), coded, Derived(Codes.AlignedBcf, 1, "initiatives/bcf"));

        var condition = Assert.Single(run.Facts<Condition>());
        Assert.Equal(0, condition.Score);
        Assert.Equal(ConditionValue.Absent, condition.Value);
        Assert.Equal(CodeSource.Coded, condition.Origin);
        Assert.Equal(["observations/test-aligned-bcf"], condition.Observations);
        Assert.Equal(["initiatives/bcf"], Assert.Single(condition.DerivedFacts).Nodes);
    }

    [Fact]
    public void Fire_SeveralDerived_HighestScoreStands()
    {
        var run = RuleRun.Fire(typeof(ResolveConditionRule), Given.Settings(),
            Derived(Codes.LevelStrategic, 0.5, "initiatives/a"), Derived(Codes.LevelStrategic, 1, "initiatives/b"));

        var condition = Assert.Single(run.Facts<Condition>());
        Assert.Equal(1, condition.Score);
        Assert.Equal(2, condition.Values.Count);
    }

    [Fact]
    public void Fire_DifferentCodes_OneConditionEach()
    {
        var run = RuleRun.Fire(typeof(ResolveConditionRule), Given.Settings(), Derived(Codes.LevelStrategic, 1, "a"), Derived(Codes.FollowOnFunding, 1, "b"));

        Assert.Equal(2, run.Facts<Condition>().Count);
    }

    [Fact]
    public void Fire_DerivedValueArrivesLater_ConditionIsUpdated()
    {
        var run = RuleRun.Fire(typeof(ResolveConditionRule), Given.Settings(), Derived(Codes.LevelStrategic, 0.5, "a"));

        run.Insert(Derived(Codes.LevelStrategic, 1, "b"));

        var condition = Assert.Single(run.Facts<Condition>());
        Assert.Equal(1, condition.Score);
        Assert.Equal(ConditionValue.Present, condition.Value);
    }

    [Theory]
    [InlineData(1, ConditionValue.Present)]
    [InlineData(0.75, ConditionValue.Present)]
    [InlineData(0.5, ConditionValue.Unknown)]
    [InlineData(0.25, ConditionValue.Absent)]
    [InlineData(0, ConditionValue.Absent)]
    public void Resolve_Score_IsThreeValued(double score, ConditionValue expected)
    {
        var condition = Condition.Resolve([CodeValue.Coded(Given.Observation(Codes.MouAgreed, score))], EvaluationOptions.Default);

        Assert.Equal(expected, condition.Value);
    }

    [Fact]
    public void Resolve_WiderUnknownBand_LeavesMostlyUnknown()
    {
        var options = EvaluationOptions.Default with { PresentAbove = 0.8, AbsentBelow = 0.2 };

        var condition = Condition.Resolve([CodeValue.Coded(Given.Observation(Codes.MouAgreed, 0.75))], options);

        Assert.Equal(ConditionValue.Unknown, condition.Value);
    }

    [Fact]
    public void Resolve_LowConfidenceCoded_IsTentative()
    {
        var condition = Condition.Resolve([CodeValue.Coded(Given.Observation(Codes.MouAgreed, 1, confidence: "L"))], EvaluationOptions.Default);

        Assert.True(condition.Tentative);
    }

    [Fact]
    public void Resolve_IllustrativeDerivedBesideAnActualCoded_RestsOnTheCoded()
    {
        var coded = CodeValue.Coded(Given.Observation(Codes.PriorEnablerTie, 1));
        var invented = CodeValue.Derived(Given.Name, Codes.PriorEnablerTie, 1, "an invented tie", ["enablers/a"], illustrative: true);

        var condition = Condition.Resolve([coded, invented], EvaluationOptions.Default);

        Assert.False(condition.Illustrative);
        Assert.Equal([Codes.PriorEnablerTie], condition.Basis);
    }

    [Fact]
    public void Resolve_MixedCodes_Throws()
    {
        Assert.Throws<ArgumentException>(() => Condition.Resolve([Derived(Codes.LevelStrategic, 1, "a"), Derived(Codes.FollowOnFunding, 1, "b")], EvaluationOptions.Default));
    }
}
