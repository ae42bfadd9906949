using Google.Protobuf.WellKnownTypes;
using LocalVision.V1;

namespace LocalVision.Cli.Transfer;

/// <summary>
/// A CSV nodes or relationships file in neo4j-admin import's format (see <see cref="CsvHeader"/>), read as graph records.
/// An ID is a resource name (`partners/age-uk`), or a slug (`age-uk`) in a column whose ID space names its
/// collection (`id:ID(partners)`, `:START_ID(partners)`). Unlike neo4j-admin, the ID column's name is not
/// stored as a property: the ID is the node's name, and `name` is a property several labels use for a title.
/// </summary>
public sealed class CsvGraphReader : IImportFile
{
    private readonly CsvHeader _header;

    private CsvGraphReader(string path, CsvHeader header)
    {
        Path = path;
        _header = header;
    }

    public string Path { get; }

    public CsvFileKind Kind => _header.Kind;

    /// <summary>Reads the header, which says whether the file holds nodes or relationships.</summary>
    public static CsvGraphReader Open(string path)
    {
        using var reader = new StreamReader(path);
        var header = new CsvRecordReader(reader, path).ReadRecords().FirstOrDefault()
            ?? throw new InputFileException(path, 1, "is empty; a CSV file starts with a neo4j-admin header such as `id:ID,:LABEL,name`");
        return new CsvGraphReader(path, CsvHeader.Parse(header, path));
    }

    public IEnumerable<SourcedRecord> ReadRecords()
    {
        using var reader = new StreamReader(Path);
        foreach (var record in new CsvRecordReader(reader, Path).ReadRecords().Skip(1))
        {
            if (record.Fields.Count != _header.Columns.Count)
            {
                throw new InputFileException(Path, record.Line, $"the header has {_header.Columns.Count} columns but this record has {record.Fields.Count}");
            }
            yield return new SourcedRecord(ToGraphRecord(record), record.Line);
        }
    }

    private GraphRecord ToGraphRecord(CsvRecord record)
    {
        var properties = new Struct();
        string name = "", label = "", displayName = "", start = "", end = "", type = "";
        for (var i = 0; i < _header.Columns.Count; i++)
        {
            var column = _header.Columns[i];
            var field = record.Fields[i];
            switch (column.Role)
            {
                case CsvColumnRole.Id:
                    name = ResourceName(field, column, record.Line);
                    break;
                case CsvColumnRole.StartId:
                    start = ResourceName(field, column, record.Line);
                    break;
                case CsvColumnRole.EndId:
                    end = ResourceName(field, column, record.Line);
                    break;
                case CsvColumnRole.Label:
                    label = OneLabel(field, record.Line);
                    break;
                case CsvColumnRole.Type:
                    type = Required(field, column, record.Line);
                    break;
                case CsvColumnRole.Property:
                    var value = column.Type!.Convert(field, out var problem);
                    if (problem is not null)
                    {
                        throw new InputFileException(Path, record.Line, $"{column.Header}: {problem}");
                    }
                    if (value is null)
                    {
                        break;
                    }
                    if (Kind == CsvFileKind.Nodes && column.Name == CsvHeader.DisplayNameColumn)
                    {
                        displayName = value.StringValue;
                    }
                    else
                    {
                        properties.Fields[column.Name] = value;
                    }
                    break;
            }
        }
        return Kind == CsvFileKind.Nodes
            ? new GraphRecord { Node = new Node { Name = name, Label = label, DisplayName = displayName, Properties = properties } }
            : new GraphRecord { Relationship = new Relationship { Type = type, Start = start, End = end, Properties = properties } };
    }

    private string ResourceName(CsvField field, CsvColumn column, int line)
    {
        var id = Required(field, column, line);
        if (id.Contains('/'))
        {
            return column.IdSpace is { } space && !id.StartsWith(space + "/", StringComparison.Ordinal)
                ? throw new InputFileException(Path, line, $"{column.Header}: `{id}` is not in the collection `{space}` the header names")
                : id;
        }
        return column.IdSpace is { } collection
            ? $"{collection}/{id}"
            : throw new InputFileException(Path, line, $"{column.Header}: `{id}` is not a resource name; write it whole (e.g. partners/{id}), "
                + $"or name its collection as the ID space in the header (e.g. {column.Header}(partners))");
    }

    private string OneLabel(CsvField field, int line)
    {
        var labels = field.Text.Split(CsvPropertyType.ArrayDelimiter, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return labels.Length switch
        {
            1 => labels[0],
            0 => throw new InputFileException(Path, line, ":LABEL is empty; every node has a label (Locality, Partner, Person, ...)"),
            _ => throw new InputFileException(Path, line, $":LABEL holds {labels.Length} labels ({field.Text}); a LocalVision node has exactly one"),
        };
    }

    private string Required(CsvField field, CsvColumn column, int line)
    {
        var text = field.Quoted ? field.Text : field.Text.Trim();
        return text.Length > 0 ? text : throw new InputFileException(Path, line, $"{column.Header} is empty");
    }
}
