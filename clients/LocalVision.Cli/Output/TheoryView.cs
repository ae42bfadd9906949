using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>The programme theory tested: a rule × case matrix coloured by verdict, or one rule's cases in detail.</summary>
public static class TheoryView
{
    private static readonly (Verdict Verdict, string Letter, string Colour, string Meaning)[] Verdicts =
    [
        (Verdict.Supports, "S", "green", "supports: context present, outcome as the rule expects"),
        (Verdict.Deviant, "D", "red", "deviant: context present, outcome not as expected"),
        (Verdict.Alternative, "A", "blue", "alternative: the expected result without the context"),
        (Verdict.Consistent, "C", "grey", "consistent: neither the context nor the expected result"),
        (Verdict.Untested, "·", "grey39", "untested: context or outcome unknown"),
    ];

    public static void Write(TestProgrammeTheoryResponse response)
    {
        if (response.Rules.Count == 1)
        {
            WriteOne(response.Rules[0]);
            return;
        }
        var cases = response.Rules.SelectMany(r => r.Cases.Select(c => c.Initiative)).Distinct().ToList();
        var abbreviations = Abbreviate(cases);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("rule");
        foreach (var initiative in cases)
        {
            table.AddColumn(new TableColumn(abbreviations[initiative]).Centered());
        }
        table.AddColumn("S D A C ·").AddColumn("cons.").AddColumn("cov.");
        foreach (var rule in response.Rules)
        {
            var row = new List<string> { $"{Markup.Escape(Name(rule))} [grey]§{Markup.Escape(string.Join(", ", rule.ReportSections))}[/]" };
            var byCase = rule.Cases.ToDictionary(c => c.Initiative);
            row.AddRange(cases.Select(c => byCase.TryGetValue(c, out var test) ? Cell(test.Verdict) : ""));
            row.Add($"{rule.Counts.Supports} {rule.Counts.Deviant} {rule.Counts.Alternative} {rule.Counts.Consistent} {rule.Counts.Untested}");
            row.Add(rule.HasConsistency ? Figures.Ratio(rule.Consistency) : "–");
            row.Add(rule.HasCoverage ? Figures.Ratio(rule.Coverage) : "–");
            table.AddRow(row.ToArray());
        }
        table.Caption = new TableTitle(string.Join("  ", Verdicts.Select(v => $"[{v.Colour}]{v.Letter}[/] {v.Meaning.Split(':')[0]}")));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]" + Markup.Escape(string.Join("  ", cases.Select(c => $"{abbreviations[c]} {c}"))) + "[/]");
        AnsiConsole.MarkupLine("[grey]consistency and coverage: Σmin(X,Y)/ΣX and Σmin(X,Y)/ΣY over the testable cases; X the context, Y the expected result (the outcome for an ingredient, its absence for a risk or caution)[/]");
    }

    private static void WriteOne(RuleTest rule)
    {
        var expects = rule.Polarity == Polarity.Ingredient ? "reached" : "not reached";
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Name(rule))}[/] {Markup.Escape(rule.Title)} [grey]§{Markup.Escape(string.Join(", ", rule.ReportSections))}[/]");
        AnsiConsole.MarkupLine(rule.Outcome.Length == 0
            ? "[grey]the rule names no outcome, so no case can test it[/]"
            : $"expects {Markup.Escape(rule.Outcome)} {expects}" + (rule.Mechanism.Length > 0 ? $", through {Markup.Escape(rule.Mechanism)}" : "")
              + $"; {rule.Testable} testable case(s), consistency {(rule.HasConsistency ? Figures.Ratio(rule.Consistency) : "–")}, coverage {(rule.HasCoverage ? Figures.Ratio(rule.Coverage) : "–")}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("case").AddColumn("verdict").AddColumn("context").AddColumn("mechanism").AddColumn("outcome").AddColumn("observations");
        foreach (var test in rule.Cases.OrderBy(c => Array.FindIndex(Verdicts, v => v.Verdict == c.Verdict)).ThenBy(c => c.Initiative, StringComparer.Ordinal))
        {
            var observations = test.Context.Observations.Concat(test.Mechanism?.Observations ?? []).Concat(test.Outcome?.Observations ?? []).Distinct();
            table.AddRow(
                Markup.Escape(test.Initiative),
                $"{Cell(test.Verdict)} [grey]{Markup.Escape(test.Reason)}[/]",
                Context(test.Context),
                test.Mechanism is null ? "" : Value(test.Mechanism),
                test.Outcome is null ? "" : Value(test.Outcome),
                $"[grey]{Markup.Escape(string.Join(", ", observations))}[/]");
        }
        AnsiConsole.Write(table);
    }

    private static string Name(RuleTest rule) => rule.Subject.Length == 0 ? rule.RuleId : $"{rule.RuleId} ({rule.Subject})";

    private static string Cell(Verdict verdict)
    {
        var (_, letter, colour, _) = Verdicts.Single(v => v.Verdict == verdict);
        return $"[{colour}]{letter}[/]";
    }

    /// <summary>Whether the rule's context holds: for a rule about an absence, not the same as its code's value.</summary>
    private static string Context(TheoryValue value) => Describe(value, "holds", "does not hold");

    private static string Value(TheoryValue value) => Describe(value, "present", "absent");

    private static string Describe(TheoryValue value, string yes, string no)
    {
        var word = value.Value switch
        {
            ConditionValue.Present => $"[green]{yes}[/]",
            ConditionValue.Absent => $"[red]{no}[/]",
            _ => "[grey]unknown[/]",
        };
        return $"{(value.Code.Length > 0 ? Markup.Escape(value.Code) + " " : "")}{word}{(value.HasMembership ? $" {Figures.Number(value.Membership, 2)}" : "")}";
    }

    /// <summary>Short column heads for the cases: the first letters of the slug, made unique.</summary>
    private static Dictionary<string, string> Abbreviate(IReadOnlyList<string> initiatives)
    {
        var result = new Dictionary<string, string>();
        var used = new HashSet<string>();
        foreach (var initiative in initiatives)
        {
            var slug = initiative[(initiative.IndexOf('/') + 1)..].Replace("-local-vision", "", StringComparison.Ordinal);
            var stem = new string(slug.Where(char.IsLetter).Take(3).ToArray()).ToUpperInvariant();
            var candidate = stem;
            for (var n = 2; !used.Add(candidate); n++)
            {
                candidate = stem + n;
            }
            result[initiative] = candidate;
        }
        return result;
    }
}
