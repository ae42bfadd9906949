using LocalVision.Rules.Evaluation;
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

        var run = RuleRun.Fire(typeof(ResolveConditionRule), coded, Derived(Codes.AlignedBcf, 1, "initiatives/bcf"));

        var condition = Assert.Single(run.Facts<Condition>());
        Assert.Equal(0, condition.Score);
        Assert.Equal(CodeSource.Coded, condition.Origin);
        Assert.Equal(["observations/test-aligned-bcf"], condition.Observations);
        Assert.Equal(["initiatives/bcf"], Assert.Single(condition.DerivedFacts).Nodes);
    }

    [Fact]
    public void Fire_SeveralDerived_HighestScoreStands()
    {
        var run = RuleRun.Fire(typeof(ResolveConditionRule),
            Derived(Codes.LevelStrategic, 0.5, "initiatives/a"), Derived(Codes.LevelStrategic, 1, "initiatives/b"));

        var condition = Assert.Single(run.Facts<Condition>());
        Assert.Equal(1, condition.Score);
        Assert.Equal(2, condition.Values.Count);
    }

    [Fact]
    public void Fire_DifferentCodes_OneConditionEach()
    {
        var run = RuleRun.Fire(typeof(ResolveConditionRule), Derived(Codes.LevelStrategic, 1, "a"), Derived(Codes.FollowOnFunding, 1, "b"));

        Assert.Equal(2, run.Facts<Condition>().Count);
    }

    [Fact]
    public void Fire_DerivedValueArrivesLater_ConditionIsUpdated()
    {
        var run = RuleRun.Fire(typeof(ResolveConditionRule), Derived(Codes.LevelStrategic, 0.5, "a"));

        run.Insert(Derived(Codes.LevelStrategic, 1, "b"));

        Assert.Equal(1, Assert.Single(run.Facts<Condition>()).Score);
    }

    [Fact]
    public void Resolve_MixedCodes_Throws()
    {
        Assert.Throws<ArgumentException>(() => Condition.Resolve([Derived(Codes.LevelStrategic, 1, "a"), Derived(Codes.FollowOnFunding, 1, "b")]));
    }
}
