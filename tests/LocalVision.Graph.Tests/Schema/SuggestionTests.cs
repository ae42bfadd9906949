using LocalVision.Graph.Schema;

namespace LocalVision.Graph.Tests.Schema;

public sealed class SuggestionTests
{
    [Theory]
    [InlineData("VOLUNTERY", "VOLUNTARY")]
    [InlineData("voluntary", "VOLUNTARY")]
    [InlineData("Locallity", "Locality")]
    [InlineData("PARTNERIN", "PARTNER_IN")]
    [InlineData("MOMENTMU", "MOMENTUM")]
    [InlineData("CGC", "CCG")]
    public void Closest_AMisspeltName_GivesTheOneMeant(string written, string meant) =>
        Assert.Equal(meant, Suggestion.Closest(written, ["VOLUNTARY", "CCG", "HWBB", "Locality", "Partner", "PARTNER_IN", "MOMENTUM", "MOMENTUM_EARLY"]));

    [Theory]
    [InlineData("PIRATE")]
    [InlineData("X")]
    [InlineData("")]
    public void Closest_NothingNear_GivesNothing(string written)
    {
        Assert.Null(Suggestion.Closest(written, ["VOLUNTARY", "CCG", "HWBB", "LOCAL_AUTHORITY"]));
        Assert.Equal("", Suggestion.DidYouMean(written, ["VOLUNTARY", "CCG", "HWBB", "LOCAL_AUTHORITY"]));
    }

    [Fact]
    public void Validate_AMisspeltKindLabelAndType_EachSuggestsTheOneMeant()
    {
        var partner = new Model.GraphNode("partners/a", "Partner", "A", new System.Text.Json.Nodes.JsonObject { ["name"] = "A", ["kind"] = "VOLUNTERY" });
        var odd = new Model.GraphNode("partners/b", "Partnr", "B", []);
        var tie = new Model.GraphRelationship("PARTNER_INN", "partners/a", "initiatives/lv", []);

        var violations = GraphSchema.Validate(new Model.GraphBatch([partner, odd], [tie]));

        Assert.Contains(violations, v => v.Field == "nodes[0].properties.kind" && v.Description.EndsWith("did you mean `VOLUNTARY`?", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Field == "nodes[1].label" && v.Description.EndsWith("did you mean `Partner`?", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Field == "relationships[0].type" && v.Description.EndsWith("did you mean `PARTNER_IN`?", StringComparison.Ordinal));
    }
}
