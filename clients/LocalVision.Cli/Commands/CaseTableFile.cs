using System.Globalization;
using Google.Protobuf;
using LocalVision.V1;

namespace LocalVision.Cli.Commands;

/// <summary>
/// An analyst's own cases for the insight commands, read from a file: CSV with a header row
/// (<c>case,COND_A,COND_B,OUTCOME</c>, then one case a row with membership scores 0..1), or the
/// protobuf JSON of a <see cref="CaseTable"/> (<c>{"cases":[{"name":…,"memberships":{…}}]}</c>) when the file ends in .json.
/// </summary>
public static class CaseTableFile
{
    public static CaseTable Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName} does not exist");
        }
        return file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(file) : ReadCsv(file);
    }

    private static CaseTable ReadJson(FileInfo file)
    {
        try
        {
            return new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(false)).Parse<CaseTable>(File.ReadAllText(file.FullName));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new CliException($"{file.Name}: not a case table ({e.Message})");
        }
    }

    private static CaseTable ReadCsv(FileInfo file)
    {
        var lines = File.ReadAllLines(file.FullName).Select((text, i) => (Text: text, Number: i + 1)).Where(l => l.Text.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new CliException($"{file.Name} is empty; its first line names the sets: case,COND_A,COND_B,OUTCOME");
        }
        var sets = Cells(lines[0].Text)[1..];
        var table = new CaseTable();
        foreach (var (text, number) in lines.Skip(1))
        {
            var cells = Cells(text);
            if (cells.Length != sets.Length + 1)
            {
                throw new CliException($"{file.Name} line {number}: {cells.Length} cells where the header has {sets.Length + 1}");
            }
            var @case = new Case { Name = cells[0] };
            for (var i = 0; i < sets.Length; i++)
            {
                // An empty cell is a case with no value for that set; the server says so if the analysis needs it.
                if (cells[i + 1].Length == 0)
                {
                    continue;
                }
                if (!double.TryParse(cells[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                {
                    throw new CliException($"{file.Name} line {number}: `{cells[i + 1]}` for {sets[i]} is not a number");
                }
                @case.Memberships[sets[i]] = score;
            }
            table.Cases.Add(@case);
        }
        return table;
    }

    private static string[] Cells(string line) => [.. line.Split(',').Select(c => c.Trim())];
}
