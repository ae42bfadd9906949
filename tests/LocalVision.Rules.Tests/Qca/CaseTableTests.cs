using LocalVision.Graph.Store;
using LocalVision.Rules.Qca;

namespace LocalVision.Rules.Tests.Qca;

public sealed class CaseTableTests
{
    [Fact]
    public void Memberships_NegatedName_ReturnsComplement()
    {
        var cases = PublishedDatasets.Table(["X"], ("a", [0.2]), ("b", [1.0]));

        var negated = cases.Memberships("~X");

        Assert.Equal([0.8, 0.0], negated);
    }

    [Fact]
    public void Memberships_DoubleTilde_CancelsOut()
    {
        var cases = PublishedDatasets.Table(["X"], ("a", [0.2]));

        Assert.Equal([0.2], cases.Memberships("~~X"));
    }

    [Fact]
    public void Constructor_MembershipAboveOne_Throws()
    {
        var act = () => PublishedDatasets.Table(["X"], ("a", [1.2]));

        var error = Assert.Throws<GraphValidationException>(act);
        Assert.Equal("cases[0].memberships[X]", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Constructor_DuplicateCaseName_Throws()
    {
        var act = () => PublishedDatasets.Table(["X"], ("a", [1.0]), ("a", [0.0]));

        Assert.Throws<GraphValidationException>(act);
    }

    [Fact]
    public void Memberships_SetMissingForSomeCases_ThrowsNamingThem()
    {
        var cases = new CaseTable([
            new Case("a", new Dictionary<string, double> { ["X"] = 1 }),
            new Case("b", new Dictionary<string, double>()),
        ]);

        var error = Assert.Throws<GraphValidationException>(() => cases.Memberships("X"));

        Assert.Contains("b", error.Message);
        Assert.False(cases.Contains("X"));
    }

    [Fact]
    public void With_CalibratedIndicator_AddsSetForEveryCase()
    {
        var cases = PublishedDatasets.Table(["Y"], ("a", [1.0]), ("b", [0.0]));
        var anchors = new CalibrationAnchors(10, 20, 30);
        var raw = new Dictionary<string, double> { ["a"] = 30, ["b"] = 10 };

        var extended = cases.With("HIGH", raw.ToDictionary(p => p.Key, p => Calibration.Direct(p.Value, anchors)));

        Assert.Equal(0.9526, extended.Memberships("HIGH")[0], 4);
        Assert.Equal(0.0474, extended.Memberships("HIGH")[1], 4);
        Assert.Equal([1.0, 0.0], extended.Memberships("Y"));
    }

    [Fact]
    public void With_CaseLeftOut_Throws()
    {
        var cases = PublishedDatasets.Table(["Y"], ("a", [1.0]), ("b", [0.0]));

        Assert.Throws<GraphValidationException>(() => cases.With("HIGH", new Dictionary<string, double> { ["a"] = 1 }));
    }

    [Theory]
    [InlineData("X", "X", false)]
    [InlineData("~X", "X", true)]
    [InlineData(" ~ X ", "X", true)]
    public void Parse_Text_ReadsNameAndNegation(string text, string name, bool negated)
    {
        var reference = SetReference.Parse(text);

        Assert.Equal(new SetReference(name, negated), reference);
    }

    [Fact]
    public void Parse_OnlyTilde_Throws()
    {
        Assert.Throws<GraphValidationException>(() => SetReference.Parse("~"));
    }
}
