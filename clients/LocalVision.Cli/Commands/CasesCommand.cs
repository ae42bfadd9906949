using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>`lv cases`: which cases to study next for a solution, typical and deviant ones per kind (FindCases).</summary>
public static class CasesCommand
{
    public static Command Cases()
    {
        var cases = new InsightCommands.CaseOptions("Conditions to minimise over, e.g. POLITICAL_ENGAGEMENT,COMMUNITY_ENGAGEMENT (~X for an absence); at least one", required: true);
        var cutoffs = new InsightCommands.Cutoffs();
        var solution = new Choice<SolutionType>("--solution",
            "conservative: only configurations cases show; parsimonious: any remainder that simplifies the solution",
            new Dictionary<string, SolutionType> { ["conservative"] = SolutionType.Conservative, ["parsimonious"] = SolutionType.Parsimonious },
            "conservative");
        var necessity = new Option<bool>("--necessity")
        {
            Description = "Cases for a necessity claim (the cases in the outcome, and those in the expression without it: deviant relevance) instead of sufficiency; --term may then name a condition",
        };
        var term = new Option<string>("--term", "-t")
        {
            HelpName = "term",
            Description = "One term of the solution to sort the cases against, e.g. 'POLITICAL_ENGAGEMENT*~COMMUNITY_ENGAGEMENT'; the first model as a whole when left out",
        };
        var limit = new Option<int>("--limit")
        {
            HelpName = "N", Description = "Most cases listed per kind (each kind still says how many it has)", DefaultValueFactory = _ => 5,
        };
        var command = new Command("cases",
            "Which cases to study next for the solution over these conditions (Schneider and Rohlfing): typical cases to trace the mechanism in, "
            + "deviant cases of consistency, degree and coverage (or, for necessity, relevance) to learn what the solution misses, ranked within each kind, each with the observations and evidence behind it");
        cases.AddTo(command);
        cutoffs.AddTo(command);
        command.Options.Add(solution.Option);
        command.Options.Add(necessity);
        command.Options.Add(term);
        command.Options.Add(limit);
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var minimization = new MinimizeTruthTableRequest
            {
                Outcome = parse.GetValue(cases.Outcome)!, InclusionCutoff = parse.GetValue(cutoffs.Inclusion), FrequencyCutoff = parse.GetValue(cutoffs.Frequency),
                SolutionType = solution.Value(parse), AsOf = cases.AsOf(parse), CaseTable = cases.Table(parse), UnknownPolicy = cases.Unknowns(parse),
            };
            minimization.Conditions.AddRange(parse.GetValue(cases.Conditions) ?? []);
            minimization.DerivedConditions.AddRange(cases.Derive(parse));
            var request = new FindCasesRequest
            {
                Minimization = minimization,
                Relation = parse.GetValue(necessity) ? SetRelation.Necessity : SetRelation.Sufficiency,
                Term = parse.GetValue(term) ?? "",
                PerKindLimit = parse.GetValue(limit),
            };
            var response = await connection.Insight.FindCasesAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => CasesView.Cases(response));
        }));
        return command;
    }
}
