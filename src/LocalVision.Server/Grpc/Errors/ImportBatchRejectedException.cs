namespace LocalVision.Server.Grpc.Errors;

/// <summary>
/// A message of an ImportGraph stream was refused (<see cref="Rejection"/> says why) after <paramref name="batches"/>
/// messages before it were committed (or, in a dry run, checked); nothing of the refused one was written.
/// </summary>
public sealed class ImportBatchRejectedException(Exception rejection, int batches, long nodesWritten, long relationshipsWritten, bool dryRun = false)
    : Exception(Describe(batches, nodesWritten, relationshipsWritten, dryRun) + rejection.Message, rejection)
{
    public const string Reason = "IMPORT_BATCH_REJECTED";

    /// <summary>The validation, missing-node or conflict failure of the refused message.</summary>
    public Exception Rejection { get; } = rejection;

    public int Batches { get; } = batches;

    public long NodesWritten { get; } = nodesWritten;

    public long RelationshipsWritten { get; } = relationshipsWritten;

    public bool DryRun { get; } = dryRun;

    private static string Describe(int batches, long nodes, long relationships, bool dryRun)
    {
        var refused = $"message {batches + 1} of the {(dryRun ? "dry-run " : "")}import was rejected";
        if (dryRun)
        {
            return $"{refused}; a dry run writes nothing. ";
        }
        return batches == 0
            ? $"{refused} and nothing was written. "
            : $"{refused} and nothing of it was written; the {Counted.Of(batches, "message")} before it {(batches == 1 ? "was" : "were")} committed "
                + $"({Counted.Of(nodes, "node")}, {Counted.Of(relationships, "relationship")}). ";
    }
}
