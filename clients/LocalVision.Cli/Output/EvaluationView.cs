using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>
/// An evaluation for people: the momentum outlook with its cautions, the report's headings with what the project shows,
/// lacks on evidence and what nobody assessed, then a tree of findings → observations → evidence.
/// </summary>
public static class EvaluationView
{
    /// <summary>What the server puts in place of each hidden property of confidential evidence.</summary>
    private const string RedactedPlaceholder = "[confidential]";

    /// <summary>The report's three kinds of finding, in the order a reader weighs them.</summary>
    private static readonly (Polarity Polarity, string Heading, string Colour)[] Groups =
    [
        (Polarity.Ingredient, "ingredients", "green"),
        (Polarity.Risk, "risks", "red"),
        (Polarity.Caution, "cautions", "yellow"),
        (Polarity.Unspecified, "other findings", "grey"),
    ];

    /// <param name="headings">The report's headings, in its order, to group the evaluation by.</param>
    /// <param name="trail">The initiative's observations and evidence with their SUPPORTS ties; what it lacks is shown by name only.</param>
    /// <param name="explain">Print each finding's explanation, the engine's sentence about why the rule fired.</param>
    public static void Write(Evaluation evaluation, IReadOnlyList<ReportHeading> headings, Subgraph trail, bool explain)
    {
        var asOf = evaluation.AsOf is null ? "" : $" as of {evaluation.AsOf.ToDateTime():yyyy-MM-dd}";
        var scope = (evaluation.AsNowKnown ? ", as we now know" : "") + (evaluation.IncludeIllustrative ? ", illustrative data included" : "");
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(evaluation.Initiative)}[/]{asOf}{Markup.Escape(scope)} [grey]({Status(evaluation.Status)})[/]");
        if (evaluation.Outlook is { Rating.Length: > 0 } outlook)
        {
            var reasons = new Tree($"momentum outlook: [{RatingColour(outlook.Rating)}]{Markup.Escape(outlook.Rating)}[/] (score {Figures.Number(outlook.Score)})");
            foreach (var reason in outlook.Reasons)
            {
                reasons.AddNode($"[grey]{Markup.Escape(reason)}[/]");
            }
            AnsiConsole.Write(reasons);
        }
        if (evaluation.Status == EvaluationStatus.NotStarted)
        {
            return;
        }
        WriteHeadings(evaluation, headings);
        var nodes = trail.Nodes.ToDictionary(n => n.Name);
        var supporters = trail.Relationships.Where(r => r.Type == "SUPPORTS").ToLookup(r => r.End, r => r.Start);
        var tree = new Tree($"findings ({evaluation.Findings.Count})");
        foreach (var (polarity, heading, colour) in Groups)
        {
            var findings = evaluation.Findings.Where(f => f.Polarity == polarity).ToList();
            if (findings.Count == 0)
            {
                continue;
            }
            var group = tree.AddNode($"[{colour} bold]{heading} ({findings.Count})[/]");
            foreach (var finding in findings)
            {
                AddFinding(group, finding, explain, nodes, supporters);
            }
        }
        if (evaluation.Findings.Count == 0)
        {
            tree.AddNode($"[grey]no rule fired; {Figures.Count(evaluation.NotAssessed.Count, "rule")} could not be assessed (see above for the codes that would settle them)[/]");
        }
        AnsiConsole.Write(tree);
    }

    /// <summary>Each heading of the report with what the project shows, lacks on evidence, should be read with care, and what nobody assessed.</summary>
    private static void WriteHeadings(Evaluation evaluation, IReadOnlyList<ReportHeading> headings)
    {
        var tree = new Tree("by heading of the report: [green]shows[/] · [red]lacks on evidence[/] · [yellow]read with care[/] · [grey]not assessed[/]");
        foreach (var heading in headings)
        {
            var findings = evaluation.Findings.Where(f => f.ReportSections.Contains(heading.Section)).ToList();
            var unassessed = evaluation.NotAssessed.Where(u => u.Sections.Contains(heading.Section)).ToList();
            var node = tree.AddNode($"[bold]§{Markup.Escape(heading.Section)}[/] {Markup.Escape(heading.Title)}");
            foreach (var (polarity, label, colour) in new[] { (Polarity.Ingredient, "shows", "green"), (Polarity.Risk, "lacks", "red"), (Polarity.Caution, "caution", "yellow") })
            {
                foreach (var finding in findings.Where(f => f.Polarity == polarity))
                {
                    node.AddNode($"[{colour}]{label}[/] [bold]{Markup.Escape(Name(finding.RuleId, finding.Subject))}[/] {Markup.Escape(finding.Title)}{Marks(finding)}");
                }
            }
            foreach (var item in unassessed)
            {
                var settle = item.MissingCodes.Count > 0 ? $"; would be settled by {string.Join(" or ", item.MissingCodes)}" : "";
                node.AddNode($"[grey]not assessed[/] [bold]{Markup.Escape(Name(item.Rule, item.Subject))}[/] [grey]{Markup.Escape(item.Reason + settle)}[/]");
            }
            if (findings.Count == 0 && unassessed.Count == 0)
            {
                node.AddNode("[grey]assessed: on the evidence, none of this heading's rules applies[/]");
            }
        }
        AnsiConsole.Write(tree);
    }

    private static string Name(string rule, string subject) => subject.Length == 0 ? rule : $"{rule} ({subject})";

    private static string Marks(Finding finding) =>
        (finding.Tentative ? " [yellow](tentative: rests on a low-confidence observation)[/]" : "")
        + (finding.Illustrative ? " [magenta](rests on illustrative data)[/]" : "");

    private static string Status(EvaluationStatus status) => status switch
    {
        EvaluationStatus.NotStarted => "not started",
        EvaluationStatus.Running => "running",
        EvaluationStatus.Ended => "ended",
        _ => "start date not recorded",
    };

    private static void AddFinding(TreeNode group, Finding finding, bool explain, Dictionary<string, Node> nodes, ILookup<string, string> supporters)
    {
        var rule = group.AddNode($"[bold]{Markup.Escape(finding.RuleId)}[/] {Markup.Escape(finding.Title)} [grey]§{Markup.Escape(finding.ReportSection)}[/]{Marks(finding)}");
        if (explain)
        {
            rule.AddNode($"[italic]{Markup.Escape(finding.Explanation)}[/]");
        }
        if (finding.Mechanism is { } mechanism)
        {
            var observed = mechanism.Observed switch
            {
                MechanismObserved.Yes => "[green]observed[/]",
                MechanismObserved.No => "[red]not observed (coded absent)[/]",
                _ => "[grey]not known: nobody coded it[/]",
            };
            rule.AddNode($"expected mechanism {Markup.Escape(mechanism.Code)}: {observed}"
                + (mechanism.Observations.Count > 0 ? $" [grey]{Markup.Escape(string.Join(", ", mechanism.Observations))}[/]" : ""));
        }
        var shown = new HashSet<string>();
        foreach (var observation in finding.Observations)
        {
            var branch = rule.AddNode(ObservationLine(observation, nodes.GetValueOrDefault(observation)));
            // Only the evidence the finding cites: the evaluation's date has already left out anything later.
            foreach (var evidence in supporters[observation].Where(finding.Evidence.Contains).Order(StringComparer.Ordinal))
            {
                branch.AddNode(EvidenceLine(evidence, nodes.GetValueOrDefault(evidence)));
                shown.Add(evidence);
            }
        }
        foreach (var evidence in finding.Evidence.Where(e => !shown.Contains(e)))
        {
            rule.AddNode(EvidenceLine(evidence, nodes.GetValueOrDefault(evidence)));
        }
        foreach (var fact in finding.DerivedFacts)
        {
            rule.AddNode($"[blue]derived {Markup.Escape(fact.Code)} {Figures.Number(fact.Score)}[/] [grey]{Markup.Escape(fact.Source)}[/]");
        }
    }

    /// <summary>The code and score first, since that is what the rule matched; then where it was coded, and the coder's note.</summary>
    private static string ObservationLine(string name, Node? node)
    {
        if (node is null)
        {
            return Markup.Escape(name);
        }
        var coded = $"{Property(node, "code")} {Property(node, "score")}"
            + (Property(node, "at") is { } at ? $" on {at}" : "")
            + (Property(node, "recordedAt") is { } recorded && recorded != Property(node, "at") ? $" (recorded {recorded})" : "")
            + (Property(node, "confidence") is { } confidence ? $", confidence {confidence}" : "");
        return $"[blue]{Markup.Escape(coded)}[/] {Markup.Escape(name)}" + (Property(node, "note") is { } note ? $" [grey]{Markup.Escape(note)}[/]" : "");
    }

    private static string EvidenceLine(string name, Node? node)
    {
        if (node is null)
        {
            return Markup.Escape(name);
        }
        var source = string.Join(" ", new[] { Property(node, "kind"), Property(node, "date"), Property(node, "reportSection") is { } section ? "§" + section : null }.OfType<string>());
        var confidential = Property(node, "confidential") == "true";
        var summary = Property(node, "summary") ?? "";
        var text = confidential && summary == RedactedPlaceholder
            ? "[red]redacted[/] [grey](confidential; readable with the evidence-reader role)[/]"
            : (confidential ? "[yellow]confidential:[/] " : "") + $"[grey]{Markup.Escape(summary)}[/]";
        return $"{Markup.Escape(source)} {Markup.Escape(name)} {text}";
    }

    private static string? Property(Node node, string key) =>
        node.Properties?.Fields.TryGetValue(key, out var value) == true ? Render.Text(value) : null;

    private static string RatingColour(string rating) => rating switch
    {
        "STRONG" => "green",
        "MODERATE" => "yellow",
        "AT_RISK" => "red",
        "NOT_STARTED" => "blue",
        _ => "grey",
    };
}
