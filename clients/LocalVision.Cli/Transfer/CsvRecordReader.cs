using System.Text;

namespace LocalVision.Cli.Transfer;

/// <summary>
/// One field of a CSV record. Whether it was quoted matters: an unquoted empty field means "no value",
/// a quoted one an empty string, and only unquoted text is trimmed.
/// </summary>
public readonly record struct CsvField(string Text, bool Quoted);

/// <summary>A CSV record and the line it starts on (a quoted field may run over several lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<CsvField> Fields);

/// <summary>
/// Reads CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, LF or CR; a field in double
/// quotes may hold commas, line breaks and doubled quotes (each one quote). Blank lines are skipped.
/// Stricter than the RFC's "should": a quote inside an unquoted field, or text after a closing quote, is an
/// error, since either usually means a field that was meant to be quoted and was not.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, string source)
{
    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterClosingQuote,
    }

    public IEnumerable<CsvRecord> ReadRecords()
    {
        var line = 1;
        var recordLine = 1;
        var openedOn = 1;
        var fields = new List<CsvField>();
        var text = new StringBuilder();
        var state = State.FieldStart;
        while (true)
        {
            var c = reader.Read();
            if (state == State.Quoted)
            {
                if (c == -1)
                {
                    throw new InputFileException(source, openedOn, "a quoted field opened on this line is never closed");
                }
                if (c == '"')
                {
                    state = State.AfterClosingQuote;
                    continue;
                }
                if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
                {
                    line++;
                }
                text.Append((char)c);
                continue;
            }
            if (c == '"' && state == State.AfterClosingQuote)
            {
                text.Append('"');
                state = State.Quoted;
                continue;
            }
            if (c == '"' && state == State.FieldStart)
            {
                state = State.Quoted;
                openedOn = line;
                continue;
            }
            if (c is ',' or '\r' or '\n' or -1)
            {
                fields.Add(new CsvField(text.ToString(), state == State.AfterClosingQuote));
                text.Clear();
                state = State.FieldStart;
                if (c == ',')
                {
                    continue;
                }
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }
                if (fields is not [{ Quoted: false, Text.Length: 0 }])
                {
                    yield return new CsvRecord(recordLine, fields.ToArray());
                }
                if (c == -1)
                {
                    yield break;
                }
                fields.Clear();
                line++;
                recordLine = line;
                continue;
            }
            if (state == State.AfterClosingQuote)
            {
                throw new InputFileException(source, line, "text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")");
            }
            if (c == '"')
            {
                throw new InputFileException(source, line, "a quote inside an unquoted field; put the whole field in quotes and write the quote twice (\"\")");
            }
            text.Append((char)c);
            state = State.Unquoted;
        }
    }
}
