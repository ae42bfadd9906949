using LocalVision.Graph.Store;
using CsCheck;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class CalibrationTests
{
    [Fact]
    public void Direct_IncreasingAnchors_MapToFivePercentHalfAndNinetyFivePercent()
    {
        var anchors = new CalibrationAnchors(FullNonMembership: 2, Crossover: 4, FullMembership: 10);

        var memberships = Calibration.Direct([2.0, 4.0, 10.0], anchors);

        // Log-odds −3, 0, +3 through the logistic function.
        Assert.Equal(0.0474259, memberships[0], 6);
        Assert.Equal(0.5, memberships[1], 12);
        Assert.Equal(0.9525741, memberships[2], 6);
    }

    [Fact]
    public void Direct_DecreasingAnchors_MakeASetOfLowValues()
    {
        var anchors = new CalibrationAnchors(FullNonMembership: 30, Crossover: 20, FullMembership: 5);

        var memberships = Calibration.Direct([30.0, 20.0, 5.0, 12.5], anchors);

        Assert.Equal(0.0474259, memberships[0], 6);
        Assert.Equal(0.5, memberships[1], 12);
        Assert.Equal(0.9525741, memberships[2], 6);
        Assert.Equal(1 / (1 + Math.Exp(-1.5)), memberships[3], 12); // half-way to full membership: log-odds 1.5
    }

    [Fact]
    public void Direct_EachSideScaledSeparately_AsymmetricAnchors()
    {
        var anchors = new CalibrationAnchors(0, 10, 100);

        Assert.Equal(1 / (1 + Math.Exp(-1.5)), Calibration.Direct(55, anchors), 12);
        Assert.Equal(1 / (1 + Math.Exp(1.5)), Calibration.Direct(5, anchors), 12);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(1, 3, 2)]
    [InlineData(3, 2, 2)]
    public void Direct_AnchorsNotStrictlyMonotone_Throws(double e, double c, double i)
    {
        Assert.Throws<GraphValidationException>(() => Calibration.Direct(1.0, new CalibrationAnchors(e, c, i)));
    }

    [Fact]
    public void Direct_AnyAnchors_MonotoneInTheDirectionOfTheAnchors()
    {
        var gen =
            from e in Gen.Double[-1000, 1000]
            from gap1 in Gen.Double[0.01, 500]
            from gap2 in Gen.Double[0.01, 500]
            from decreasing in Gen.Bool
            from v1 in Gen.Double[-3000, 3000]
            from v2 in Gen.Double[-3000, 3000]
            select (e, gap1, gap2, decreasing, v1, v2);

        gen.Sample((e, gap1, gap2, decreasing, v1, v2) =>
        {
            var anchors = decreasing
                ? new CalibrationAnchors(e + gap1 + gap2, e + gap1, e)
                : new CalibrationAnchors(e, e + gap1, e + gap1 + gap2);
            var (low, high) = (Math.Min(v1, v2), Math.Max(v1, v2));

            var atLow = Calibration.Direct(low, anchors);
            var atHigh = Calibration.Direct(high, anchors);

            Assert.InRange(atLow, 0.0, 1.0);
            Assert.True(decreasing ? atLow >= atHigh : atLow <= atHigh, $"{anchors}: {low} → {atLow}, {high} → {atHigh}");
            Assert.Equal(0.5, Calibration.Direct(anchors.Crossover, anchors), 12);
        }, iter: 2000);
    }
}
