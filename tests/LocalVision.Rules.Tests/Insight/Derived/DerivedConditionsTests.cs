using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Network;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Insight;
using LocalVision.Rules.Insight.Derived;
using LocalVision.Rules.Qca;
using LocalVision.Testing.Builders;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Insight.Derived;

/// <summary>
/// Derived conditions on a hand-built graph of three initiatives. Partners a (lead), b, c, d belong to alpha; e (lead)
/// and f to beta; gamma has none. Collaboration ties a–b, a–c, b–c, a–e, e–f, and c–d only from 2025-01-01.
/// By hand on 2024-01-01 (six partners, d isolated, (6−1)(6−2)/2 = 10 pairs of others per node): a lies on the only
/// shortest paths b–e, b–f, c–e, c–f, so its normalised betweenness is 4/10 = 0.4; e lies on f–a, f–b, f–c: 0.3.
/// Alpha's partners have 3 ties of 6 pairs (density 0.5; 4/6 once c–d holds); beta's 1 of 1. networkx 2.8 agrees
/// (betweenness_centrality a 0.4, e 0.3; density of the subgraphs 0.5, 1.0, 0.667), checked once by hand with
/// /usr/bin/python3 — the values are small enough not to need a differential test.
/// </summary>
public sealed class DerivedConditionsTests
{
    private static readonly DateOnly AsOf = new(2024, 1, 1);
    private static readonly string[] Cases = ["initiatives/alpha", "initiatives/beta", "initiatives/gamma"];

    private static async Task<TempStore> GraphAsync()
    {
        var temp = TempStore.Create();
        var alpha = new InitiativeGraph("alpha").Observe(Codes.Momentum, 1)
            .Partner("a", "LOCAL_AUTHORITY", role: "LEAD").Partner("b", "CCG").Partner("c", "LOCAL_AUTHORITY").Partner("d", "VOLUNTARY")
            .With("funding", 1000);
        var beta = new InitiativeGraph("beta").Observe(Codes.Momentum, 0).Partner("e", "VOLUNTARY", role: "LEAD").Partner("f", "VOLUNTARY").With("funding", 5000);
        var gamma = new InitiativeGraph("gamma").Observe(Codes.Momentum, 1);
        foreach (var graph in new[] { alpha, beta, gamma })
        {
            await temp.Store.WriteAsync(graph.Batch(), WriteOptions.None, CancellationToken.None);
        }
        GraphRelationship Tie(string from, string to, string? since = null) =>
            new(RelationshipTypes.CollaboratesWith, $"partners/{from}", $"partners/{to}", since is null ? [] : new JsonObject { ["from"] = since });
        await temp.Store.WriteAsync(new GraphBatch([], [Tie("a", "b"), Tie("a", "c"), Tie("b", "c"), Tie("a", "e"), Tie("e", "f"), Tie("c", "d", "2025-01-01")]),
            WriteOptions.None, CancellationToken.None);
        return temp;
    }

    private static DerivedCondition Network(string name, NetworkMeasureKind kind, DateOnly? asOf = null) =>
        new(name, new NetworkMeasure(kind, asOf), null, CalibrationMethod.Direct, [0, 0.25, 0.75]);

    private static async Task<DerivedSets> ComputeAsync(TempStore temp, params DerivedCondition[] derived)
    {
        using var projections = new ProjectionCache(temp.Store);
        return await new DerivedConditions(temp.Store, projections).ComputeAsync(derived, Cases, AsOf, CancellationToken.None);
    }

