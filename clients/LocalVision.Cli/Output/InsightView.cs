using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>Configurational analysis and cohort selection for people: every number beside the cases behind it.</summary>
public static class InsightView
{
    public static void Predictors(AnalyzeConditionsResponse response, bool showCases)
    {
        // Strongest predictors first; JSON keeps the server's order.
        var conditions = response.Conditions.OrderByDescending(c => c.SufficiencyConsistency).ThenBy(c => c.Condition, StringComparer.Ordinal).ToList();
        var fit = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("condition").NoWrap()).AddColumn(new TableColumn("suff. cons.").NoWrap()).AddColumns("suff. cov.", "PRI", "nec. cons.", "nec. cov.", "RoN");
        fit.Title = new TableTitle($"{Markup.Escape(response.Outcome)}: {response.Cases.Count} cases");
        foreach (var c in conditions)
        {
            fit.AddRow(Markup.Escape(c.Condition), Scaled(c.SufficiencyConsistency), Figures.Ratio(c.SufficiencyCoverage), Figures.Ratio(c.Pri),
                Figures.Ratio(c.NecessityConsistency), Figures.Ratio(c.NecessityCoverage), Figures.Ratio(c.RelevanceOfNecessity));
        }
        fit.Caption = new TableTitle("consistency and coverage of sufficiency (suff.) and necessity (nec.), sorted by sufficiency consistency; RoN: relevance of necessity");
        AnsiConsole.Write(fit);

