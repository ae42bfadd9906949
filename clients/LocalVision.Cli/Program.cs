using System.CommandLine;
using LocalVision.Cli;
using LocalVision.Cli.Commands;

var root = new RootCommand("lv: the LocalVision command line — read and write the Local Vision knowledge graph over gRPC")
{
    CliOptions.Server,
    CliOptions.ApiKey,
    CliOptions.Deadline,
    CliOptions.Output,
    GraphCommands.Get(),
    GraphCommands.List(),
    GraphCommands.Relationships(),
    GraphCommands.Neighborhood(),
    GraphCommands.Delete(),
    TransferCommands.Import(),
    TransferCommands.Export(),
    AdminCommands.Backup(),
    AdminCommands.Restore(),
    AdminCommands.Keys(),
    AdminCommands.Audit(),
    EvaluationCommands.Evaluate(),
};
return await root.Parse(args).InvokeAsync();
