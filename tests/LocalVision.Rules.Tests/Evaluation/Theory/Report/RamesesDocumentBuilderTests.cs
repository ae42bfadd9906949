using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Rules.Evaluation.Theory.Report;

namespace LocalVision.Rules.Tests.Evaluation.Theory.Report;

public sealed class RamesesDocumentBuilderTests
{
    private static readonly EvidenceScope Scope = new(new DateOnly(2015, 9, 1));

    /// <summary>Version 2 of the shipped theory: one rule's weight changed, one removed, one added, under a note that names none of them.</summary>
    private static TheoryVersion Refined()
    {
        var shipped = TheoryVersion.Shipped.Rules;
        var changed = shipped[0] with { Weight = shipped[0].Weight + 1 };
        var added = shipped[2] with { Id = "NEW_RULE" };
        return new TheoryVersion("2", "", [changed, .. shipped.Skip(2), added], "after the West Cheshire case", "evaluator",
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Build_RefinementLog_ComparesTheRuleDefinitionsOfConsecutiveVersionsNotTheNotes()
    {
        var shipped = TheoryVersion.Shipped;

        var report = RamesesDocumentBuilder.Build([shipped, Refined()], [], [], Scope, new Dictionary<string, GraphNode>(), EvidenceRedactor.Redacting);

        var entry = Assert.Single(report.Refinements);
        Assert.Equal(("2", "evaluator", "after the West Cheshire case"), (entry.Version, entry.Author, entry.Note));
        Assert.Equal([shipped.Rules[0].Id], entry.Changed);
        Assert.Equal([shipped.Rules[1].Id], entry.Removed);
        Assert.Equal(["NEW_RULE"], entry.Added);
        Assert.Equal("1", report.Initial.Version);
        Assert.Equal("2", report.Refined.Version);
        Assert.Equal(shipped.Rules.Count, report.Refined.Rules.Count);
    }

    [Fact]
    public void Build_OneVersion_IsNotRefined()
    {
        var report = RamesesDocumentBuilder.Build([TheoryVersion.Shipped], [], [], Scope, new Dictionary<string, GraphNode>(), EvidenceRedactor.Revealing);

        Assert.False(report.IsRefined);
        Assert.Equal(report.Initial.Rules, report.Refined.Rules);
        Assert.Equal(0, report.Limits.Cases);
    }

    [Theory]
    [InlineData("initiatives/plymouth-local-vision")]
    [InlineData("plymouth-local-vision")]
    [InlineData("PLYMOUTH local vision project")]
    public void InitiativeLookup_ByNameIdOrDisplayName_FindsIt(string given)
    {
        Assert.Equal("initiatives/plymouth-local-vision", InitiativeLookup.Find(given, Initiatives).Name);
    }

    [Theory]
    [InlineData("Plymuoth Local Vision project", "Plymouth Local Vision project")]
    [InlineData("plymouth-local-vison", "initiatives/plymouth-local-vision")]
    [InlineData("somewhere else entirely", null)]
    [InlineData("plymouth", "initiatives/plymouth-local-vision")]
    [InlineData("local-vision", null)]
    public void InitiativeLookup_Unknown_NamesTheNearestWhenClose(string given, string? nearest)
    {
        var error = Assert.Throws<InitiativeNotFoundException>(() => InitiativeLookup.Find(given, Initiatives));

        Assert.Equal(nearest, error.Closest);
        Assert.Equal(nearest is not null, error.Message.Contains("did you mean", StringComparison.Ordinal));
    }

    private static readonly GraphNode[] Initiatives =
    [
        new("initiatives/plymouth-local-vision", Labels.Initiative, "Plymouth Local Vision project", new JsonObject()),
        new("initiatives/kent-local-vision", Labels.Initiative, "Kent Local Vision project", new JsonObject()),
    ];
}
