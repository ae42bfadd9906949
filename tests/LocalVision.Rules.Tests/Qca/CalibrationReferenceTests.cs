using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// The direct method against Ragin's published table and R's formula, and the indirect method against the
/// equations its fit must satisfy.
/// </summary>
public sealed class CalibrationReferenceTests
{
    private static readonly CalibrationAnchors Development = new(2500, 5000, 20000);

    /// <summary>
    /// Ragin, Redesigning Social Inquiry (2008), Table 5.2: GNP per capita calibrated into "developed countries" with
    /// anchors 2,500, 5,000 and 20,000 and fsQCA's log-odds ±3, memberships as printed (three decimals, computed from
    /// log-odds Ragin rounded to two, hence the tolerance of one in the third).
    /// </summary>
    [Theory]
    [InlineData(40110, 0.999)]
    [InlineData(36629, 0.998)]
    [InlineData(24363, 0.980)]
    [InlineData(20207, 0.955)]
    [InlineData(17436, 0.923)]
    [InlineData(15212, 0.885)]
    [InlineData(11988, 0.802)]
    [InlineData(9567, 0.713)]
    [InlineData(6832, 0.591)]
    [InlineData(5559, 0.528)]
    [InlineData(2346, 0.040)]
    [InlineData(443, 0.004)]
    public void Direct_FsQcaAnchor_MatchesRaginsPublishedTable(double income, double published)
    {
        Assert.Equal(published, Calibration.Direct(income, Development, Calibration.FsQcaInclusionMembership), 0.001);
    }

    /// <summary>
    /// R's QCA <c>calibrate(x, thresholds = c(2500, 5000, 20000))</c> with its default <c>idm = 0.95</c>: the logistic of
    /// the deviation scaled to log(idm / (1 − idm)) on each side. R is not installed here; these values are that
    /// formula evaluated independently with Python 3's math module (double precision), so they hold to 1e-9.
    /// </summary>
    [Theory]
    [InlineData(40110, 0.998985100397862)]
    [InlineData(24363, 0.978137515340939)]
    [InlineData(20207, 0.951895165959779)]
    [InlineData(11988, 0.797657253259203)]
    [InlineData(5559, 0.527404864542612)]
    [InlineData(2346, 0.042054825131358)]
    [InlineData(443, 0.004645854089076)]
    public void Direct_RDefaultAnchor_MatchesRsFormulaTo1e9(double income, double expected)
    {
        Assert.Equal(expected, Calibration.Direct(income, Development, Calibration.RInclusionMembership), 1e-9);
    }

    [Fact]
    public void Direct_Anchors_ReceiveTheNamedMembershipsExactly()
    {
        Assert.Equal([0.05, 0.5, 0.95], Calibration.Direct([2500.0, 5000, 20000], Development, 0.95).Select(m => Math.Round(m, 12)));
        Assert.Equal(0.9525741268224334, Calibration.FsQcaInclusionMembership, 15);
    }

    [Fact]
    public void Direct_TheTwoConventions_DifferByAtMostAbout0042()
    {
        var values = Enumerable.Range(0, 6000).Select(i => i * 10.0).ToList();
        var r = Calibration.Direct(values, Development, Calibration.RInclusionMembership);
        var fs = Calibration.Direct(values, Development);

        Assert.Equal(0.00418, r.Zip(fs).Max(p => Math.Abs(p.First - p.Second)), 4);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Direct_InclusionMembershipOutOfRange_IsRefusedOnItsField(double inclusion)
    {
        var error = Assert.Throws<GraphValidationException>(() => Calibration.Direct(3000, Development, inclusion));
        Assert.Equal("inclusion_membership", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Indirect_FitSatisfiesTheLogitScoreEquationsAndIsIncreasing()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        double[] thresholds = [3.5, 6.5, 9.5];

        var memberships = Calibration.Indirect(values, thresholds);

        // Targets 0, 1/3, 2/3, 1 by group; at the fit Σ(t − m) = 0 and Σ x(t − m) = 0.
        var targets = values.Select(v => thresholds.Count(t => v >= t) / 3.0).ToArray();
        Assert.Equal(0, targets.Zip(memberships).Sum(p => p.First - p.Second), 9);
        Assert.Equal(0, values.Select((v, i) => v * (targets[i] - memberships[i])).Sum(), 8);
        Assert.Equal(memberships.Order(), memberships);
        Assert.All(memberships, m => Assert.InRange(m, 0, 1));
    }

    [Fact]
    public void Indirect_DecreasingThresholds_MakeASetOfLowValues()
    {
        var memberships = Calibration.Indirect([1.0, 2, 3, 4, 5, 6, 7, 8], [6.5, 2.5]);

        Assert.True(memberships[0] > memberships[^1]);
        Assert.Equal(memberships.OrderDescending(), memberships);
    }

    [Fact]
    public void Indirect_ThresholdsOutsideTheValues_AreRefused()
    {
        var error = Assert.Throws<GraphValidationException>(() => Calibration.Indirect([1.0, 2, 3], [10.0]));
        Assert.Equal("thresholds", Assert.Single(error.Violations).Field);
    }
}
