using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// Oana and Schneider's robustness fit parameters, on memberships small enough to work out by hand (the sums are
/// written beside each figure), and their identities: a test solution equal to the initial one gives 1 everywhere.
/// The formulas are those of SetMethods 4.x's R/rob.fit.R and R/rob.corefit.R (github.com/nenaoana/SetMethods); these
/// are hand-worked checks of the formulas, not a published example with the package's printed figures.
/// </summary>
public sealed class RobustnessFitTests
{
    [Fact]
    public void Of_HandWorkedExample_GivesEachParameterFromItsSums()
    {
        double[] initial = [1.0, 0.8, 0.2, 0.0];
        double[] test1 = [1.0, 0.4, 0.2, 0.0];
        double[] test2 = [0.9, 0.8, 0.6, 0.0];
        double[] y = [1.0, 1.0, 0.0, 0.0];

        var fit = RobustnessFit.Of(initial, [test1, test2], y);

        // TS_min = (0.9, 0.4, 0.2, 0), TS_max = (1, 0.8, 0.6, 0); RC = min(IS, TS_min) = (0.9, 0.4, 0.2, 0).
        // IS: Σx = 2.0, Σmin(x,y) = 1.8, Σy = 2 → consistency 0.9, coverage 0.9.
        // RC: Σx = 1.5, Σmin(x,y) = 1.3 → consistency 1.3/1.5, coverage 1.3/2 = 0.65.
        Assert.Equal(1.3 / 1.5, fit.Core.Consistency, 12);
        Assert.Equal(0.65, fit.Core.Coverage, 12);
        Assert.Equal(0.65 / 0.9, fit.RfCov, 12);
        Assert.Equal(0.9 / (1.3 / 1.5), fit.RfCons, 12);
        // RF_SC_minTS: Σmin(IS, TS_min) = 0.9 + 0.4 + 0.2 = 1.5; Σmax(IS, TS_min) = 1 + 0.8 + 0.2 = 2.0.
        Assert.Equal(1.5 / 2.0, fit.RfScMinTs, 12);
        // RF_SC_maxTS: Σmin(IS, TS_max) = 1 + 0.8 + 0.2 = 2.0; Σmax(IS, TS_max) = 1 + 0.8 + 0.6 = 2.4.
        Assert.Equal(2.0 / 2.4, fit.RfScMaxTs, 12);
    }

    [Fact]
    public void Of_TestsEqualToTheInitialSolution_AreOneEverywhere()
    {
        double[] initial = [0.7, 0.3, 0.9, 0.1];
        double[] y = [0.8, 0.2, 0.6, 0.4];

        var fit = RobustnessFit.Of(initial, [initial, (double[])initial.Clone()], y);

        Assert.Equal(1.0, fit.RfCov, 12);
        Assert.Equal(1.0, fit.RfCons, 12);
        Assert.Equal(1.0, fit.RfScMinTs, 12);
        Assert.Equal(1.0, fit.RfScMaxTs, 12);
    }

    [Fact]
    public void Of_NoCaseInTheCore_HasNoConsistencyToCompare()
    {
        var fit = RobustnessFit.Of([1.0, 0.0], [[0.0, 1.0]], [1.0, 0.0]);

        Assert.Equal(0.0, fit.RfCov);
        Assert.True(double.IsNaN(fit.RfCons), "the robust core holds no case, so its consistency and RF_cons are undefined");
        Assert.Equal(0.0, fit.RfScMinTs);
        Assert.Equal(0.0, fit.RfScMaxTs);
    }

    [Fact]
    public void Of_ThreeTestSolutions_TakesTheMinimumAndMaximumOverEveryOne()
    {
        // SetMethods 4.x builds TS_min and TS_max with `for (i in length(test_sol))`, which folds in only the first and
        // the last test solution; its rob.corefit folds over the whole list, and so do we for all three. Here only the middle
        // test solution lowers TS_min and raises TS_max, so reading the first and last alone would give 1 and 1.
        double[] initial = [0.8, 0.2];
        double[] middle = [0.6, 0.4];
        double[] y = [1.0, 0.0];

        var fit = RobustnessFit.Of(initial, [initial, middle, initial], y);

        // TS_min = (0.6, 0.2): Σmin(IS, TS_min) = 0.8, Σmax = 1.0. TS_max = (0.8, 0.4): Σmin = 1.0, Σmax = 1.2.
        Assert.Equal(0.8 / 1.0, fit.RfScMinTs, 12);
        Assert.Equal(1.0 / 1.2, fit.RfScMaxTs, 12);
    }
}
