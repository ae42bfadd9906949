using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using static LocalVision.Testing.Builders.GraphBuilders;

namespace LocalVision.Graph.Tests.Store;

/// <summary>The embedded store's bounded log of its writes: it answers only for what it still holds.</summary>
public sealed class ChangeLogTests
{
    private static NodeChange Added(string slug) => new(ChangeKind.Added, Partner(slug));

    [Fact]
    public void Since_VersionsItHolds_ListsTheLaterWritesInOrder()
    {
        var log = new ChangeLog(capacity: 10);
        log.Reset(5);
        log.Record(6, [Added("a")], []);
        log.Record(7, [Added("b")], []);

        Assert.Equal(["partners/a", "partners/b"], log.Since(5)!.Nodes.Select(n => n.Node.Name));
        Assert.Equal(["partners/b"], log.Since(6)!.Nodes.Select(n => n.Node.Name));
        Assert.Equal(7, log.Since(6)!.Until);
        Assert.True(log.Since(7)!.IsEmpty);
    }

    [Fact]
    public void Since_AVersionItHasForgotten_IsUnknown()
    {
        var log = new ChangeLog(capacity: 2);
        log.Reset(0);
        log.Record(1, [Added("a")], []);
        log.Record(2, [Added("b")], []);
        log.Record(3, [Added("c")], []);

        Assert.Null(log.Since(0));
        Assert.Equal(["partners/b", "partners/c"], log.Since(1)!.Nodes.Select(n => n.Node.Name));
    }

    [Fact]
    public void Since_BeforeAWriteTooLargeToKeep_IsUnknown()
    {
        var log = new ChangeLog(capacity: 2);
        log.Reset(0);
        log.Record(1, [Added("a"), Added("b"), Added("c")], []);

        Assert.Null(log.Since(0));
        Assert.True(log.Since(1)!.IsEmpty);
    }

    [Fact]
    public void Since_BeforeAReset_IsUnknown()
    {
        var log = new ChangeLog();
        log.Reset(0);
        log.Record(1, [Added("a")], []);

        log.Reset(9);

        Assert.Null(log.Since(1));
        Assert.Null(log.Since(10));
        Assert.True(log.Since(9)!.IsEmpty);
    }
}
