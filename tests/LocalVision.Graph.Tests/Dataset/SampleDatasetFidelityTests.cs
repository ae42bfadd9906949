using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Testing.Dataset;
using LocalVision.Testing.Stores;

namespace LocalVision.Graph.Tests.Dataset;

/// <summary>The shipped dataset says what the report (Appendix 2, §7, §8) and the reference coding say.</summary>
public sealed class SampleDatasetFidelityTests
{
    private static readonly Lazy<Task<(List<GraphNode> Nodes, List<GraphRelationship> Relationships)>> Data = new(SampleDataset.ReadAllAsync);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<GraphNode> NodeAsync(string name) =>
        (await Data.Value).Nodes.SingleOrDefault(n => n.Name == name) ?? throw new Xunit.Sdk.XunitException($"{name} is missing from the dataset");

    /// <summary>Appendix 2, table 13.2, plus the cohort-2 case studies: locality, cohort, depth of case study.</summary>
    public static TheoryData<string, int, int> CaseStudies => new()
    {
        { "bournemouth-dorset-poole", 1, 3 },
        { "plymouth", 1, 3 },
        { "wiltshire", 1, 3 },
        { "gloucestershire", 1, 2 },
        { "hackney", 1, 2 },
        { "dudley", 1, 2 },
        { "kent", 1, 1 },
        { "west-cheshire", 1, 1 },
        { "wirral", 1, 1 },
        { "birmingham", 1, 1 },
        { "solihull", 2, 3 },
        { "blackpool", 2, 1 },
    };

    [Theory]
    [MemberData(nameof(CaseStudies))]
    public async Task CaseStudy_OfAppendix2_HasItsProjectWithCohortFocusAndDepth(string locality, int cohort, int depth)
    {
        var (nodes, relationships) = await Data.Value;

        var projects = relationships
            .Where(r => r.Type == "IN_LOCALITY" && r.End == $"localities/{locality}")
            .Select(r => nodes.Single(n => n.Name == r.Start))
            .Where(n => n.GetString("kind") == "LV_PROJECT" && n.GetNumber("cohort") == cohort)
            .ToList();

        var project = Assert.Single(projects);
        Assert.Equal(depth, project.GetNumber("caseStudyDepth"));
        Assert.False(string.IsNullOrWhiteSpace(project.GetString("focus")));
    }

    [Theory]
    [InlineData("plymouth", "UNITARY")]
    [InlineData("wiltshire", "UNITARY")]
    [InlineData("blackpool", "UNITARY")]
    [InlineData("west-cheshire", "UNITARY")]
    [InlineData("cornwall", "UNITARY")]
    [InlineData("nottingham", "UNITARY")]
    [InlineData("bedfordshire", "UNITARY")]
    [InlineData("dudley", "METROPOLITAN_BOROUGH")]
    [InlineData("birmingham", "METROPOLITAN_BOROUGH")]
    [InlineData("wirral", "METROPOLITAN_BOROUGH")]
    [InlineData("solihull", "METROPOLITAN_BOROUGH")]
    [InlineData("coventry", "METROPOLITAN_BOROUGH")]
    [InlineData("calderdale", "METROPOLITAN_BOROUGH")]
    [InlineData("kent", "COUNTY")]
    [InlineData("gloucestershire", "COUNTY")]
    [InlineData("suffolk", "COUNTY")]
    [InlineData("hackney", "LONDON_BOROUGH")]
    [InlineData("merton", "LONDON_BOROUGH")]
    public async Task Locality_LaType_IsTheIssuesClassification(string locality, string laType)
    {
        var node = await NodeAsync($"localities/{locality}");

        Assert.Equal(laType, node.GetString("laType"));
    }

    [Fact]
    public async Task BournemouthDorsetPoole_SpansTwoUnitaryCouncilsAndACounty()
    {
        var node = await NodeAsync("localities/bournemouth-dorset-poole");

        var types = node.Properties["laType"]!.AsArray().Select(v => v!.GetValue<string>()).Order().ToArray();

        Assert.Equal(["COUNTY", "UNITARY", "UNITARY"], types);
    }

