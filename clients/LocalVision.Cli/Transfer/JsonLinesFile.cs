using Google.Protobuf;
using LocalVision.V1;

namespace LocalVision.Cli.Transfer;

/// <summary>A JSON-lines file: one {"node":{...}} or {"relationship":{...}} per line, in protobuf's JSON mapping; blank lines are skipped.</summary>
public sealed class JsonLinesFile(string path) : IImportFile
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public string Path => path;

    public IEnumerable<SourcedRecord> ReadRecords()
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new SourcedRecord(Parse(line, lineNumber), lineNumber);
            }
        }
    }

    private GraphRecord Parse(string line, int lineNumber)
    {
        try
        {
            var record = Parser.Parse<GraphRecord>(line);
            return record.RecordCase == GraphRecord.RecordOneofCase.None
                ? throw new InputFileException(path, lineNumber, "expected {\"node\":{...}} or {\"relationship\":{...}}")
                : record;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InputFileException(path, lineNumber, e.Message);
        }
        catch (InvalidJsonException e)
        {
            throw new InputFileException(path, lineNumber, $"not valid JSON ({e.Message})");
        }
    }
}
