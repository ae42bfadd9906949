using System.Text;
using CsCheck;
using LocalVision.Cli;
using LocalVision.Cli.Transfer;

namespace LocalVision.Cli.Tests.Transfer;

public sealed class CsvRecordReaderTests
{
    private static List<CsvRecord> Read(string text) => [.. new CsvRecordReader(new StringReader(text), "in.csv").ReadRecords()];

    private static string[] Texts(CsvRecord record) => [.. record.Fields.Select(f => f.Text)];

    [Fact]
    public void ReadRecords_QuotedFields_KeepCommasQuotesAndLineBreaksAsData()
    {
        var records = Read("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\r\nhere\",x,\"\"\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b, c", "say \"hi\""], Texts(records[0]));
        Assert.Equal(["two\nlines\r\nhere", "x", ""], Texts(records[1]));
    }

    [Fact]
    public void ReadRecords_FieldsOverSeveralLines_EachRecordNamesTheLineItStartsOn()
    {
        var records = Read("h1,h2\r\n\"a\nb\nc\",d\r\ne,f\rg,h");

        Assert.Equal([1, 2, 5, 6], records.Select(r => r.Line));
        Assert.Equal(["g", "h"], Texts(records[3]));
    }

    [Fact]
    public void ReadRecords_BlankLines_AreSkippedButCounted()
    {
        var records = Read("a,b\n\n\r\nc,d\n\n");

        Assert.Equal([1, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void ReadRecords_EmptyFields_SayWhetherTheyWereQuoted()
    {
        var record = Assert.Single(Read("\"\",,x,"));

        Assert.Equal([new CsvField("", true), new CsvField("", false), new CsvField("x", false), new CsvField("", false)], record.Fields);
    }

    [Theory]
    [InlineData("a,b\nc,\"never\nclosed\n", "in.csv:2: a quoted field opened on this line is never closed")]
    [InlineData("a,b\n5\" screen,c\n", "in.csv:2: a quote inside an unquoted field; put the whole field in quotes and write the quote twice (\"\")")]
    [InlineData("\"a\"b,c\n", "in.csv:1: text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")")]
    public void ReadRecords_MisplacedQuote_SaysWhichLineAndWhy(string text, string expected)
    {
        var error = Assert.Throws<InputFileException>(() => Read(text));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void ReadRecords_RandomRecordsWrittenPerRfc4180_ReadBackAsWritten()
    {
        var field = Gen.Select(Gen.String[Gen.Char["a,\"\r\n é"], 0, 6], Gen.Bool);
        var record = field.Array[1, 4];
        var file = Gen.Select(record.Array[1, 5], Gen.Bool.Select(crlf => crlf ? "\r\n" : "\n"));

        file.Sample((records, lineBreak) =>
        {
            var text = new StringBuilder();
            foreach (var fields in records)
            {
                // Quote what must be quoted, and a field alone on its line when empty, which would otherwise be a blank line.
                text.Append(string.Join(",", fields.Select(f =>
                    f.Item2 || f.Item1.IndexOfAny([',', '"', '\r', '\n']) >= 0 || (fields.Length == 1 && f.Item1.Length == 0)
                        ? "\"" + f.Item1.Replace("\"", "\"\"") + "\""
                        : f.Item1)));
                text.Append(lineBreak);
            }

            var read = Read(text.ToString());

            Assert.Equal(records.Select(r => r.Select(f => f.Item1)), read.Select(Texts));
        }, iter: 500);
    }
}
