using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class FisherExactTestTests
{
    [Fact]
    public void TwoSidedP_LadyTastingTea_IsPublishedValue()
    {
        // Fisher's tea-tasting table [[3, 1], [1, 3]]: R's fisher.test gives p = 0.4857.
        var p = FisherExactTest.TwoSidedP(3, 1, 1, 3);

        Assert.Equal(0.4857, p, 4);
    }

    [Theory]
    [InlineData(10, 2, 3, 15, 0.0005367241)]
    [InlineData(0, 5, 5, 0, 0.0079365079)]
    [InlineData(1, 9, 11, 3, 0.0027594562)]
    public void TwoSidedP_Table_MatchesExactEnumeration(int a, int b, int c, int d, double expected)
    {
        var p = FisherExactTest.TwoSidedP(a, b, c, d);

        Assert.Equal(expected, p, 9);
    }

    [Fact]
    public void TwoSidedP_TransposedOrSwappedTable_IsUnchanged()
    {
        var p = FisherExactTest.TwoSidedP(10, 2, 3, 15);

        Assert.Equal(p, FisherExactTest.TwoSidedP(10, 3, 2, 15), 12);
        Assert.Equal(p, FisherExactTest.TwoSidedP(3, 15, 10, 2), 12);
    }

    [Fact]
    public void TwoSidedP_EmptyTable_IsOne()
    {
        Assert.Equal(1.0, FisherExactTest.TwoSidedP(0, 0, 0, 0));
    }

    [Fact]
    public void TwoSidedP_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExactTest.TwoSidedP(-1, 0, 0, 0));
    }

    [Fact]
    public void HaldaneAnscombe_LadyTastingTea_AddsHalfToEveryCell()
    {
        var ratio = OddsRatio.HaldaneAnscombe(3, 1, 1, 3);

        Assert.Equal(3.5 * 3.5 / (1.5 * 1.5), ratio.Estimate, 12);
        Assert.Equal(Math.Sqrt((2 / 3.5) + (2 / 1.5)), ratio.StandardErrorOfLog, 12);
        Assert.Equal(0.364051, ratio.Lower, 6);
        Assert.Equal(81.422587, ratio.Upper, 5);
    }

    [Fact]
    public void HaldaneAnscombe_EmptyCell_StaysFinite()
    {
        var ratio = OddsRatio.HaldaneAnscombe(0, 5, 5, 0);

        Assert.Equal(0.5 * 0.5 / (5.5 * 5.5), ratio.Estimate, 12);
        Assert.True(ratio.Lower < ratio.Estimate && ratio.Estimate < ratio.Upper);
    }
}
