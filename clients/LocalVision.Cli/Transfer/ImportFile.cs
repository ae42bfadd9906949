using LocalVision.V1;

namespace LocalVision.Cli.Transfer;

/// <summary>A graph record and the line of its file it starts on, to point at when it is wrong.</summary>
public readonly record struct SourcedRecord(GraphRecord Record, int Line);

/// <summary>
/// A file of records to import. It is read twice: once to check and count every record before anything is
/// sent, so that a mistake anywhere in it writes nothing; once to send.
/// </summary>
public interface IImportFile
{
    /// <summary>The path as the user gave it, for `file:line` messages.</summary>
    string Path { get; }

    IEnumerable<SourcedRecord> ReadRecords();
}

/// <summary>The files of one import, opened by extension (`.csv`, anything else JSON lines) and put in the order they must be sent.</summary>
public static class ImportFiles
{
    /// <summary>
    /// CSV nodes files first and CSV relationships files last, so every relationship finds its nodes already written;
    /// JSON-lines files, which keep their own order of nodes and relationships, in between.
    /// </summary>
    public static IReadOnlyList<IImportFile> Open(IEnumerable<FileInfo> files)
    {
        var opened = files.Select(file => file.Exists ? Open(file.ToString()) : throw new CliException($"{file} does not exist")).ToList();
        return [.. opened.OrderBy(Rank)];
    }

    private static IImportFile Open(string path) =>
        string.Equals(System.IO.Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase) ? CsvGraphReader.Open(path) : new JsonLinesFile(path);

    private static int Rank(IImportFile file) => file switch
    {
        CsvGraphReader { Kind: CsvFileKind.Nodes } => 0,
        CsvGraphReader => 2,
        _ => 1,
    };

    /// <summary>Groups the records of the files into import messages of at most <paramref name="size"/> records, in order.</summary>
    public static IEnumerable<ImportBatch> Batches(IReadOnlyList<IImportFile> files, int size)
    {
        var batch = new ImportBatch();
        foreach (var file in files)
        {
            foreach (var (record, line) in file.ReadRecords())
            {
                batch.Add(record, new RecordOrigin(file.Path, line));
                if (batch.Count >= size)
                {
                    yield return batch;
                    batch = new ImportBatch();
                }
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}

/// <summary>Where a record was read: a file and a line.</summary>
public readonly record struct RecordOrigin(string Path, int Line)
{
    public override string ToString() => $"{Path}:{Line}";
}

/// <summary>One import message and where each of its nodes and relationships came from, to name them if the server refuses it.</summary>
public sealed class ImportBatch
{
    private readonly List<RecordOrigin> _nodes = [];
    private readonly List<RecordOrigin> _relationships = [];

    public ImportGraphRequest Message { get; } = new();

    public int Count => Message.Nodes.Count + Message.Relationships.Count;

    public IReadOnlyList<RecordOrigin> NodeOrigins => _nodes;

    public IReadOnlyList<RecordOrigin> RelationshipOrigins => _relationships;

    public void Add(GraphRecord record, RecordOrigin origin)
    {
        if (record.RecordCase == GraphRecord.RecordOneofCase.Node)
        {
            Message.Nodes.Add(record.Node);
            _nodes.Add(origin);
        }
        else
        {
            Message.Relationships.Add(record.Relationship);
            _relationships.Add(origin);
        }
    }
}
