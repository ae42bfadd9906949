using System.CommandLine;
using LocalVision.Cli;
using LocalVision.Cli.Commands;
using LocalVision.Cli.Output;

var root = new RootCommand("lv: the LocalVision command line — read, write and analyse the Local Vision knowledge graph over gRPC")
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
    AdminCommands.Stats(),
    AdminCommands.Keys(),
    AdminCommands.Audit(),
    EvaluationCommands.Evaluate(),
    TheoryCommands.Theory(),
    ReportCommand.Report(),
    InsightCommands.Predictors(),
    XyCommand.Xy(),
    TheoryFitCommand.TheoryFit(),
    InsightCommands.Calibrate(),
    InsightCommands.TruthTable(),
    InsightCommands.Minimize(),
    CasesCommand.Cases(),
    InsightCommands.Cohort(),
    NetworkCommands.Paths(),
    NetworkCommands.Ego(),
    NetworkCommands.Centrality(),
    NetworkCommands.Communities(),
    NetworkCommands.Metrics(),
    NetworkCommands.WhatIf(),
};
Render.UseColumnsFromEnvironment();
return await root.Parse(args).InvokeAsync();
