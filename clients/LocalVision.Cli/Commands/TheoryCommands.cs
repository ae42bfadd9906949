using System.CommandLine;
using LocalVision.Cli.Output;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>
/// `lv theory`: the programme theory as data. Show or export a version, validate or apply a changed file (rules to add
/// or replace by id), the refinement log, what a change changes per case, and the rules tested against the cases.
/// </summary>
public static class TheoryCommands
{
    public static Option<string> VersionOption(string description) => new("--version", "-V") { Description = description };

    public static Command Theory() => new("theory", "The programme theory: the report's ingredients as rules in YAML, versioned, refined by evaluators and tested case by case")
    {
        Show(), Export(), Validate(), Apply(), History(), Diff(), EvaluationCommands.TheoryTest(),
    };

    private static Command Show()
    {
        var version = VersionOption("Show this version; the current one when left out");
        var command = new Command("show", "The rules of a version of the theory: id, status, polarity, weight, sections and title, with the version's note") { version };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var theory = await connection.Theory.GetTheoryAsync(new GetTheoryRequest { Version = parse.GetValue(version) ?? "" }, connection.Call(ct));
            Render.Message(theory, connection.Output, () => TheoryVersionView.Write(theory));
        }));
        return command;
    }

    private static Command Export()
    {
        var version = VersionOption("Export this version; the current one when left out");
        var command = new Command("export", "Print a version of the theory in the rule language (YAML), to edit and apply: lv theory export > theory.yaml") { version };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var theory = await connection.Theory.GetTheoryAsync(new GetTheoryRequest { Version = parse.GetValue(version) ?? "" }, connection.Call(ct));
            Console.Write(theory.Yaml);
        }));
        return command;
    }

    private static Argument<FileInfo> File() => new("file")
    {
        Description = "Rules in the rule language (YAML or JSON): added, or replacing the rules of the same id",
    };

    private static Option<string[]> Remove() =>
        AnalysisOptions.List("--remove", "ids", "Also remove these rules, e.g. LEARNING_NETWORK");

    private static Command Validate()
    {
        var file = File();
        var remove = Remove();
        var command = new Command("validate", "Check and compile a changed theory without storing it; prints the rules it would add, replace and remove") { file, remove };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var current = await connection.Theory.GetTheoryAsync(new GetTheoryRequest(), connection.Call(ct));
            var request = Request(parse.GetValue(file)!, parse.GetValue(remove), "(validation only)", validateOnly: true);
            var next = await connection.Theory.ChangeTheoryAsync(request, connection.Call(ct));
            Render.Message(next, connection.Output, () => TheoryVersionView.WriteRuleChanges(current, next, request, nothingStored: true));
        }));
        return command;
    }

    private static Command Apply()
    {
        var file = File();
        var remove = Remove();
        var note = new Option<string>("--note", "-m") { Description = "Why the theory changes, e.g. \"refined after the West Cheshire deviant case\"", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and show the rule changes and the findings they change per case, store nothing" };
        var asOf = AnalysisOptions.AsOf("Compare the findings per case as of this date, YYYY-MM-DD; today when left out");
        var command = new Command("apply",
            "Validate a changed theory, print the rules it adds, replaces and removes and the findings it changes per case, then store it as the next version (unless another change came first)")
        {
            file, remove, note, dryRun, asOf,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var current = await connection.Theory.GetTheoryAsync(new GetTheoryRequest(), connection.Call(ct));
            var path = parse.GetValue(file)!;
            var validated = await connection.Theory.ChangeTheoryAsync(
                Request(path, parse.GetValue(remove), parse.GetValue(note)!, validateOnly: true), connection.Call(ct));
            var request = Request(path, parse.GetValue(remove), parse.GetValue(note)!, validateOnly: parse.GetValue(dryRun));
            var proposed = new CompareTheoriesRequest
            {
                FromVersion = current.Version, ProposedYaml = request.Yaml, AsOf = AnalysisOptions.Timestamp(parse.GetValue(asOf)),
            };
            proposed.ProposedRemoveRules.AddRange(request.RemoveRules);
            var compared = await connection.Theory.CompareTheoriesAsync(proposed, connection.Call(ct));
            if (request.ValidateOnly)
            {
                Render.Messages([validated, compared], connection.Output, () =>
                {
                    TheoryVersionView.WriteRuleChanges(current, validated, request, nothingStored: true);
                    TheoryVersionView.WriteComparison(compared);
                });
                return;
            }
            // Store exactly the change whose diff was shown: if another change came first, the server refuses (ABORTED).
            request.ExpectedVersion = current.Version;
            var applied = await connection.Theory.ChangeTheoryAsync(request, connection.Call(ct));
            Render.Messages([applied, compared], connection.Output, () =>
            {
                TheoryVersionView.WriteRuleChanges(current, validated, request, nothingStored: false);
                TheoryVersionView.WriteComparison(compared);
                TheoryVersionView.WriteStored(current, applied);
            });
        }));
        return command;
    }

    private static Command History()
    {
        var command = new Command("history", "The refinement log: every version of the theory, oldest first, with who made it, when and why");
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var versions = await connection.Theory.ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), connection.Call(ct));
            Render.Message(versions, connection.Output, () => TheoryVersionView.WriteHistory(versions));
        }));
        return command;
    }

    private static Command Diff()
    {
        var from = new Argument<string>("from") { Description = "The version to compare from, e.g. 1" };
        var to = new Argument<string>("to") { Description = "The version to compare to; the current one when left out", Arity = ArgumentArity.ZeroOrOne };
        var filter = new Option<string>("--filter") { Description = "Which initiatives to compare, as a list filter; every Local Vision project when left out" };
        var asOf = AnalysisOptions.AsOf("Evaluate with what held and was recorded by this date, YYYY-MM-DD; today when left out");
        var command = new Command("diff", "Per case whose findings differ between two versions: the findings gained and lost, and the outlook before and after")
        {
            from, to, filter, asOf,
        };
        command.SetAction((parse, ct) => Cli.RunAsync(parse, async connection =>
        {
            var compared = await connection.Theory.CompareTheoriesAsync(new CompareTheoriesRequest
            {
                FromVersion = parse.GetValue(from)!,
                ToVersion = parse.GetValue(to) ?? "",
                Filter = parse.GetValue(filter) ?? "",
                AsOf = AnalysisOptions.Timestamp(parse.GetValue(asOf)),
            }, connection.Call(ct));
            Render.Message(compared, connection.Output, () => TheoryVersionView.WriteComparison(compared));
        }));
        return command;
    }

    private static ChangeTheoryRequest Request(FileInfo file, string[]? remove, string note, bool validateOnly)
    {
        var request = new ChangeTheoryRequest { Yaml = System.IO.File.ReadAllText(file.FullName), Note = note, ValidateOnly = validateOnly };
        request.RemoveRules.AddRange(remove ?? []);
        return request;
    }
}
