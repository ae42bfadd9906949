using Google.Protobuf.WellKnownTypes;
using LocalVision.Cli;
using LocalVision.Cli.Transfer;
using LocalVision.V1;

namespace LocalVision.Cli.Tests.Transfer;

public sealed class CsvGraphReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private List<GraphRecord> Read(params string[] lines)
    {
        var reader = CsvGraphReader.Open(_folder.Write("in.csv", lines));
        return [.. reader.ReadRecords().Select(r => r.Record)];
    }

    private string ErrorOf(params string[] lines)
    {
        var path = _folder.Write("in.csv", lines);
        var error = Assert.Throws<InputFileException>(() => CsvGraphReader.Open(path).ReadRecords().ToList());
        return error.Message.Replace(path, "in.csv");
    }

    [Fact]
    public void ReadRecords_TypedNodeColumns_BecomeTypedProperties()
    {
        var node = Assert.Single(Read(
            "id:ID(initiatives),:LABEL,displayName,name,cohort:int,funding:double,applicant:boolean,start:date,themes:string[],seen:datetime",
            "lv-plymouth,Initiative,Plymouth LV,Plymouth Local Vision,2,27000.5,TRUE,2015-01-01,health;care,2015-03-01T09:30:00Z")).Node;

        Assert.Equal("initiatives/lv-plymouth", node.Name);
        Assert.Equal("Initiative", node.Label);
        Assert.Equal("Plymouth LV", node.DisplayName);
        var fields = node.Properties.Fields;
        Assert.Equal(["name", "cohort", "funding", "applicant", "start", "themes", "seen"], fields.Keys);
        Assert.Equal(Value.ForString("Plymouth Local Vision"), fields["name"]);
        Assert.Equal(Value.ForNumber(2), fields["cohort"]);
        Assert.Equal(Value.ForNumber(27000.5), fields["funding"]);
        Assert.Equal(Value.ForBool(true), fields["applicant"]);
        Assert.Equal(Value.ForString("2015-01-01"), fields["start"]);
        Assert.Equal(Value.ForList(Value.ForString("health"), Value.ForString("care")), fields["themes"]);
        Assert.Equal(Value.ForString("2015-03-01T09:30:00Z"), fields["seen"]);
    }

    [Fact]
    public void ReadRecords_RelationshipsFile_ResolvesEachEndInItsOwnIdSpace()
    {
        var relationship = Assert.Single(Read(
            ":START_ID(partners),:END_ID,:TYPE,strength:float,days:int[]",
            "age-uk,initiatives/lv,PARTNER_IN,0.5,3;4")).Relationship;

        Assert.Equal(("partners/age-uk", "initiatives/lv", "PARTNER_IN"), (relationship.Start, relationship.End, relationship.Type));
        Assert.Equal(Value.ForNumber(0.5), relationship.Properties.Fields["strength"]);
        Assert.Equal(Value.ForList(Value.ForNumber(3), Value.ForNumber(4)), relationship.Properties.Fields["days"]);
    }

    [Fact]
    public void ReadRecords_EmptyAndQuotedValues_FollowNeo4jRules()
    {
        var node = Assert.Single(Read(
            ":ID,:LABEL,note,kept,count:int,skip:IGNORE,blank,quoted:int",
            "partners/a,Partner,  padded  ,\"  kept  \",,anything,\"\",\" 7 \"")).Node;

        var fields = node.Properties.Fields;
        Assert.Equal("padded", fields["note"].StringValue);
        Assert.Equal("  kept  ", fields["kept"].StringValue);
        Assert.False(fields.ContainsKey("count"));
        Assert.False(fields.ContainsKey("skip"));
        Assert.Equal("", fields["blank"].StringValue);
        Assert.Equal(7, fields["quoted"].NumberValue);
    }

    [Theory]
    [InlineData("score:float", "high", "in.csv:2: score:float: `high` is not a finite number")]
    [InlineData("cohort:int", "2.5", "in.csv:2: cohort:int: `2.5` is not a whole number")]
    [InlineData("cohort:byte", "300", "in.csv:2: cohort:byte: `300` is outside the range of byte (-128 to 127)")]
    [InlineData("big:long", "9007199254740993", "in.csv:2: big:long: `9007199254740993` is beyond ±2^53, the largest whole number a property holds exactly")]
    [InlineData("ok:boolean", "yes", "in.csv:2: ok:boolean: `yes` is not true or false")]
    [InlineData("at:date", "01/02/2015", "in.csv:2: at:date: `01/02/2015` is not a date (yyyy-MM-dd)")]
    [InlineData("days:int[]", "1;x", "in.csv:2: days:int[]: element 2 of the array: `x` is not a whole number")]
    public void ReadRecords_BadTypedValue_SaysFileLineColumnAndWhy(string header, string value, string expected)
    {
        Assert.Equal(expected, ErrorOf($":ID,:LABEL,{header}", $"partners/a,Partner,{value}"));
    }

    [Theory]
    [InlineData(":ID,:LABEL", "plymouth,Locality", "in.csv:2: :ID: `plymouth` is not a resource name; write it whole (e.g. partners/plymouth), or name its collection as the ID space in the header (e.g. :ID(partners))")]
    [InlineData(":ID(partners),:LABEL", "localities/plymouth,Locality", "in.csv:2: :ID(partners): `localities/plymouth` is not in the collection `partners` the header names")]
    [InlineData(":ID,:LABEL", "partners/a,Partner;Funder", "in.csv:2: :LABEL holds 2 labels (Partner;Funder); a LocalVision node has exactly one")]
    [InlineData(":ID,:LABEL", "partners/a", "in.csv:2: the header has 2 columns but this record has 1")]
    [InlineData(":START_ID,:END_ID,:TYPE", "partners/a,initiatives/b,", "in.csv:2: :TYPE is empty")]
    public void ReadRecords_BadRecord_SaysFileLineAndWhy(string header, string record, string expected)
    {
        Assert.Equal(expected, ErrorOf(header, record));
    }

    [Theory]
    [InlineData("name,kind", "has no :ID column (a nodes file) and no :START_ID, :END_ID and :TYPE (a relationships file)")]
    [InlineData(":ID,:LABEL,:TYPE", "has both :ID (nodes) and :START_ID, :END_ID or :TYPE (relationships) columns")]
    [InlineData(":ID,name", "has no :LABEL column")]
    [InlineData(":ID,:LABEL,:LABEL", "has 2 :LABEL columns; LocalVision takes exactly one")]
    [InlineData(":START_ID,:END_ID", "has no :TYPE column")]
    [InlineData(":START_ID,:END_ID,:TYPE,:LABEL", ":LABEL belongs in a nodes file")]
    [InlineData(":ID,:LABEL,score:point", "column 3 `score:point`: `point` is not a type LocalVision takes; one of string, char, boolean")]
    [InlineData(":ID,:LABEL,:int", "column 3 `:int` names no property")]
    [InlineData(":ID,:LABEL,,x", "column 3 is empty; name it, or write :IGNORE to skip it")]
    [InlineData(":ID(Partner),:LABEL", "the ID space `Partner` must name a collection, e.g. partners or localities")]
    [InlineData(":ID,:LABEL,a,a:int", "the property `a` is in columns 3 and 4")]
    [InlineData(":ID,:LABEL,displayName:int", "column 3 `displayName:int`: displayName is the node's display name, a string")]
    [InlineData(":ID{label:Person},:LABEL", "options in braces are not supported")]
    public void Open_BadHeader_SaysWhatIsWrongAtLineOne(string header, string expected)
    {
        var message = ErrorOf(header, "x");

        Assert.StartsWith("in.csv:1: header: ", message);
        Assert.Contains(expected, message);
    }
}
