using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>Configurational analysis and cohort selection for people: every number beside the cases behind it.</summary>
public static class InsightView
{
    public static void Predictors(AnalyzeConditionsResponse response, bool showCases)
    {
        // The conditions that can be judged first, then those resting on more cases, then by sufficiency; JSON keeps the server's order.
        var conditions = response.Conditions.OrderByDescending(c => c.Judgeable).ThenByDescending(c => c.N)
            .ThenByDescending(c => c.SufficiencyConsistency).ThenBy(c => c.Condition, StringComparer.Ordinal).ToList();
        var bounds = conditions.Any(c => c.Bounds is not null);
        // Bars suggest a ranking; when no condition can be judged there is none to suggest (the dashboard leaves them out too).
        var bars = conditions.Any(c => c.Judgeable);
        var fit = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("condition").NoWrap()).AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("suff. cons.").NoWrap())
            .AddColumns("suff. cov.", "nec. cons.", "RoN", "Fisher p", "judge?");
        fit.Title = new TableTitle($"{Markup.Escape(response.Outcome)}: {response.CasesInOutcome} of {response.CasesWithOutcome} cases with a value are in it");
        foreach (var c in conditions)
        {
            fit.AddRow(Markup.Escape(c.Condition), Count(c.N), (bars ? Scaled(c.SufficiencyConsistency) : Figures.Defined(c.SufficiencyConsistency)) + Range(c.Bounds?.SufficiencyConsistency),
                Figures.Defined(c.SufficiencyCoverage) + Range(c.Bounds?.SufficiencyCoverage), Figures.Defined(c.NecessityConsistency) + Range(c.Bounds?.NecessityConsistency),
                Figures.Defined(c.RelevanceOfNecessity), c.NoCases ? "" : Figures.P(c.Crisp.FisherP), c.Judgeable ? "[green]yes[/]" : "[yellow]no[/]");
        }
        fit.Caption = new TableTitle($"n: the cases with values for the condition and {Markup.Escape(response.Outcome)}; judge?: at least {response.MinimumCases} cases, "
            + "contrast in both, and margins that could show an association (Fisher's p < 0.05)" + (bounds ? "; (low–high): all unknowns absent to all present" : "")
            + (bars ? "" : "; no bars: no condition can be judged on these cases") + "; n/a: nothing to divide by (no case in the set the figure is a share of)");
        AnsiConsole.Write(fit);

        var crisp = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("condition").NoWrap()).AddColumns("both", "cond. only", "outc. only", "neither", "PRI", "odds ratio (95% CI)");
        crisp.Title = new TableTitle("crisp 2×2: membership above 0.5 counts as in");
        foreach (var c in conditions.Where(c => c.Crisp is not null && !c.NoCases))
        {
            var t = c.Crisp;
            crisp.AddRow(Markup.Escape(c.Condition), Count(t.Both), Count(t.ConditionOnly), Count(t.OutcomeOnly), Count(t.Neither), Figures.Defined(c.Pri),
                $"{Figures.Number(t.OddsRatio, 2)} ({Figures.Number(t.OddsRatioLow, 2)}–{Figures.Number(t.OddsRatioHigh, 1)})");
        }
        crisp.Caption = new TableTitle("odds ratio with the Haldane–Anscombe correction"
            + (conditions.Any(c => c.Crisp is not null && !c.NoCases && double.IsNaN(c.Pri))
                ? "; PRI n/a: no case is in the condition (above 0), so there is no membership to divide by" : ""));
        AnsiConsole.Write(crisp);

        AnsiConsole.MarkupLine("in words:");
        foreach (var c in conditions)
        {
            AnsiConsole.MarkupLine($"  {(c.Judgeable ? "[green]•[/]" : "[grey]•[/]")} {Markup.Escape(c.Condition)}: {Markup.Escape(c.Summary)}");
            foreach (var caveat in c.Judgeable ? c.Caveats : [])
            {
                AnsiConsole.MarkupLine($"      [yellow]caveat:[/] {Markup.Escape(caveat)}");
            }
        }

        if (showCases)
        {
            var behind = new Table().Border(TableBorder.Rounded).AddColumns("condition", "in the condition and the outcome", "in the condition only", "left out");
            foreach (var c in conditions)
            {
                behind.AddRow(Markup.Escape(c.Condition), Names(c.CasesInBoth), Names(c.CasesInCondition.Except(c.CasesInBoth)), Names(c.Excluded.Select(e => e.Name)));
            }
            AnsiConsole.Write(behind);
        }
        Excluded("left out of every condition", response.Excluded);
        Render.Warnings(response.Warnings);
    }

    /// <summary>Left-out cases grouped by reason: "left out: no value for MOMENTUM: a, b, c".</summary>
    internal static void Excluded(string title, IEnumerable<ExcludedCase> excluded)
    {
        foreach (var group in excluded.GroupBy(e => e.Explanation))
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(title)}[/] ({Markup.Escape(group.Key)}): {Names(group.Select(e => e.Name))}");
        }
    }

    private static string Range(FigureRange? range) => range is null ? "" : $" ({Figures.Ratio(range.Low)}–{Figures.Ratio(range.High)})";

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
        table.Title = new TableTitle($"{Markup.Escape(outcome)} over {response.CaseCount} cases");
        table.Caption = new TableTitle($"{response.Rows.Count} rows; outcome 1: sufficient, 0: not, ?: too few cases (as the minimisation uses them); "
            + $"C: contradictory, its cases in and out of the outcome listed apart; {remainders}");
        AnsiConsole.Write(table);
        Excluded("left out", response.Excluded);
        Render.Warnings(response.Warnings.Where(w => !w.Contains(" left out: ", StringComparison.Ordinal)));
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
        Configurations("remainders kept out (Enhanced Standard Analysis)", response.ExcludedRemainders, conditions);
        Configurations("easy counterfactuals", response.EasyCounterfactuals, conditions);
        Configurations("difficult counterfactuals", response.DifficultCounterfactuals, conditions);
        if (response.Bounds is { } bounds)
        {
            AnsiConsole.MarkupLine($"unknowns all absent: {Markup.Escape(Expressions(bounds.AllAbsent))}; all present: {Markup.Escape(Expressions(bounds.AllPresent))}; "
                + $"M1's consistency{Range(bounds.Consistency)}, coverage{Range(bounds.Coverage)} over the readings");
        }
        AnsiConsole.MarkupLine($"[grey]{response.CaseCount} cases{(response.Excluded.Count == 0 ? ", none left out" : "")}[/]");
        Excluded("left out", response.Excluded);
        Render.Warnings(response.Warnings.Where(w => !w.Contains(" left out: ", StringComparison.Ordinal)));
    }

    public static void Calibrated(CalibrateResponse response)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (response.Names.Count > 0)
        {
            table.AddColumn("name");
        }
        table.AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("membership").RightAligned());
        for (var i = 0; i < response.Memberships.Count; i++)
        {
            var cells = new List<string>();
            if (response.Names.Count > 0)
            {
                cells.Add(Markup.Escape(response.Names[i]));
            }
            cells.Add(Figures.Number(response.Values[i], 4));
            cells.Add(Figures.Number(response.Memberships[i], 4));
            table.AddRow([.. cells]);
        }
        if (response.InclusionMembership > 0)
        {
            table.Caption = new TableTitle($"inclusion anchor: {Figures.Number(response.InclusionMembership, 10)}");
        }
        AnsiConsole.Write(table);
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

    private static string Expressions(IEnumerable<V1.SolutionModel> models) => models.Any() ? string.Join(" | ", models.Select(m => m.Expression)) : "no solution";

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

    private static string Scaled(double value) => double.IsNaN(value) ? "n/a" : $"{Figures.Ratio(value)} [green]{Figures.Bar(value, 6)}[/]";

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string RowCases(TruthTableRow row) => row.Contradictory
        ? $"in: {Names(row.CasesInOutcome)}; out: {Names(row.CasesOutOfOutcome)}"
        : Names(row.Cases);

    private static string Names(IEnumerable<string> names) => Markup.Escape(string.Join(", ", names.Select(n => n.Split('/')[^1])));
}
