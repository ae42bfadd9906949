using LocalVision.Rules.Qca;
using LocalVision.Rules.Insight;

namespace LocalVision.Rules.Tests.Insight;

public sealed class ConditionJudgementTests
{
    private static Case Case(string name, double x, double y) => new(name, new Dictionary<string, double> { ["X"] = x, ["Y"] = y });

    private static ConditionVerdict Judge(params (double X, double Y)[] cases) =>
        ConditionJudgement.Judge(ConditionAnalysis.Analyze(new CaseTable(cases.Select((c, i) => Case($"c{i}", c.X, c.Y))), "X", "Y"));

    [Theory]
    // Fisher's two-sided p of the most extreme table with these margins, worked by hand from the hypergeometric.
    [InlineData(2, 2, 4, 1.0 / 3)]
    [InlineData(3, 3, 6, 0.1)]
    [InlineData(4, 4, 8, 2.0 / 70)]
    [InlineData(1, 5, 10, 1.0)]
    public void LowestAttainableP_IsTheMostExtremeTablesP(int inCondition, int inOutcome, int n, double expected)
    {
        Assert.Equal(expected, ConditionJudgement.LowestAttainableP(inCondition, inOutcome, n), 9);
    }

    [Fact]
    public void Judge_FourCasesAllInBoth_IsNotJudgeableAndSaysWhy()
    {
        var verdict = Judge((1, 1), (1, 1), (1, 1), (1, 1));

        Assert.False(verdict.Judgeable);
        Assert.True(verdict.TooFewCases);
        Assert.Equal(["rests on 4 cases; at least 5 are needed to judge a condition", "no contrast: all 4 of the cases are in X", "no contrast: all 4 of the cases are in Y"], verdict.Caveats);
        Assert.Equal("present in 4 of 4 cases with Y; no case without Y to compare; never absent in one with it — too few cases to judge", verdict.Summary);
    }

    [Fact]
    public void Judge_EightCasesSplitPerfectly_IsJudgeableWithoutCaveats()
    {
        var verdict = Judge((1, 1), (1, 1), (1, 1), (1, 1), (0, 0), (0, 0), (0, 0), (0, 0));

        Assert.True(verdict.Judgeable);
        Assert.Empty(verdict.Caveats);
        Assert.Equal("present in 4 of 4 cases with Y and in 0 of 4 without; never absent in one with it", verdict.Summary);
    }

    [Fact]
    public void Judge_SkewedOutcome_CannotReachSignificanceAndSaysSo()
    {
        var verdict = Judge((1, 1), (1, 1), (1, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, 0));

        Assert.False(verdict.Judgeable);
        Assert.Contains("skewed: 8 of 9 cases are in Y, so its figures rest on the 1 other", verdict.Caveats);
        Assert.Contains("with 3 of 9 cases in X and 8 in Y, no 2×2 table could reach Fisher's p < 0.05", verdict.Caveats);
    }
}
