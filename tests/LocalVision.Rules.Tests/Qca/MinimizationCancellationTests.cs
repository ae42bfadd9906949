using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

/// <summary>
/// Minimisation is exponential in the worst case, so the server bounds it by time: a cancelled token must stop it.
/// The function is the cyclic one over three conditions (rows 0, 1, 2, 5, 6 and 7 positive, 3 and 4 negative): every
/// row is covered by exactly two prime implicants, so no implicant is essential and the cover search has to run.
/// </summary>
public sealed class MinimizationCancellationTests
{
    private const int K = 3;
    private static readonly ulong[] Positives = [0, 1, 2, 5, 6, 7];

    private static TruthTable CyclicTable()
    {
        var cases = Enumerable.Range(0, 1 << K).Select(row => new Case(
            $"r{row}",
            new Dictionary<string, double>
            {
                ["A"] = (row >> 2) & 1,
                ["B"] = (row >> 1) & 1,
                ["C"] = row & 1,
                ["Y"] = Positives.Contains((ulong)row) ? 1 : 0,
            }));
        return TruthTable.Build(new CaseTable(cases), "Y", ["A", "B", "C"]);
    }

    private static CancellationToken Cancelled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        return source.Token;
    }

    [Theory]
    [InlineData(SolutionType.Conservative)]
    [InlineData(SolutionType.Parsimonious)]
    [InlineData(SolutionType.Intermediate)]
    public void Minimize_CancelledToken_Stops(SolutionType type)
    {
        var options = new MinimizationOptions(type, new Dictionary<string, DirectionalExpectation> { ["A"] = DirectionalExpectation.Present });

        Assert.ThrowsAny<OperationCanceledException>(() => BooleanMinimization.Minimize(CyclicTable(), options, Cancelled()));
    }

    [Fact]
    public void Solve_CyclicChartCancelled_StopsTheCoverSearch()
    {
        var primes = PrimeImplicants.OfUnion(Positives.Select(r => Implicant.Row(r, K)), TestContext.Current.CancellationToken);
        Assert.Equal(2, PrimeImplicantChart.Solve(primes, Positives, ModelSelection.FewestTermsThenLiterals, 10, TestContext.Current.CancellationToken).Covers.Count);

        Assert.ThrowsAny<OperationCanceledException>(() => PrimeImplicantChart.Solve(primes, Positives, ModelSelection.FewestTermsThenLiterals, 10, Cancelled()));
    }
}
