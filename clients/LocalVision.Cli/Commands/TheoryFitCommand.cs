using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>`lv theory-fit`: a theory (an expression or a programme-theory rule) against the solution over the conditions (EvaluateTheory).</summary>
public static class TheoryFitCommand
{
    public static Command TheoryFit()
    {
        var cases = new InsightCommands.CaseOptions("Conditions of the solution, e.g. SENIOR_ENGAGEMENT_EARLY,DEDICATED_SUPPORT; every one the theory names must be here", required: true);
        var cutoffs = new InsightCommands.Cutoffs();
        var theory = new Option<string>("--theory", "-t")
        {
            Description = "The theory as an expression over the conditions: literals joined by * (and), terms by + (or), ~ for not, e.g. \"DEV*STB + ~CON\"",
        };
        var rule = new Option<string>("--rule", "-r")
        {
            Description = "A rule of the current programme theory (lv theory rules lists them), e.g. SENIOR_EARLY: its context is the theory",
        };
        var parsimonious = new Option<bool>("--parsimonious") { Description = "Compare with the parsimonious solution instead of the conservative one" };
        var model = new Option<string>("--model", "-m")
        {
            HelpName = "name", Description = "The model of the solution to compare with, e.g. M2, when the solution has several; the first (M1) when left out",
        };
        var command = new Command("theory-fit",
            "How a theory fits the solution (SetMethods' theory.evaluation): the cases in theory and solution (T*S), in the solution only (~T*S), "
            + "in the theory only (T*~S) and in neither (~T*~S), each with its cases in and out of the outcome and its consistency and coverage");
        cases.AddTo(command);
        cutoffs.AddTo(command);
        command.Options.Add(theory);
        command.Options.Add(rule);
        command.Options.Add(parsimonious);
        command.Options.Add(model);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var minimization = new MinimizeTruthTableRequest
            {
                Outcome = parse.GetValue(cases.Outcome)!, InclusionCutoff = parse.GetValue(cutoffs.Inclusion), FrequencyCutoff = parse.GetValue(cutoffs.Frequency),
                SolutionType = parse.GetValue(parsimonious) ? SolutionType.Parsimonious : SolutionType.Conservative,
                AsOf = cases.AsOf(parse), CaseTable = cases.Table(parse), UnknownPolicy = cases.Unknowns(parse),
            };
            minimization.Conditions.AddRange(parse.GetValue(cases.Conditions) ?? []);
            minimization.DerivedConditions.AddRange(cases.Derive(parse));
            var request = new EvaluateTheoryRequest { Minimization = minimization, Theory = parse.GetValue(theory) ?? "", Rule = parse.GetValue(rule) ?? "", Model = parse.GetValue(model) ?? "" };
            var response = await connection.Insight.EvaluateTheoryAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => TheoryFitView.TheoryFit(response, minimization.Outcome));
        }));
        return command;
    }
}
