using System.Globalization;
using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>Versions of the programme theory, their changes and what a change changes, for people.</summary>
public static class TheoryVersionView
{
    public static void Write(V1.Theory theory)
    {
        AnsiConsole.MarkupLine($"[bold]programme theory, version {Markup.Escape(theory.Version)}[/] [grey]{Markup.Escape(Made(theory.Author, theory.CreateTime))}[/]");
        AnsiConsole.MarkupLine(Markup.Escape(theory.Note));
        var table = new Table().Border(TableBorder.Simple).AddColumns("rule", "status", "polarity", "weight", "§", "title");
        foreach (var rule in theory.Rules.Where(r => r.Kind == RuleKind.Cmo))
        {
            table.AddRow(Markup.Escape(rule.Id), Word(rule.Status.ToString()), Word(rule.Polarity.ToString()),
                rule.Weight.ToString("0.##", CultureInfo.InvariantCulture), Markup.Escape(rule.ReportSection), Markup.Escape(rule.Title));
        }
        AnsiConsole.Write(table);
    }

    public static void WriteHistory(ListTheoryVersionsResponse versions)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("version", "made", "rules", "why");
        foreach (var version in versions.Versions)
        {
            table.AddRow(Markup.Escape(version.Version + (version.Version == versions.CurrentVersion ? " (current)" : "")),
                Markup.Escape(Made(version.Author, version.CreateTime)), version.RuleIds.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(version.Note));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>The rules a change adds, replaces and removes, against the version it was made on.</summary>
    /// <param name="nothingStored">Whether nothing will be stored after this (validate, --dry-run), which the first line says.</param>
    public static void WriteRuleChanges(V1.Theory current, V1.Theory next, ChangeTheoryRequest request, bool nothingStored)
    {
        var before = current.Rules.Where(r => r.Kind == RuleKind.Cmo).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var after = next.Rules.Where(r => r.Kind == RuleKind.Cmo).ToDictionary(r => r.Id, StringComparer.Ordinal);
        AnsiConsole.MarkupLine(
            $"[green]valid[/]: would make version {Markup.Escape(next.Version)} from {Markup.Escape(current.Version)}{(nothingStored ? "; nothing stored" : "")}");
        foreach (var id in after.Keys.Where(id => !before.ContainsKey(id)))
        {
            AnsiConsole.MarkupLine($"  [green]+ {Markup.Escape(id)}[/] {Markup.Escape(after[id].Title)} [grey]({Word(after[id].Status.ToString())})[/]");
        }
        foreach (var id in after.Keys.Where(id => before.ContainsKey(id) && !before[id].Equals(after[id])))
        {
            AnsiConsole.MarkupLine($"  [yellow]~ {Markup.Escape(id)}[/] {Markup.Escape(after[id].Title)} [grey]({Word(after[id].Status.ToString())})[/]");
        }
        foreach (var id in request.RemoveRules)
        {
            AnsiConsole.MarkupLine($"  [red]- {Markup.Escape(id)}[/] {Markup.Escape(before.GetValueOrDefault(id)?.Title ?? "")}");
        }
        var unchanged = after.Keys.Count(id => before.ContainsKey(id) && before[id].Equals(after[id]));
        AnsiConsole.MarkupLine($"[grey]{unchanged} rule(s) unchanged[/]");
    }

    /// <summary>That a change was stored, after its diff was shown.</summary>
    public static void WriteStored(V1.Theory current, V1.Theory applied) =>
        AnsiConsole.MarkupLine($"[green]stored version {Markup.Escape(applied.Version)}[/] [grey](was {Markup.Escape(current.Version)})[/]: {Markup.Escape(applied.Note)}");

    public static void WriteComparison(CompareTheoriesResponse compared)
    {
        var asOf = compared.AsOf.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = Markup.Escape(compared.ToVersion) + (compared.Proposed ? " (proposed)" : "");
        if (compared.Initiatives.Count == 0)
        {
            AnsiConsole.MarkupLine($"no case's findings differ between versions {Markup.Escape(compared.FromVersion)} and {to} as of {asOf}");
            return;
        }
        AnsiConsole.MarkupLine($"[bold]findings that differ, version {Markup.Escape(compared.FromVersion)} → {to}, as of {asOf}[/]");
        var table = new Table().Border(TableBorder.Simple).AddColumns("case", "gained", "lost", "outlook before → after");
        foreach (var initiative in compared.Initiatives)
        {
            table.AddRow(
                Markup.Escape(initiative.DisplayName),
                Markup.Escape(string.Join(", ", initiative.Gained.Select(Name))),
                Markup.Escape(string.Join(", ", initiative.Lost.Select(Name))),
                Markup.Escape($"{Outlook(initiative.OutlookBefore)} → {Outlook(initiative.OutlookAfter)}"));
        }
        AnsiConsole.Write(table);
    }

    private static string Name(Finding finding) => finding.RuleId + (finding.Subject.Length == 0 ? "" : $" ({finding.Subject})");

    private static string Outlook(V1.Outlook outlook) => $"{outlook.Rating} {outlook.Score.ToString("0.##", CultureInfo.InvariantCulture)}";

    private static string Made(string author, Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? $"by {author}, as shipped" : $"by {author}, {time.ToDateTime():yyyy-MM-dd HH:mm} UTC";

    /// <summary>An enum value in the language's words (Initial → INITIAL).</summary>
    private static string Word(string value) => Markup.Escape(value.ToUpperInvariant());
}