    [Fact]
    public async Task Observations_EachCitesASectionHasAConfidenceAndEvidence()
    {
        var (nodes, relationships) = await Data.Value;
        var observations = nodes.Where(n => n.Label == "Observation").ToList();
        var supported = relationships.Where(r => r.Type == "SUPPORTS").Select(r => r.End).ToHashSet();
        var observed = relationships.Where(r => r.Type == "OBSERVED").Select(r => r.End).ToHashSet();

        // CODING.md codes 109 observations; the dataset adds a dated baseline where the report gives one.
        Assert.True(observations.Count >= 109, $"only {observations.Count} observations");
        Assert.All(observations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.GetString("section")), $"{o.Name} cites no section");
            Assert.Contains(o.GetString("confidence"), new[] { "H", "M", "L" });
            Assert.Contains(o.Name, supported);
            Assert.Contains(o.Name, observed);
        });
    }

    /// <summary>MOMENTUM is scored exactly where the reference coding scores it, and nowhere else.</summary>
    [Fact]
    public async Task Momentum_IsScoredAsTheReferenceCodingSays()
    {
        var expected = new Dictionary<string, double>
        {
            ["bournemouth-dorset-poole"] = 0.75, ["plymouth"] = 1, ["wiltshire"] = 0.75, ["gloucestershire"] = 0.75,
            ["hackney"] = 1, ["dudley"] = 0.75, ["west-cheshire"] = 0.5, ["wirral"] = 0.75, ["merton"] = 0.75,
            ["suffolk"] = 0.25, ["solihull"] = 0.75,
        };
        var (nodes, relationships) = await Data.Value;
        var localityOf = relationships.Where(r => r.Type == "IN_LOCALITY").ToDictionary(r => r.Start, r => r.End["localities/".Length..]);
        var initiativeOf = relationships.Where(r => r.Type == "OBSERVED").ToDictionary(r => r.End, r => r.Start);

        var momentum = nodes
            .Where(n => n.Label == "Observation" && n.GetString("code") == "MOMENTUM")
            .GroupBy(n => localityOf[initiativeOf[n.Name]])
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.GetString("at")).Last().GetNumber("score"));

        Assert.Equal(expected.OrderBy(kv => kv.Key), momentum.OrderBy(kv => kv.Key).Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value!.Value)));
    }

    [Fact]
    public async Task Plymouth_HasTheAppendix4IndicatorsWithYearAndSource()
    {
        var plymouth = await NodeAsync("localities/plymouth");

        var indicators = plymouth.Properties["indicators"]!.AsObject();

        Assert.True(indicators.Count >= 8, $"only {indicators.Count} indicators");
        Assert.All(indicators, kv =>
        {
            var indicator = kv.Value!.AsObject();
            Assert.NotNull(JsonValues.AsNumber(indicator["value"]));
            Assert.NotNull(indicator["year"]);
            Assert.False(string.IsNullOrWhiteSpace(JsonValues.AsString(indicator["source"])), $"{kv.Key} has no source");
        });
        Assert.Contains(indicators, kv => JsonValues.AsNumber(kv.Value!["value"]) is 20.1);
    }

    [Fact]
    public async Task Enablers_GloucestershireHasAPairAndOneEnablerBridgesTwoLocalities()
    {
        var (nodes, relationships) = await Data.Value;
        var localityOf = relationships.Where(r => r.Type == "IN_LOCALITY").ToDictionary(r => r.Start, r => r.End);
        var enables = relationships.Where(r => r.Type == "ENABLES").ToList();

        var gloucestershire = enables.Count(r => localityOf.GetValueOrDefault(r.End) == "localities/gloucestershire");
        var bridges = enables.GroupBy(r => r.Start).Count(g => g.Select(r => localityOf.GetValueOrDefault(r.End)).Distinct().Count() >= 2);

        Assert.True(gloucestershire >= 2);
        Assert.True(bridges >= 1);
        Assert.All(nodes.Where(n => n.Label is "Person" or "Enabler"), n => Assert.False(string.IsNullOrWhiteSpace(n.GetString("pseudonym"))));
    }

    [Fact]
    public async Task Dataset_LoadsIntoTheStoreWithoutAViolation()
    {
        await using var temp = TempStore.Create();

        await SampleDataset.LoadAsync(temp.Store, Ct);
        var counts = await temp.Store.CountAsync(Ct);
        var (nodes, relationships) = await Data.Value;

        Assert.Equal(nodes.Count, counts.Nodes);
        Assert.Equal(relationships.Count, counts.Relationships);
        Assert.All(Labels.All, label => Assert.True(counts.NodesByLabel.GetValueOrDefault(label) > 0, $"no {label} nodes"));
    }
}
