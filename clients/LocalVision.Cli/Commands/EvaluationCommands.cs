using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>
/// Realist evaluation: one initiative's findings heading by heading (what it shows, lacks on evidence, and what nobody
/// assessed), and the programme theory tested against every case (`lv theory test`, under <see cref="TheoryCommands"/>).
/// </summary>
public static class EvaluationCommands
{
    private static Option<bool> IncludeIllustrative() =>
        new("--include-illustrative") { Description = "Also use data marked illustrative (invented for the sample); findings resting on it say so" };

    private static Option<bool> AsNowKnown() =>
        new("--as-now-known") { Description = "Use what held by the date as we now know it, however late it was recorded" };

    public static Command Evaluate()
    {
        var initiative = new Argument<string>("initiative") { Description = "An initiative's resource name, e.g. initiatives/plymouth-local-vision" };
        var asOf = AnalysisOptions.AsOf("Count only what held and was recorded by this date, YYYY-MM-DD; today when left out");
        var explain = new Option<bool>("--explain") { Description = "Also print each finding's explanation: why the rule fired, in a sentence" };
        var illustrative = IncludeIllustrative();
        var asNowKnown = AsNowKnown();
        var command = new Command("evaluate",
            "Evaluate an initiative with the CMO rules: heading by heading of the report's chapter 7, what it shows, what it lacks on evidence and what nobody assessed; then each finding with the observations and evidence behind it, and the momentum outlook")
        {
            initiative, asOf, explain, illustrative, asNowKnown,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new EvaluateInitiativeRequest
            {
                Name = parse.GetValue(initiative)!,
                AsOf = AnalysisOptions.Timestamp(parse.GetValue(asOf)),
                IncludeIllustrative = parse.GetValue(illustrative),
                AsNowKnown = parse.GetValue(asNowKnown),
            };
            var evaluation = await connection.Evaluation.EvaluateInitiativeAsync(request, connection.Call(ct));
            if (connection.Output != OutputFormat.Table)
            {
                Render.Message(evaluation, connection.Output, () => { });
                return;
            }
            // The tree says which evidence supports which observation, which the findings alone do not.
            var trail = await TrailAsync(connection, evaluation.Initiative, ct);
            var rules = await connection.Evaluation.ListRulesAsync(new ListRulesRequest(), connection.Call(ct));
            EvaluationView.Write(evaluation, rules.Headings, trail, parse.GetValue(explain));
        }));
        return command;
    }

    /// <summary>`lv theory test`: the theory's rules against the cases.</summary>
    public static Command TheoryTest()
    {
        var rule = AnalysisOptions.List("--rule", "ids", "Only these rules of the programme theory, e.g. SENIOR_EARLY,NO_SUPPORT; every rule when left out", "-r");
        var filter = new Option<string>("--filter") { Description = "Which initiatives are the cases, as a list filter; every Local Vision project when left out" };
        var asOf = AnalysisOptions.AsOf("Evaluate each case with what held and was recorded by this date, YYYY-MM-DD; today when left out");
        var illustrative = IncludeIllustrative();
        var asNowKnown = AsNowKnown();
        var version = TheoryCommands.VersionOption("Test this version of the theory; the current one when left out");
        var test = new Command("test",
            "Test the rules against the cases: per rule and case SUPPORTS, DEVIANT, ALTERNATIVE, CONSISTENT or untested, with consistency and coverage over the testable cases; with one rule, each case's context, mechanism and outcome and the observations behind them")
        {
            rule, filter, asOf, illustrative, asNowKnown, version,
        };
        test.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new TestProgrammeTheoryRequest
            {
                Filter = parse.GetValue(filter) ?? "",
                AsOf = AnalysisOptions.Timestamp(parse.GetValue(asOf)),
                IncludeIllustrative = parse.GetValue(illustrative),
                AsNowKnown = parse.GetValue(asNowKnown),
                TheoryVersion = parse.GetValue(version) ?? "",
            };
            request.Rules.AddRange(parse.GetValue(rule) ?? []);
            var response = await connection.Evaluation.TestProgrammeTheoryAsync(request, connection.Call(ct));
            Render.Message(response, connection.Output, () => TheoryView.Write(response));
        }));
        return test;
    }

    /// <summary>The initiative's observations and the evidence supporting them, as this caller may see them.</summary>
    private static Task<Subgraph> TrailAsync(Connection connection, string initiative, CancellationToken ct) =>
        connection.Graph.GetNeighborhoodAsync(new GetNeighborhoodRequest
        {
            Name = initiative,
            Depth = 2,
            RelationshipTypes = { "OBSERVED", "SUPPORTS" },
            Labels = { "Observation", "Evidence" },
        }, connection.Call(ct)).ResponseAsync;
}
