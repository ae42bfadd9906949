using LocalVision.Cli.Transfer;

namespace LocalVision.Cli.Tests.Transfer;

public sealed class ImportFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_MixedFiles_CsvNodesFirstThenJsonLinesThenCsvRelationships()
    {
        var relationships = _folder.Write("rels.csv", ":START_ID,:END_ID,:TYPE", "partners/a,initiatives/b,PARTNER_IN");
        var lines = _folder.Write("more.jsonl", """{"node":{"name":"initiatives/b","label":"Initiative"}}""");
        var nodes = _folder.Write("nodes.CSV", ":ID,:LABEL", "partners/a,Partner");

        var files = ImportFiles.Open([new FileInfo(relationships), new FileInfo(lines), new FileInfo(nodes)]);

        Assert.Equal([nodes, lines, relationships], files.Select(f => f.Path));
    }

    [Fact]
    public void Batches_OfTwo_KeepWhereEachNodeAndRelationshipCameFrom()
    {
        var nodes = _folder.Write("nodes.csv", ":ID,:LABEL", "partners/a,Partner", "", "partners/b,Partner", "initiatives/c,Initiative");
        var relationships = _folder.Write("rels.csv", ":START_ID,:END_ID,:TYPE", "partners/a,initiatives/c,PARTNER_IN");
        var files = ImportFiles.Open([new FileInfo(relationships), new FileInfo(nodes)]);

        var batches = ImportFiles.Batches(files, 2).ToList();

        Assert.Equal([2, 2], batches.Select(b => b.Count));
        Assert.Equal([$"{nodes}:2", $"{nodes}:4"], batches[0].NodeOrigins.Select(o => o.ToString()));
        Assert.Equal([$"{nodes}:5"], batches[1].NodeOrigins.Select(o => o.ToString()));
        Assert.Equal([$"{relationships}:2"], batches[1].RelationshipOrigins.Select(o => o.ToString()));
        Assert.Equal("initiatives/c", batches[1].Message.Nodes[0].Name);
    }
}
