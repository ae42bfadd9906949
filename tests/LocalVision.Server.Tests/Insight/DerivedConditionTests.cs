using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.Testing.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Insight;

/// <summary>
/// Derived conditions through a real channel on the sample data. As of 2014-03-01 the partner network has 5
/// collaboration ties; DENSE is the density among each project's partners (needs two or more partners), FUNDED its
/// funding (27,000 for every project), POPULOUS its locality's population (only Plymouth's locality records one).
/// </summary>
public sealed class DerivedConditionTests(SeededServerFixture fixture) : IDisposable
{
    private static readonly Timestamp NetworkDate = Timestamp.FromDateTime(new DateTime(2014, 3, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.WebAddress };

    private InsightService.InsightServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    private static DerivedCondition Dense() => new()
    {
        Name = "DENSE",
        Network = new NetworkMeasure { Kind = NetworkMeasureKind.PartnerNetworkDensity, AsOf = NetworkDate },
        Calibration = new DerivedCalibration { Method = CalibrationMethod.Direct, Thresholds = { 0, 0.1, 0.3 } },
    };

    private static DerivedCondition Funded() => new()
    {
        Name = "FUNDED",
        Property = new PropertyCalibration { Property = "funding" },
        Calibration = new DerivedCalibration { Method = CalibrationMethod.Direct, Thresholds = { 10000, 20000, 30000 } },
    };

    private static DerivedCondition Populous() => new()
    {
        Name = "POPULOUS",
        Property = new PropertyCalibration { Property = "population", Of = PropertyHolder.Locality },
        Calibration = new DerivedCalibration { Thresholds = { 100000, 200000, 500000 } },
    };

    [Fact]
    public async Task AnalyzeConditions_DerivedNetworkAndPropertyConditions_AreReportedWithTheirCasesAndTheOnesWithoutAValue()
    {
        var request = new AnalyzeConditionsRequest { Outcome = "MOMENTUM", Conditions = { "DENSE", "FUNDED", "POPULOUS" }, DerivedConditions = { Dense(), Funded(), Populous() } };

        var response = await Client.AnalyzeConditionsAsync(request, cancellationToken: Ct);

        Assert.Equal(["DENSE", "FUNDED", "POPULOUS"], response.Conditions.Select(c => c.Condition));
        var dense = response.Conditions[0];
        Assert.Contains("initiatives/wiltshire-local-vision", dense.Cases);
        Assert.Contains("initiatives/west-cheshire-local-vision", dense.Cases);
        // Solihull has no partner on the date and Birmingham one: no density, so no value — named with the reason.
        var unknown = dense.Excluded.Where(e => e.Reason == ExclusionReason.Unknown).Select(e => e.Name).ToList();
        Assert.Contains("initiatives/solihull-local-vision", unknown);
        Assert.Contains("initiatives/birmingham-local-vision", unknown);
        Assert.Empty(dense.Cases.Intersect(unknown));
        var funded = response.Conditions[1];
        Assert.DoesNotContain(funded.Excluded, e => e.Reason == ExclusionReason.Unknown && !e.Sets.Contains("MOMENTUM"));
        var populous = response.Conditions[2];
        Assert.Contains("initiatives/plymouth-local-vision", populous.Cases);
        Assert.All(populous.Cases, c => Assert.StartsWith("initiatives/plymouth-local-vision", c));
        Assert.Contains(response.Warnings, w => w.StartsWith("POPULOUS: ", StringComparison.Ordinal) && w.Contains("initiatives/kent-local-vision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinimizeTruthTable_WithADerivedCondition_UsesItAndNamesTheCasesWithoutAValue()
    {
        var request = new MinimizeTruthTableRequest
        {
            Outcome = "MOMENTUM", Conditions = { "DENSE", "FUNDED" }, InclusionCutoff = 0.75, SolutionType = SolutionType.Parsimonious,
            DerivedConditions = { Dense(), Funded() },
        };
        var table = new BuildTruthTableRequest { Outcome = "MOMENTUM", Conditions = { "DENSE", "FUNDED" }, InclusionCutoff = 0.75, DerivedConditions = { Dense(), Funded() } };

        var response = await Client.MinimizeTruthTableAsync(request, cancellationToken: Ct);
        var rows = await Client.BuildTruthTableAsync(table, cancellationToken: Ct);

        Assert.Equal(["DENSE", "FUNDED"], rows.Conditions);
        Assert.NotEmpty(rows.Rows);
        Assert.Equal(rows.CaseCount, rows.Rows.Sum(r => r.N) + rows.Excluded.Count(e => e.Reason != ExclusionReason.Unknown));
        Assert.Equal(rows.CaseCount, response.CaseCount);
        var solihull = Assert.Single(response.Excluded, e => e.Name == "initiatives/solihull-local-vision");
        Assert.Equal(ExclusionReason.Unknown, solihull.Reason);
        Assert.Contains("DENSE", solihull.Sets);
        Assert.Contains(response.Warnings, w => w.StartsWith("DENSE: ", StringComparison.Ordinal) && w.Contains("initiatives/solihull-local-vision", StringComparison.Ordinal));
        // The models are over the two derived sets only ("1" when every case with a value is sufficient).
        Assert.NotEmpty(response.Models);
        Assert.All(response.Models.SelectMany(m => m.Expression.Split('+', '*', '~', ' ')).Where(t => t.Length > 0), t => Assert.Contains(t, new[] { "DENSE", "FUNDED", "1" }));
    }

    [Fact]
    public async Task AnalyzeNecessity_AsAbsent_KeepsTheCasesWithoutAValue()
    {
        var dropped = await Client.AnalyzeNecessityAsync(new AnalyzeNecessityRequest { Outcome = "MOMENTUM", Conditions = { "DENSE" }, DerivedConditions = { Dense() } }, cancellationToken: Ct);
        var absent = await Client.AnalyzeNecessityAsync(
            new AnalyzeNecessityRequest { Outcome = "MOMENTUM", Conditions = { "DENSE" }, DerivedConditions = { Dense() }, UnknownPolicy = V1.UnknownPolicy.AsAbsent }, cancellationToken: Ct);

        Assert.Contains(dropped.Excluded, e => e.Name == "initiatives/solihull-local-vision");
        Assert.DoesNotContain(absent.Excluded, e => e.Name == "initiatives/solihull-local-vision");
        Assert.True(absent.CaseCount > dropped.CaseCount);
    }

    public static TheoryData<string, Action<DerivedCondition>> BadSpecs => new()
    {
        { "derived_conditions[0].calibration.thresholds", d => d.Calibration.Thresholds.RemoveAt(2) },
        { "derived_conditions[0].name", d => d.Name = "MOMENTUM" },
        { "derived_conditions[0].network.kind", d => d.Network.Kind = NetworkMeasureKind.Unspecified },
        { "derived_conditions[0]", d => d.ClearSource() },
        { "derived_conditions[0].calibration.method", d => d.Calibration.Method = (CalibrationMethod)9 },
        { "derived_conditions[0].calibration.inclusion_membership", d => d.Calibration.InclusionMembership = 0.3 },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task AnalyzeConditions_BadDerivedSpec_IsInvalidArgumentWithItsFieldPath(string field, Action<DerivedCondition> spoil)
    {
        var spec = Dense();
        spoil(spec);

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.AnalyzeConditionsAsync(
            new AnalyzeConditionsRequest { Outcome = "MOMENTUM", Conditions = { "DENSE" }, DerivedConditions = { spec } }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, field);
    }

    [Fact]
    public async Task TestRobustness_BadDerivedSpec_NamesItUnderMinimization()
    {
        var spec = Funded();
        spec.Calibration.Thresholds.Clear();
        var request = new TestRobustnessRequest
        {
            Minimization = new MinimizeTruthTableRequest { Outcome = "MOMENTUM", Conditions = { "FUNDED" }, DerivedConditions = { spec } },
            InclusionCutoffs = { 0.8 },
        };

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.TestRobustnessAsync(request, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "minimization.derived_conditions[0].calibration.thresholds");
    }

    [Fact]
    public async Task AnalyzeConditions_DerivedConditionWithACaseTable_IsInvalidArgument()
    {
        var request = new AnalyzeConditionsRequest { Outcome = "SURV", Conditions = { "DEV" }, CaseTable = Lipset.Table(), DerivedConditions = { Dense() } };

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.AnalyzeConditionsAsync(request, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "derived_conditions");
    }

    [Fact]
    public async Task AnalyzeConditions_Json_TakesADerivedCondition()
    {
        var request = new AnalyzeConditionsRequest { Outcome = "MOMENTUM", Conditions = { "DENSE" }, DerivedConditions = { Dense() } };

        using var response = await _http.PostAsync("/v1/conditions:analyze",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(request), System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var condition = Assert.Single(body.GetProperty("conditions").EnumerateArray());
        Assert.Equal("DENSE", condition.GetProperty("condition").GetString());
        Assert.Contains(condition.GetProperty("cases").EnumerateArray(), c => c.GetString() == "initiatives/wiltshire-local-vision");
    }
}