    [Fact]
    public async Task Compute_NetworkMeasures_GiveTheHandValuesAndNoneWithoutPartners()
    {
        await using var temp = await GraphAsync();

        var sets = await ComputeAsync(temp,
            Network("BROKER", NetworkMeasureKind.LeadPartnerBrokerage),
            Network("DENSE", NetworkMeasureKind.PartnerNetworkDensity),
            Network("DENSE_LATER", NetworkMeasureKind.PartnerNetworkDensity, new DateOnly(2025, 6, 1)),
            Network("KINDS", NetworkMeasureKind.PartnerKindCount));

        Assert.Equal(0.4, sets.RawValues["BROKER"]["initiatives/alpha"], 12);
        Assert.Equal(0.3, sets.RawValues["BROKER"]["initiatives/beta"], 12);
        Assert.Equal(0.5, sets.RawValues["DENSE"]["initiatives/alpha"], 12);
        Assert.Equal(1.0, sets.RawValues["DENSE"]["initiatives/beta"], 12);
        Assert.Equal(4 / 6.0, sets.RawValues["DENSE_LATER"]["initiatives/alpha"], 12);
        Assert.Equal(3.0, sets.RawValues["KINDS"]["initiatives/alpha"]);
        Assert.Equal(1.0, sets.RawValues["KINDS"]["initiatives/beta"]);
        foreach (var name in new[] { "BROKER", "DENSE", "DENSE_LATER", "KINDS" })
        {
            Assert.False(sets.RawValues[name].ContainsKey("initiatives/gamma"));
            Assert.False(sets.Memberships[name].ContainsKey("initiatives/gamma"));
            Assert.Contains(sets.Warnings, w => w.StartsWith($"{name}: 1 of 3 cases", StringComparison.Ordinal) && w.EndsWith("initiatives/gamma", StringComparison.Ordinal));
        }
        // 0.4 on anchors 0, 0.25, 0.75 with inclusion 0.95: above the crossover, by the direct method's log-odds.
        Assert.Equal(Calibration.Direct([0.4], new CalibrationAnchors(0, 0.25, 0.75), Calibration.RInclusionMembership)[0], sets.Memberships["BROKER"]["initiatives/alpha"], 12);
    }

