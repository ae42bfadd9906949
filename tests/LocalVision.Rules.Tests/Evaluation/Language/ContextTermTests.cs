using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Tests.Evaluation.Support;

namespace LocalVision.Rules.Tests.Evaluation.Language;

/// <summary>The language's tests beyond present and absent: a threshold, and silence itself.</summary>
public sealed class ContextTermTests
{
    [Theory]
    [InlineData(1.0, ConditionValue.Present)]
    [InlineData(0.75, ConditionValue.Present)]
    [InlineData(0.5, ConditionValue.Absent)]
    [InlineData(-1.0, ConditionValue.Unknown)]
    public void Evaluate_AtLeast_HoldsFromTheThresholdAndIsUnknownWithoutAValue(double score, ConditionValue expected)
    {
        var term = new ContextTerm("MOU_AGREED", Expectation.AtLeast, Threshold: 0.75);

        Assert.Equal(expected, term.Evaluate(score < 0 ? null : Given.Coded("MOU_AGREED", score)).Value);
    }

    [Theory]
    [InlineData(1.0, ConditionValue.Absent)]
    [InlineData(0.0, ConditionValue.Absent)]
    [InlineData(0.5, ConditionValue.Present)]
    [InlineData(-1.0, ConditionValue.Present)]
    public void Evaluate_Unknown_HoldsOnlyWhereNothingSettlesTheCondition(double score, ConditionValue expected)
    {
        var term = new ContextTerm("MOU_AGREED", Expectation.Unknown);

        Assert.Equal(expected, term.Evaluate(score < 0 ? null : Given.Coded("MOU_AGREED", score)).Value);
    }
}