        var crisp = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("condition").NoWrap()).AddColumns("both", "cond. only", "outc. only", "neither", "Fisher p", "odds ratio (95% CI)");
        crisp.Title = new TableTitle("crisp 2×2: membership above 0.5 counts as in");
        foreach (var c in conditions.Where(c => c.Crisp is not null))
        {
            var t = c.Crisp;
            crisp.AddRow(Markup.Escape(c.Condition), Count(t.Both), Count(t.ConditionOnly), Count(t.OutcomeOnly), Count(t.Neither), Figures.P(t.FisherP),
                $"{Figures.Number(t.OddsRatio, 2)} ({Figures.Number(t.OddsRatioLow, 2)}–{Figures.Number(t.OddsRatioHigh, 1)})");
        }
        crisp.Caption = new TableTitle("odds ratio with the Haldane–Anscombe correction");
        AnsiConsole.Write(crisp);

        if (showCases)
        {
            var behind = new Table().Border(TableBorder.Rounded).AddColumns("condition", "in the condition and the outcome", "in the condition only");
            foreach (var c in conditions)
            {
                behind.AddRow(Markup.Escape(c.Condition), Names(c.CasesInBoth), Names(c.CasesInCondition.Except(c.CasesInBoth)));
            }
            AnsiConsole.Write(behind);
        }
        Render.Warnings(response.Warnings);
    }

    public static void TruthTable(BuildTruthTableResponse response, string outcome)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var condition in response.Conditions)
        {
            table.AddColumn(new TableColumn(Markup.Escape(condition)).Centered());
        }
        table.AddColumn(new TableColumn(Markup.Escape(outcome)).Centered()).AddColumns("n", "consistency", "PRI", "cases");
        foreach (var row in response.Rows)
        {
            var cells = row.Configuration.Select(v => v == 1 ? "1" : "[grey]0[/]").ToList();
            // The value the minimisation uses, and beside it a C when the row's cases disagree on the outcome.
            var value = row.Outcome switch { "1" => "[green]1[/]", _ => Markup.Escape(row.Outcome) };
            cells.Add(row.Contradictory ? value + " [yellow]C[/]" : value);
            cells.AddRange([Count(row.N), Figures.Ratio(row.Consistency), Figures.Ratio(row.Pri), RowCases(row)]);
            table.AddRow([.. cells]);
        }
        var remainders = response.RemainderCount == 0
            ? "no remainders"
            : $"{response.RemainderCount} remainders (configurations no case shows)"
              + (response.Remainders.Count > 0 ? ", e.g. " + string.Join(", ", response.Remainders.Take(6)) + (response.RemainderCount > 6 ? ", …" : "") : "");
        table.Caption = new TableTitle($"{response.Rows.Count} rows; outcome 1: sufficient, 0: not, ?: too few cases (as the minimisation uses them); "
            + $"C: contradictory, its cases in and out of the outcome listed apart; {remainders}");
        AnsiConsole.Write(table);
        Render.Warnings(response.Warnings);
    }

    public static void Solutions(MinimizeTruthTableResponse response, string outcome, IReadOnlyList<string> conditions)
    {
        if (response.Models.Count == 0)
        {
            AnsiConsole.MarkupLine($"[yellow]no solution[/]: no combination of the conditions is sufficient for {Markup.Escape(outcome)} at this cut-off");
        }
        for (var i = 0; i < response.Models.Count; i++)
        {
            var model = response.Models[i];
            var name = model.Name.Length > 0 ? model.Name : $"M{i + 1}";
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(name)}[/]: [blue]{Markup.Escape(model.Expression)}[/] → {Markup.Escape(outcome)}"
                + $"  consistency {Figures.Ratio(model.Consistency)}, coverage {Figures.Ratio(model.Coverage)}");
            var terms = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("term").NoWrap()).AddColumns("in words", "cons.", "raw cov.", "unique cov.", "cases");
            foreach (var term in model.Terms)
            {
                terms.AddRow(Markup.Escape(term.Expression), Markup.Escape(Words(term.Expression)), Figures.Ratio(term.Consistency),
                    Figures.Ratio(term.RawCoverage), Figures.Ratio(term.UniqueCoverage), Names(term.Cases));
            }
            if (model.Terms.Count == 1)
            {
                terms.Caption = new TableTitle(UniqueCoverageOfOnlyTerm);
            }
            AnsiConsole.Write(terms);
        }
        Configurations("simplifying assumptions (remainders taken as sufficient)", response.SimplifyingAssumptions, conditions);
        Configurations("easy counterfactuals", response.EasyCounterfactuals, conditions);
        Configurations("difficult counterfactuals", response.DifficultCounterfactuals, conditions);
        Render.Warnings(response.Warnings);
    }

    /// <summary>The API gives a single term's whole coverage as its unique coverage; R's QCA shows NA there.</summary>
    private const string UniqueCoverageOfOnlyTerm = "the only term's unique coverage is its whole coverage: the model without it covers nothing (R's QCA shows NA)";

    public static void Cohort(SelectCohortResponse response)
    {
        Candidates("selected", response.Selected);
        Candidates("left out", response.Excluded);
        AnsiConsole.MarkupLine($"total readiness {Figures.Number(response.TotalScore)}, funding £{response.TotalFunding:N0}; "
            + (response.Optimal ? "[green]proven optimal[/] under the constraints" : "[yellow]the best found, not proven optimal[/]"));
        Render.Warnings(response.Warnings);
    }

    private static void Candidates(string title, IReadOnlyList<CohortCandidate> candidates)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("initiative", "locality", "readiness", "funding", "why");
        table.Title = new TableTitle($"{title} ({candidates.Count})");
        foreach (var c in candidates)
        {
            table.AddRow(Markup.Escape(c.Initiative), Markup.Escape(c.Locality), Figures.Number(c.Score), $"£{c.Funding:N0}", Markup.Escape(string.Join("\n", c.Reasons)));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>Configurations such as <c>101</c> written as terms over the request's conditions, <c>A*~B*C</c>.</summary>
    private static void Configurations(string title, IReadOnlyList<string> configurations, IReadOnlyList<string> conditions)
    {
        if (configurations.Count == 0)
        {
            return;
        }
        AnsiConsole.MarkupLine($"{title}:");
        foreach (var configuration in configurations)
        {
            var term = configuration.Length == conditions.Count
                ? string.Join("*", configuration.Select((bit, i) => bit == '1' ? conditions[i] : "~" + conditions[i]))
                : configuration;
            AnsiConsole.MarkupLine($"  {Markup.Escape(term)}");
        }
    }

    /// <summary>A solution term in words: <c>A*~B</c> is "A and not B"; the term <c>1</c> holds for every case.</summary>
    private static string Words(string expression) => expression == "1"
        ? "any case (the conditions make no difference)"
        : string.Join(" and ", expression.Split('*').Select(c => c.StartsWith('~') ? "not " + c[1..] : c));

    private static string Scaled(double value) => $"{Figures.Ratio(value)} [green]{Figures.Bar(value, 6)}[/]";

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string RowCases(TruthTableRow row) => row.Contradictory
        ? $"in: {Names(row.CasesInOutcome)}; out: {Names(row.CasesOutOfOutcome)}"
        : Names(row.Cases);

    private static string Names(IEnumerable<string> names) => Markup.Escape(string.Join(", ", names.Select(n => n.Split('/')[^1])));
}
