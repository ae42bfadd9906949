namespace LocalVision.Server.Grpc.Errors;

/// <summary>
/// A message of an ImportGraph stream was refused (<see cref="Rejection"/> says why) after <paramref name="batches"/>
/// messages before it were committed; nothing of the refused one was written.
/// </summary>
public sealed class ImportBatchRejectedException(Exception rejection, int batches, long nodesWritten, long relationshipsWritten)
    : Exception($"message {batches + 1} of the import was rejected and nothing of it was written; "
        + $"the {batches} message(s) before it were committed ({nodesWritten} nodes, {relationshipsWritten} relationships). " + rejection.Message, rejection)
{
    public const string Reason = "IMPORT_BATCH_REJECTED";

    /// <summary>The validation or missing-node failure of the refused message.</summary>
    public Exception Rejection { get; } = rejection;

    public int Batches { get; } = batches;

    public long NodesWritten { get; } = nodesWritten;

    public long RelationshipsWritten { get; } = relationshipsWritten;
}
