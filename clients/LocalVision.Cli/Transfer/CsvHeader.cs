using System.Text.RegularExpressions;

namespace LocalVision.Cli.Transfer;

public enum CsvFileKind
{
    Nodes,
    Relationships,
}

public enum CsvColumnRole
{
    Id,
    Label,
    StartId,
    EndId,
    Type,
    Ignore,
    Property,
}

/// <summary>
/// One header field: what its column holds; for an ID column its ID space (a collection), for a property
/// column the property's name and type.
/// </summary>
public sealed record CsvColumn(CsvColumnRole Role, string Header, string Name = "", string? IdSpace = null, CsvPropertyType? Type = null);

/// <summary>
/// The first line of a CSV file in neo4j-admin import's header format: `name:ID(partners),:LABEL,score:float`
/// for nodes, `:START_ID,:END_ID,:TYPE,weight:float` for relationships. It says which kind of file this is.
/// </summary>
public sealed partial class CsvHeader
{
    /// <summary>A property column with this name gives a node its display name instead of a property.</summary>
    public const string DisplayNameColumn = "displayName";

    private CsvHeader(CsvFileKind kind, IReadOnlyList<CsvColumn> columns)
    {
        Kind = kind;
        Columns = columns;
    }

    public CsvFileKind Kind { get; }

    public IReadOnlyList<CsvColumn> Columns { get; }

    [GeneratedRegex(@"^(?<role>ID|START_ID|END_ID)(\((?<space>[^)]*)\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdField();

    [GeneratedRegex("^[a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Collection();

    public static CsvHeader Parse(CsvRecord record, string source)
    {
        InputFileException Problem(string problem) => new(source, record.Line, "header: " + problem);

        var columns = record.Fields.Select((field, i) => ParseColumn(field.Text.Trim(), i + 1, Problem)).ToList();
        int Count(CsvColumnRole role) => columns.Count(c => c.Role == role);

        var isNodes = Count(CsvColumnRole.Id) > 0;
        var isRelationships = Count(CsvColumnRole.StartId) + Count(CsvColumnRole.EndId) + Count(CsvColumnRole.Type) > 0;
        if (isNodes && isRelationships)
        {
            throw Problem("has both :ID (nodes) and :START_ID, :END_ID or :TYPE (relationships) columns; put nodes and relationships in separate files");
        }
        if (!isNodes && !isRelationships)
        {
            throw Problem("has no :ID column (a nodes file) and no :START_ID, :END_ID and :TYPE (a relationships file); "
                + "the first line must be a neo4j-admin header such as `id:ID,:LABEL,name` or `:START_ID,:END_ID,:TYPE`");
        }
        var required = isNodes ? new[] { CsvColumnRole.Id, CsvColumnRole.Label } : [CsvColumnRole.StartId, CsvColumnRole.EndId, CsvColumnRole.Type];
        foreach (var role in required)
        {
            var count = Count(role);
            if (count != 1)
            {
                throw Problem(count == 0 ? $"has no {Spelling(role)} column" : $"has {count} {Spelling(role)} columns; LocalVision takes exactly one");
            }
        }
        if (isRelationships && Count(CsvColumnRole.Label) > 0)
        {
            throw Problem(":LABEL belongs in a nodes file; a relationships file has :START_ID, :END_ID and :TYPE");
        }
        CheckProperties(columns, isNodes, Problem);
        return new CsvHeader(isNodes ? CsvFileKind.Nodes : CsvFileKind.Relationships, columns);
    }

    private static CsvColumn ParseColumn(string header, int number, Func<string, InputFileException> problem)
    {
        if (header.Length == 0)
        {
            throw problem($"column {number} is empty; name it, or write :IGNORE to skip it");
        }
        var colon = header.IndexOf(':');
        var name = colon < 0 ? header : header[..colon];
        var type = colon < 0 ? "" : header[(colon + 1)..];
        if (type.Contains('{'))
        {
            throw problem($"column {number} `{header}`: options in braces are not supported");
        }
        var id = IdField().Match(type);
        if (id.Success)
        {
            var space = id.Groups["space"].Success ? id.Groups["space"].Value : null;
            if (space is not null && !Collection().IsMatch(space))
            {
                throw problem($"column {number} `{header}`: the ID space `{space}` must name a collection, e.g. partners or localities, "
                    + "so that an ID `plymouth` becomes the resource name `localities/plymouth`");
            }
            var role = id.Groups["role"].Value.ToUpperInvariant() switch
            {
                "ID" => CsvColumnRole.Id,
                "START_ID" => CsvColumnRole.StartId,
                _ => CsvColumnRole.EndId,
            };
            return new CsvColumn(role, header, name, space);
        }
        switch (type.ToUpperInvariant())
        {
            case "LABEL":
                return new CsvColumn(CsvColumnRole.Label, header);
            case "TYPE":
                return new CsvColumn(CsvColumnRole.Type, header);
            case "IGNORE":
                return new CsvColumn(CsvColumnRole.Ignore, header);
        }
        if (name.Length == 0)
        {
            throw problem($"column {number} `{header}` names no property; write name:{type}, or :IGNORE to skip the column");
        }
        var propertyType = type.Length == 0 ? new CsvPropertyType(CsvScalarType.String, false) : CsvPropertyType.Parse(type)
            ?? throw problem($"column {number} `{header}`: `{type}` is not a type LocalVision takes; one of {CsvPropertyType.Supported}");
        return new CsvColumn(CsvColumnRole.Property, header, name, Type: propertyType);
    }

    private static void CheckProperties(List<CsvColumn> columns, bool isNodes, Func<string, InputFileException> problem)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.Role != CsvColumnRole.Property)
            {
                continue;
            }
            if (seen.TryGetValue(column.Name, out var first))
            {
                throw problem($"the property `{column.Name}` is in columns {first} and {i + 1}");
            }
            seen[column.Name] = i + 1;
            if (isNodes && column.Name == DisplayNameColumn && column.Type != new CsvPropertyType(CsvScalarType.String, false))
            {
                throw problem($"column {i + 1} `{column.Header}`: {DisplayNameColumn} is the node's display name, a string");
            }
        }
    }

    private static string Spelling(CsvColumnRole role) => role switch
    {
        CsvColumnRole.StartId => ":START_ID",
        CsvColumnRole.EndId => ":END_ID",
        _ => ":" + role.ToString().ToUpperInvariant(),
    };
}
