using LocalVision.V1;
using Spectre.Console;

namespace LocalVision.Cli.Output;

/// <summary>A robustness test for people: which terms survive every run, how far the fit moves, and which cases move.</summary>
public static class RobustnessView
{
    public static void Robustness(TestRobustnessResponse response, TestRobustnessRequest request)
    {
        var outcome = request.Minimization.Outcome.Length == 0 ? "MOMENTUM" : request.Minimization.Outcome;
        AnsiConsole.MarkupLine($"robustness of the conservative solution for {Markup.Escape(outcome)} over {Markup.Escape(string.Join(", ", request.Minimization.Conditions))}:");
        var runs = new Table().Border(TableBorder.Rounded).AddColumns("run", "cases", "solution", "cons.", "cov.");
        foreach (var run in response.Tests.Prepend(response.Initial))
        {
            runs.AddRow(Markup.Escape(run.Label.Replace("without initiatives/", "without ", StringComparison.Ordinal)), run.CaseCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(run.Models.Count == 0 ? "no solution: " + run.Note : string.Join(" | ", run.Models)), Figures.Defined(run.Consistency), Figures.Defined(run.Coverage));
        }
        AnsiConsole.Write(runs);
        AnsiConsole.MarkupLine(response.RobustCore.Count == 0
            ? "  robust core: [yellow]no term survives every run[/]"
            : $"  robust core (in every model of every run): [green]{Markup.Escape(string.Join(" + ", response.RobustCore))}[/]");
        if (response.Consistency is { } consistency && response.Coverage is { } coverage)
        {
            AnsiConsole.MarkupLine($"  consistency {Figures.Defined(consistency.Low)}–{Figures.Defined(consistency.High)}, coverage {Figures.Defined(coverage.Low)}–{Figures.Defined(coverage.High)} over the runs with a solution");
        }
        if (response.Fit is { } fit)
        {
            AnsiConsole.MarkupLine($"  robustness fit (Oana and Schneider 2021): RF_cov {Figures.Defined(fit.RfCov)}, RF_cons {Figures.Defined(fit.RfCons)}, RF_SC_minTS {Figures.Defined(fit.RfScMinTs)}, RF_SC_maxTS {Figures.Defined(fit.RfScMaxTs)}"
                + " — 1 means the choices make no difference");
        }
        foreach (var moving in response.MovingCases)
        {
            AnsiConsole.MarkupLine($"  [yellow]moves:[/] {Markup.Escape(moving.Name.Split('/')[^1])} ({Markup.Escape(Kind(moving.Kind))}) in {Markup.Escape(string.Join(", ", moving.Runs))}");
        }
        Render.Warnings(response.Warnings);
    }

    private static string Kind(string kind) => kind switch
    {
        "SHAKY_TYPICAL" => "in the solution and the outcome, but not in every run",
        "SHAKY_DEVIANT" => "in the solution, not in the outcome, not in every run",
        "POSSIBLE_TYPICAL" => "in the outcome, in some run's solution only",
        _ => "not in the outcome, in some run's solution only",
    };
}
