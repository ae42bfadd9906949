using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Graph.Tests.Schema;

public sealed class EvidenceRedactorTests
{
    private static GraphNode Evidence(bool confidential) => new("evidence/e", Labels.Evidence, "An interview", new JsonObject
    {
        ["kind"] = "INTERVIEW",
        ["summary"] = "What was said.",
        ["respondentRole"] = "Chief Executive",
        ["reportSection"] = "4.2",
        ["confidential"] = confidential,
        ["transcript"] = new JsonObject { ["line"] = "Verbatim words." },
    });

    [Fact]
    public void Apply_ConfidentialEvidence_HidesEverythingButTheSafeProperties()
    {
        var original = Evidence(confidential: true);

        var redacted = EvidenceRedactor.Redacting.Apply(original);

        Assert.Equal(EvidenceRedactor.Placeholder, (string?)redacted.Properties["summary"]);
        Assert.Equal(EvidenceRedactor.Placeholder, (string?)redacted.Properties["respondentRole"]);
        Assert.Equal(EvidenceRedactor.Placeholder, (string?)redacted.Properties["transcript"]);
        Assert.Equal("INTERVIEW", (string?)redacted.Properties["kind"]);
        Assert.Equal("4.2", (string?)redacted.Properties["reportSection"]);
        Assert.Equal("What was said.", (string?)original.Properties["summary"]);
    }

    [Fact]
    public void Apply_EvidenceThatIsNotConfidential_IsTheSameNode()
    {
        var node = Evidence(confidential: false);

        Assert.Same(node, EvidenceRedactor.Redacting.Apply(node));
    }

    [Fact]
    public void Apply_Revealing_IsTheSameNode()
    {
        var node = Evidence(confidential: true);

        Assert.Same(node, EvidenceRedactor.Revealing.Apply(node));
    }

    [Theory]
    [InlineData("Evidence", "summary", false)]
    [InlineData("", "respondentRole", false)]
    [InlineData(null, "transcript.line", false)]
    [InlineData("Evidence", "kind", true)]
    [InlineData("Evidence", "display_name", true)]
    [InlineData("Observation", "summary", true)]
    public void MayFilter_Redacting_OnlyOnPropertiesItShows(string? label, string property, bool expected)
    {
        Assert.Equal(expected, EvidenceRedactor.Redacting.MayFilter(label, property));
        Assert.True(EvidenceRedactor.Revealing.MayFilter(label, property));
    }
}
