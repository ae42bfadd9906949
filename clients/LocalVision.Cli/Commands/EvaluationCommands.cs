using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>Realist evaluation of one initiative: its findings, what they rest on, and its momentum outlook.</summary>
public static class EvaluationCommands
{
    public static Command Evaluate()
    {
        var initiative = new Argument<string>("initiative") { Description = "An initiative's resource name, e.g. initiatives/plymouth-local-vision" };
        var asOf = AnalysisOptions.AsOf("Count only what was known by this date, YYYY-MM-DD; today when left out");
        var explain = new Option<bool>("--explain") { Description = "Also print each finding's explanation: why the rule fired, in a sentence" };
        var command = new Command("evaluate",
            "Evaluate an initiative with the CMO rules: its ingredients, risks and cautions with the observations and evidence behind each, and its momentum outlook")
        {
            initiative, asOf, explain,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var request = new EvaluateInitiativeRequest { Name = parse.GetValue(initiative)!, AsOf = AnalysisOptions.Timestamp(parse.GetValue(asOf)) };
            var evaluation = await connection.Evaluation.EvaluateInitiativeAsync(request, connection.Call(ct));
            // The tree says which evidence supports which observation, which the findings alone do not; JSON prints the evaluation as it came.
            var trail = connection.Output == OutputFormat.Table ? await TrailAsync(connection, evaluation.Initiative, ct) : new Subgraph();
            Render.Message(evaluation, connection.Output, () => EvaluationView.Write(evaluation, trail, parse.GetValue(explain)));
        }));
        return command;
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
