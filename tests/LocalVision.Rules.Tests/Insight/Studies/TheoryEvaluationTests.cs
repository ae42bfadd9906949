using LocalVision.Rules.Insight.Studies;

namespace LocalVision.Rules.Tests.Insight.Studies;

public sealed class TheoryEvaluationTests
{
    [Fact]
    public void FourIntersections_HandChecked()
    {
        string[] names = ["a", "b", "c", "d"];
        double[] t = [0.9, 0.2, 0.8, 0.1];
        double[] s = [0.7, 0.9, 0.3, 0.2];
        double[] y = [0.8, 0.6, 0.4, 0.1];

        var result = TheoryEvaluation.Evaluate(names, t, s, y);

        Assert.Equal(["T*S", "~T*S", "T*~S", "~T*~S"], result.Select(r => r.Label));
        Assert.Equal([["a"], ["b"], ["c"], ["d"]], result.Select(r => r.Members.ToArray()));
        // T*S memberships: min(t,s) = 0.7, 0.2, 0.3, 0.1; Σmin(ts,y) = 0.7+0.2+0.3+0.1 = 1.3; Σts = 1.3; Σy = 1.9.
        Assert.Equal(1.0, result[0].Fit.Consistency, 12);
        Assert.Equal(1.3 / 1.9, result[0].Fit.Coverage, 12);
        Assert.Contains("1 case(s), 1 of them with the outcome", result[0].Reading);
    }

    [Fact]
    public void EachIntersection_IsSplitByTheOutcome_HandChecked()
    {
        // T*S holds a (y 0.9) and b (y 0.1); ~T*S holds c (y 0.5, on neither side); T*~S holds d (y 0.7); ~T*~S holds e (y 0.2) and f (y 0.6).
        string[] names = ["a", "b", "c", "d", "e", "f"];
        double[] t = [1.0, 0.8, 0.2, 0.9, 0.0, 0.3];
        double[] s = [0.7, 0.9, 0.6, 0.4, 0.1, 0.2];
        double[] y = [0.9, 0.1, 0.5, 0.7, 0.2, 0.6];

        var result = TheoryEvaluation.Evaluate(names, t, s, y);

        Assert.Equal([["a", "b"], ["c"], ["d"], ["e", "f"]], result.Select(r => r.Members.ToArray()));
        Assert.Equal([["a"], [], ["d"], ["f"]], result.Select(r => r.InOutcome.ToArray()));
        Assert.Equal([["b"], [], [], ["e"]], result.Select(r => r.OutOfOutcome.ToArray()));
        Assert.Contains("2 case(s), 1 of them with the outcome", result[3].Reading);
    }

    [Fact]
    public void CrispMembers_ArePartitionedByTheFourIntersections()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var n = random.Next(1, 25);
            var names = Enumerable.Range(0, n).Select(i => $"c{i}").ToArray();
            double Pick() => random.Next(2) == 0 ? Math.Round(random.NextDouble() * 0.4, 2) : Math.Round(0.6 + random.NextDouble() * 0.4, 2);
            var t = names.Select(_ => Pick()).ToArray();
            var s = names.Select(_ => Pick()).ToArray();
            var y = names.Select(_ => Pick()).ToArray();

            var members = TheoryEvaluation.Evaluate(names, t, s, y).SelectMany(r => r.Members).Order(StringComparer.Ordinal);

            Assert.Equal(names.Order(StringComparer.Ordinal), members);
        }
    }
}