    [Fact]
    public async Task Compute_CalibratedProperty_MatchesSetCalibrationOfTheSameProperty()
    {
        await using var temp = await GraphAsync();
        double[] thresholds = [0, 2000, 6000];

        var sets = await ComputeAsync(temp, new DerivedCondition("FUNDED", null, new PropertyMeasure("funding"), CalibrationMethod.Direct, thresholds));
        var reference = await new SetCalibration(temp.Store).CalibrateAsync(
            new CalibrationSource([], Labels.Initiative, "funding"), CalibrationMethod.Direct, thresholds, Calibration.RInclusionMembership, CancellationToken.None);

        var expected = reference.Names.Zip(reference.Memberships).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        Assert.Equal(["initiatives/alpha", "initiatives/beta"], sets.Memberships["FUNDED"].Keys.Order(StringComparer.Ordinal));
        foreach (var (name, membership) in sets.Memberships["FUNDED"])
        {
            Assert.Equal(expected[name], membership, 12);
        }
        Assert.True(sets.Memberships["FUNDED"]["initiatives/beta"] > 0.5 && sets.Memberships["FUNDED"]["initiatives/alpha"] < 0.5);
        Assert.Contains(sets.Warnings, w => w.Contains("no number for `funding`", StringComparison.Ordinal) && w.EndsWith("initiatives/gamma", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(UnknownPolicy.DropCase, new[] { "initiatives/alpha", "initiatives/beta" }, 0.0)]
    [InlineData(UnknownPolicy.AsAbsent, new[] { "initiatives/alpha", "initiatives/beta", "initiatives/gamma" }, 0.0)]
    [InlineData(UnknownPolicy.AsPresent, new[] { "initiatives/alpha", "initiatives/beta", "initiatives/gamma" }, 1.0)]
    public async Task Select_CaseWithoutAValue_IsHandledByTheUnknownPolicy(UnknownPolicy policy, string[] expected, double gamma)
    {
        await using var temp = await GraphAsync();
        using var projections = new ProjectionCache(temp.Store);
        var cases = new InsightCases(new EvaluationEngine(temp.Store), new DerivedConditions(temp.Store, projections));
        var source = new CaseSource(null, new DateOnly(2015, 9, 1), policy, [Network("DENSE", NetworkMeasureKind.PartnerNetworkDensity, AsOf)]);

        var selection = await cases.SelectAsync(source, Codes.Momentum, ["DENSE"], CancellationToken.None);

        Assert.Equal(expected, selection.Cases.CaseNames.Order(StringComparer.Ordinal));
        if (policy == UnknownPolicy.DropCase)
        {
            var left = Assert.Single(selection.Excluded);
            Assert.Equal(("initiatives/gamma", ExclusionReason.Unknown), (left.Name, left.Reason));
            Assert.Equal(["DENSE"], left.Sets);
        }
        else
        {
            Assert.Empty(selection.Excluded);
            var index = selection.Cases.CaseNames.ToList().IndexOf("initiatives/gamma");
            Assert.Equal(gamma, selection.Cases.Memberships("DENSE")[index]);
        }
        Assert.Contains(selection.Warnings, w => w.StartsWith("DENSE: 1 of 3 cases", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Select_ExpressionOverADerivedCondition_ReadsItLikeACode()
    {
        await using var temp = await GraphAsync();
        using var projections = new ProjectionCache(temp.Store);
        var cases = new InsightCases(new EvaluationEngine(temp.Store), new DerivedConditions(temp.Store, projections));
        var source = new CaseSource(null, new DateOnly(2015, 9, 1), UnknownPolicy.DropCase, [Network("DENSE", NetworkMeasureKind.PartnerNetworkDensity, AsOf)]);

        var selection = await cases.SelectAsync(source, Codes.Momentum, ["~DENSE"], CancellationToken.None);

        var dense = selection.Cases.Memberships("DENSE");
        Assert.Equal(dense.Select(v => 1 - v), selection.Cases.Memberships("~DENSE"));
    }

    [Fact]
    public void Check_NameOfACatalogueCodeAndBadCalibration_NameEveryFieldPath()
    {
        DerivedCondition[] derived =
        [
            Network(Codes.Momentum, NetworkMeasureKind.PartnerKindCount),
            new("FUNDED", null, new PropertyMeasure("funding"), CalibrationMethod.Direct, [0, 2000]),
            new("FUNDED", new NetworkMeasure(NetworkMeasureKind.PartnerKindCount), new PropertyMeasure(""), CalibrationMethod.Indirect, [3, 1, 2]),
            new("9BAD", null, new PropertyMeasure("funding"), CalibrationMethod.Direct, [0, 1, 2], InclusionMembership: 1.2),
        ];

        var error = Assert.Throws<GraphValidationException>(() => DerivedConditionChecks.Check(derived));

        Assert.Equal(
            [
                "derived_conditions[0].name", "derived_conditions[1].calibration.thresholds", "derived_conditions[2].name", "derived_conditions[2]",
                "derived_conditions[2].property.property", "derived_conditions[2].calibration.thresholds", "derived_conditions[3].name",
                "derived_conditions[3].calibration.inclusion_membership",
            ],
            error.Violations.Select(v => v.Field));
        Assert.Contains("is a code of the catalogue", error.Violations[0].Description);
    }

    [Fact]
    public async Task Select_DerivedConditionsWithAnAnalystTable_AreRefused()
    {
        await using var temp = TempStore.Create();
        var cases = new InsightCases(new EvaluationEngine(temp.Store));
        var table = new[] { new Case("a", new Dictionary<string, double> { ["X"] = 1, ["Y"] = 1 }) };
        var source = new CaseSource(table, AsOf, UnknownPolicy.DropCase, [Network("DENSE", NetworkMeasureKind.PartnerNetworkDensity)]);

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => cases.SelectAsync(source, "Y", ["X"], CancellationToken.None));

        Assert.Equal("derived_conditions", Assert.Single(error.Violations).Field);
    }
}
