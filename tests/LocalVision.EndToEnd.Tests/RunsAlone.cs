namespace LocalVision.EndToEnd.Tests;

/// <summary>Run alone, after the rest: whole builds of the server and many processes would slow every test running beside them.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
