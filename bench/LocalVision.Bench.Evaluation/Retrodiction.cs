using System.Globalization;
using LocalVision.Graph.Import;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;

namespace LocalVision.Bench.Evaluation;

/// <summary>
/// How well the momentum outlook retrodicts the MOMENTUM the reference coding records, on the shipped cases: a figure to
/// read, not a target. The weights are the report's wording and nothing is tuned, so there is no fit to cross-validate;
/// the leave-one-out figure shows how much any single case moves the correlation.
/// </summary>
public static class Retrodiction
{
    private static readonly DateOnly ReportDate = new(2015, 9, 1);

    public static async Task<int> RunAsync(string path)
    {
        var nodes = new List<GraphNode>();
        var relationships = new List<GraphRelationship>();
        await foreach (var batch in JsonLinesReader.ReadFileAsync(path, 10_000, CancellationToken.None))
        {
            nodes.AddRange(batch.Nodes);
            relationships.AddRange(batch.Relationships);
        }
        var snapshot = GraphSnapshot.Create(nodes, relationships);
        var projects = snapshot.NodesWithLabel(Labels.Initiative).Where(n => n.GetString("kind") == "LV_PROJECT").Select(n => n.Name).ToList();
        Console.WriteLine($"{path}: {nodes.Count} nodes, {relationships.Count} relationships, {projects.Count} Local Vision projects; evaluated as of {ReportDate:yyyy-MM-dd}");

        var report = await ReportAsync(snapshot, projects, EvaluationOptions.Default, "weights from the report's wording (ListRules), tentative findings at half");
        Print(report, details: true);
        var uniform = EvaluationOptions.Default with
        {
            Weights = RuleCatalogue.CmoRules.ToDictionary(r => r.Id, _ => 1.0, StringComparer.Ordinal),
            TentativeFactor = 1,
        };
        Print(await ReportAsync(snapshot, projects, uniform, "for comparison: every ingredient and risk weighing 1, no tentative discount"), details: false);

        foreach (var slug in new[] { "plymouth-local-vision", "bdp-local-vision", "hackney-local-vision" })
        {
            await OverTimeAsync(snapshot, $"initiatives/{slug}");
        }
        return 0;
    }

    private sealed record Row(string Initiative, double Momentum, Rules.Evaluation.Evaluation Evaluation);

    private sealed record Report(string Title, IReadOnlyList<Row> Rows, double Rho, IReadOnlyList<(string Left, double Rho)> LeaveOneOut);

    private static async Task<Report> ReportAsync(GraphSnapshot snapshot, IReadOnlyList<string> projects, EvaluationOptions options, string title)
    {
        var evaluations = await new InitiativeEvaluator(CompiledTheory.Shipped, options)
            .EvaluateManyAsync(snapshot, projects, new EvidenceScope(ReportDate), CancellationToken.None);
        var rows = evaluations
            .Where(e => e.ConditionsByCode.TryGetValue(Codes.Momentum, out var m) && m.Origin == Rules.Evaluation.Conditions.CodeSource.Coded)
            .Select(e => new Row(e.Initiative, e.ConditionsByCode[Codes.Momentum].Score, e))
            .ToList();
        var rho = Spearman(rows.Select(r => r.Evaluation.Outlook.Score).ToList(), rows.Select(r => r.Momentum).ToList());
        var leaveOneOut = rows
            .Select(left =>
            {
                var kept = rows.Where(r => r != left).ToList();
                return (left.Initiative, Spearman(kept.Select(r => r.Evaluation.Outlook.Score).ToList(), kept.Select(r => r.Momentum).ToList()));
            })
            .ToList();
        return new Report(title, rows, rho, leaveOneOut);
    }

    private static void Print(Report report, bool details)
    {
        Console.WriteLine();
        Console.WriteLine($"## {report.Title}");
        Console.WriteLine($"cases with a coded MOMENTUM: {report.Rows.Count}; Spearman rank correlation of outlook score with MOMENTUM: {F(report.Rho)}");
        Console.WriteLine($"leave one out: {F(report.LeaveOneOut.Min(l => l.Rho))} to {F(report.LeaveOneOut.Max(l => l.Rho))} "
            + $"(lowest without {Short(report.LeaveOneOut.MinBy(l => l.Rho).Left)}, highest without {Short(report.LeaveOneOut.MaxBy(l => l.Rho).Left)})");
        if (!details)
        {
            return;
        }
        Console.WriteLine($"{"case",-28} {"MOMENTUM",8} {"outlook",8} {"rating",-22} {"ingr.",5} {"risks",5} {"caut.",5} {"not assessed",12}");
        foreach (var row in report.Rows.OrderByDescending(r => r.Momentum).ThenByDescending(r => r.Evaluation.Outlook.Score))
        {
            var e = row.Evaluation;
            Console.WriteLine($"{Short(row.Initiative),-28} {F(row.Momentum),8} {F(e.Outlook.Score),8} {e.Outlook.RatingName,-22} "
                + $"{e.Findings.Count(f => f.Polarity == Polarity.Ingredient),5} {e.Findings.Count(f => f.Polarity == Polarity.Risk),5} "
                + $"{e.Findings.Count(f => f.Polarity == Polarity.Caution),5} {e.NotAssessed.Count,12}");
            Console.WriteLine($"    {string.Join("; ", e.Outlook.Contributions.Select(c => $"{c.RuleId}{(c.Subject is null ? "" : "/" + c.Subject)} {F(c.Weight)}"))}");
        }
    }

    /// <summary>The outlook at the end of each year, as known then and as we now know, showing how momentum built.</summary>
    private static async Task OverTimeAsync(GraphSnapshot snapshot, string initiative)
    {
        var evaluator = InitiativeEvaluator.Create();
        Console.WriteLine();
        Console.WriteLine($"## {Short(initiative)} over time: outlook score (rating) as known then | as we now know");
        foreach (var date in new[] { "2012-06-30", "2012-12-31", "2013-06-30", "2013-12-31", "2014-06-30", "2014-12-31", "2015-03-31", "2015-06-30", "2015-09-01" })
        {
            var asOf = DateOnly.Parse(date, CultureInfo.InvariantCulture);
            var then = await evaluator.EvaluateAsync(snapshot, initiative, new EvidenceScope(asOf), CancellationToken.None);
            var now = await evaluator.EvaluateAsync(snapshot, initiative, new EvidenceScope(asOf, AsNowKnown: true), CancellationToken.None);
            Console.WriteLine($"  {date}: {F(then.Outlook.Score),5} ({then.Outlook.RatingName}) | {F(now.Outlook.Score),5} ({now.Outlook.RatingName})");
        }
    }

    /// <summary>Spearman's rank correlation with average ranks for ties (Pearson's r of the ranks).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var rx = Ranks(x);
        var ry = Ranks(y);
        var mx = rx.Average();
        var my = ry.Average();
        var cov = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        var vx = rx.Sum(a => (a - mx) * (a - mx));
        var vy = ry.Sum(b => (b - my) * (b - my));
        return vx == 0 || vy == 0 ? double.NaN : cov / Math.Sqrt(vx * vy);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = values.Select((v, i) => (v, i)).OrderBy(p => p.v).ToList();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Count;)
        {
            var end = start;
            while (end + 1 < order.Count && order[end + 1].v == order[start].v)
            {
                end++;
            }
            for (var k = start; k <= end; k++)
            {
                ranks[order[k].i] = (start + end) / 2.0 + 1;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static string Short(string name) => name["initiatives/".Length..];

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
