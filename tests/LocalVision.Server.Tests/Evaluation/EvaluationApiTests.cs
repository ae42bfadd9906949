using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Evaluation;

/// <summary>EvaluationService over the shipped dataset, through a real channel and as JSON.</summary>
public sealed class EvaluationApiTests(SeededServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.WebAddress };

    private EvaluationService.EvaluationServiceClient Client => new(fixture.Server.Channel);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Timestamp Day(int year, int month, int day) => Timestamp.FromDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));

    public void Dispose() => _http.Dispose();

    private Task<V1.Evaluation> EvaluateAsync(string slug, Timestamp? asOf = null, bool illustrative = false, bool asNowKnown = false) =>
        Client.EvaluateInitiativeAsync(new EvaluateInitiativeRequest
        {
            Name = $"initiatives/{slug}", AsOf = asOf ?? Day(2015, 9, 1), IncludeIllustrative = illustrative, AsNowKnown = asNowKnown,
        }, cancellationToken: Ct).ResponseAsync;

    [Fact]
    public async Task EvaluateInitiative_Plymouth_FindsEarlySeniorEngagementAndLikelyScaleUpWithTheirEvidence()
    {
        var evaluation = await EvaluateAsync("plymouth-local-vision");

        var senior = Assert.Single(evaluation.Findings, f => f.RuleId == "SENIOR_EARLY");
        Assert.Equal(Polarity.Ingredient, senior.Polarity);
        Assert.Contains("observations/plymouth-senior-engagement-early", senior.Observations);
        Assert.NotEmpty(senior.Evidence);
        Assert.Equal(MechanismObserved.Unknown, senior.Mechanism.Observed);
        Assert.Equal("NATIONAL_LEGITIMACY", senior.Mechanism.Code);
        var condition = Assert.Single(senior.Conditions);
        Assert.Equal((ConditionValue.Present, 1.0), (condition.Value, condition.Score));
        Assert.Contains(condition.Sources, s => s.Contains("on 2012-01-01 (recorded 2015-07-01)", StringComparison.Ordinal));
        Assert.Contains(evaluation.Findings, f => f.RuleId == "SCALE_UP_LIKELY");
        Assert.Equal("STRONG", evaluation.Outlook.Rating);
        Assert.Equal(EvaluationStatus.Ended, evaluation.Status);
    }

    [Fact]
    public async Task EvaluateInitiative_Wiltshire_ShowsItsRiskAndWhatNobodyAssessedWithWhatWouldSettleIt()
    {
        var evaluation = await EvaluateAsync("wiltshire-local-vision");

        Assert.Contains(evaluation.Findings, f => f.RuleId == "UNFOCUSED" && f.Polarity == Polarity.Risk);
        var scaleUp = Assert.Single(evaluation.NotAssessed, u => u.Rule == "SCALE_UP_LIKELY");
        Assert.Equal(["STRATEGIC_PRIORITY_LINK"], scaleUp.MissingCodes);
        Assert.Equal(["7.4.3"], scaleUp.Sections);
        Assert.Contains("no STRATEGIC_PRIORITY_LINK observation", scaleUp.Reason);
        var clinical = evaluation.NotAssessed.Where(u => u.Rule == "LEADERSHIP_GAP").Select(u => u.Subject).ToList();
        Assert.Equal(["COMMUNITY"], clinical);
    }

    [Fact]
    public async Task EvaluateInitiative_Hackney_CautionBesideTheOutlookNotInIt()
    {
        var evaluation = await EvaluateAsync("hackney-local-vision");

        Assert.Contains(evaluation.Findings, f => f.RuleId == "DETECTION_ARTEFACT" && f.Polarity == Polarity.Caution && f.Weight == 0);
        Assert.Contains(evaluation.Outlook.Cautions, c => c.StartsWith("DETECTION_ARTEFACT", StringComparison.Ordinal));
        Assert.DoesNotContain(evaluation.Outlook.Contributions, c => c.RuleId == "DETECTION_ARTEFACT");
        Assert.Equal(evaluation.Outlook.Score, evaluation.Outlook.Contributions.Sum(c => c.Weight), 6);
    }

    [Fact]
    public async Task EvaluateInitiative_IncludeIllustrative_AddsThePriorTieAndMarksIt()
    {
        var plain = await EvaluateAsync("bdp-local-vision");
        var illustrative = await EvaluateAsync("bdp-local-vision", illustrative: true);

        Assert.DoesNotContain(plain.Findings, f => f.RuleId == "PRIOR_TIE");
        Assert.Contains(plain.NotAssessed, u => u.Rule == "PRIOR_TIE");
        var tie = Assert.Single(illustrative.Findings, f => f.RuleId == "PRIOR_TIE");
        Assert.True(tie.Illustrative);
        Assert.True(illustrative.IncludeIllustrative);
    }

    [Fact]
    public async Task EvaluateInitiative_EarlyDate_AsKnownThenAndAsWeNowKnow()
    {
        var then = await EvaluateAsync("bdp-local-vision", Day(2014, 6, 1));
        var now = await EvaluateAsync("bdp-local-vision", Day(2014, 6, 1), asNowKnown: true);

        Assert.DoesNotContain(then.Findings, f => f.RuleId == "SENIOR_EARLY");
        Assert.Contains(now.Findings, f => f.RuleId == "SENIOR_EARLY");
        Assert.True(now.AsNowKnown);
        Assert.True(now.Outlook.Score > then.Outlook.Score);
    }

    [Fact]
    public async Task EvaluateInitiative_BeforeTheStart_NotStartedAndNoMore()
    {
        var evaluation = await EvaluateAsync("solihull-local-vision", Day(2014, 6, 1));

        Assert.Equal(EvaluationStatus.NotStarted, evaluation.Status);
        Assert.Empty(evaluation.Findings);
        Assert.Empty(evaluation.NotAssessed);
        Assert.Equal("NOT_STARTED", evaluation.Outlook.Rating);
    }

    [Fact]
    public async Task EvaluateInitiative_UnknownInitiative_IsNotFound()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Client.EvaluateInitiativeAsync(
            new EvaluateInitiativeRequest { Name = "initiatives/atlantis" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task EvaluateInitiative_NameOfALocality_IsInvalidArgument()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.EvaluateInitiativeAsync(
            new EvaluateInitiativeRequest { Name = "localities/plymouth" }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "name");
    }

    [Fact]
    public async Task StreamEvaluations_Default_GivesEveryLocalVisionProjectOnce()
    {
        using var call = Client.StreamEvaluations(new StreamEvaluationsRequest { AsOf = Day(2015, 9, 1) }, cancellationToken: Ct);

        var evaluations = await call.ResponseStream.ReadAllAsync(Ct).ToListAsync(Ct);

        Assert.True(evaluations.Count >= 19);
        Assert.Equal(evaluations.Count, evaluations.Select(e => e.Initiative).Distinct().Count());
        Assert.Contains(evaluations, e => e.Initiative == "initiatives/hackney-local-vision" && e.Findings.Any(f => f.RuleId == "DETECTION_ARTEFACT"));
        Assert.DoesNotContain(evaluations, e => e.Findings.Any(f => f.RuleId == "SHORT_NO_FOLLOW_ON"));
    }

    [Fact]
    public async Task StreamEvaluations_BadFilter_IsInvalidArgument()
    {
        using var call = Client.StreamEvaluations(new StreamEvaluationsRequest { Filter = "kind ==" }, cancellationToken: Ct);

        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, async () => await call.ResponseStream.MoveNext(Ct));

        RpcAssert.HasViolation(error, "filter");
    }

    [Fact]
    public async Task ListRules_Always_DescribesEveryRuleOfTheDomainTableWithItsWeightAndWhy()
    {
        var rules = await Client.ListRulesAsync(new ListRulesRequest(), cancellationToken: Ct);

        string[] table =
        [
            "FOCUSED", "UNFOCUSED", "COMMUNITY_MEASURABLE", "STRATEGIC_NO_METRICS", "PRIOR_SYSTEMS", "PRIOR_TIE", "BURNING_PLATFORM",
            "PLACE_BASED_FIT", "BCF_DISTRACTION", "PUBLIC_HEALTH_EXPERIMENT", "PARTNERSHIP_BODY_OWNER", "DEDICATED_SUPPORT", "NO_SUPPORT",
            "SENIOR_EARLY", "SENIOR_LATE", "POLITICAL_MANDATE", "ENABLER_MATCHED", "COMMUNITY_LIGHT_BULB", "MOU_YARDSTICK", "NO_MOU",
            "LEARNING_NETWORK", "ADEQUATE_TIME", "TIME_PRESSURE", "SHORT_NO_FOLLOW_ON", "LEADERSHIP_GAP", "EXIT_HANDOVER", "EXIT_NO_SUCCESSOR",
            "SCALE_UP_LIKELY", "CONTESTED_VIEWS", "DATA_AS_LEVER", "DETECTION_ARTEFACT", "FEW_CLINICIANS",
        ];
        Assert.Equal(table, rules.Rules.Where(r => r.Kind == RuleKind.Cmo).Select(r => r.Id));
        Assert.All(rules.Rules.Where(r => r.Kind == RuleKind.Cmo), r =>
        {
            Assert.NotEqual(Polarity.Unspecified, r.Polarity);
            Assert.NotEmpty(r.ReportSections);
            Assert.NotEmpty(r.WeightReason);
            Assert.Equal(RuleStatus.Initial, r.Status);
        });
        Assert.Contains(rules.Notes, n => n.Contains("mode", StringComparison.Ordinal));
        var noSupport = rules.Rules.Single(r => r.Id == "NO_SUPPORT");
        Assert.Equal(Expectation.AbsentOrPartly, Assert.Single(noSupport.Context).Expects);
    }

    [Fact]
    public async Task ListCodes_Mechanisms_AreTheCataloguesMechanisms()
    {
        var codes = await Client.ListCodesAsync(new ListCodesRequest { Kind = V1.CodeKind.Mechanism }, cancellationToken: Ct);

        Assert.Contains(codes.Codes, c => c.Code == "HOLDING_UP_THE_MIRROR");
        Assert.All(codes.Codes, c => Assert.Equal(V1.CodeKind.Mechanism, c.Kind));
    }

    [Fact]
    public async Task TestProgrammeTheory_SeniorEarly_SupportedWhereReportedWithTheObservationsBehindEachVerdict()
    {
        var response = await Client.TestProgrammeTheoryAsync(new TestProgrammeTheoryRequest { Rules = { "SENIOR_EARLY" }, AsOf = Day(2015, 9, 1) },
            cancellationToken: Ct);

        var test = Assert.Single(response.Rules);
        Assert.Equal("MOMENTUM", test.Outcome);
        var plymouth = test.Cases.Single(c => c.Initiative == "initiatives/plymouth-local-vision");
        Assert.Equal(Verdict.Supports, plymouth.Verdict);
        Assert.Contains("observations/plymouth-senior-engagement-early", plymouth.Context.Observations);
        Assert.Contains("observations/plymouth-momentum", plymouth.Outcome.Observations);
        Assert.Equal(Verdict.Untested, test.Cases.Single(c => c.Initiative == "initiatives/kent-local-vision").Verdict);
        Assert.Equal(test.Cases.Count, test.Counts.Supports + test.Counts.Deviant + test.Counts.Alternative + test.Counts.Consistent + test.Counts.Untested);
        Assert.Equal(test.Testable, test.Cases.Count - test.Counts.Untested);
        Assert.True(test.HasConsistency);
        Assert.InRange(test.Consistency, 0, 1);
    }

    [Fact]
    public async Task TestProgrammeTheory_NoRulesNamed_TestsEveryRuleOfTheTable()
    {
        var response = await Client.TestProgrammeTheoryAsync(new TestProgrammeTheoryRequest { AsOf = Day(2015, 9, 1) }, cancellationToken: Ct);

        Assert.Equal(32 + 5, response.Rules.Count);
        Assert.Equal(6, response.Rules.Count(r => r.RuleId == "LEADERSHIP_GAP"));
        Assert.All(response.Rules.Where(r => r.Outcome.Length == 0), r => Assert.Equal(r.Cases.Count, r.Counts.Untested));
    }

    [Fact]
    public async Task TestProgrammeTheory_UnknownRule_IsInvalidArgumentNamingIt()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Client.TestProgrammeTheoryAsync(
            new TestProgrammeTheoryRequest { Rules = { "SENIOR_EARLY", "SENIOR_EARLIEST" } }, cancellationToken: Ct));

        RpcAssert.HasViolation(error, "rules[1]");
    }

    [Fact]
    public async Task Json_Evaluation_CarriesNotAssessedStatusAndConditions()
    {
        var evaluation = await _http.GetFromJsonAsync<JsonElement>("/v1/initiatives/kent-local-vision/evaluation?asOf=2015-09-01T00:00:00Z", Ct);

        Assert.Equal("EVALUATION_STATUS_ENDED", evaluation.GetProperty("status").GetString());
        var notAssessed = evaluation.GetProperty("notAssessed").EnumerateArray().ToList();
        Assert.Contains(notAssessed, u => u.GetProperty("rule").GetString() == "SHORT_NO_FOLLOW_ON"
            && u.GetProperty("missingCodes").EnumerateArray().Single().GetString() == "FOLLOW_ON_FUNDING");
        Assert.Contains(evaluation.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("code").GetString() == "SENIOR_ENGAGEMENT_EARLY"
            && c.GetProperty("value").GetString() == "CONDITION_VALUE_PRESENT");
    }

    [Fact]
    public async Task Json_TestProgrammeTheory_PostsAndAnswers()
    {
        using var response = await _http.PostAsJsonAsync("/v1/programmeTheory:test",
            new { rules = new[] { "COMMUNITY_LIGHT_BULB" }, asOf = "2015-09-01T00:00:00Z" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var test = body.GetProperty("rules").EnumerateArray().Single();
        Assert.Equal("COMMUNITY_LIGHT_BULB", test.GetProperty("ruleId").GetString());
        Assert.Contains(test.GetProperty("cases").EnumerateArray(), c => c.GetProperty("initiative").GetString() == "initiatives/hackney-local-vision"
            && c.GetProperty("verdict").GetString() == "VERDICT_SUPPORTS");
    }

    [Fact]
    public async Task Json_TestProgrammeTheory_UnknownRule_IsBadRequest()
    {
        using var response = await _http.PostAsJsonAsync("/v1/programmeTheory:test", new { rules = new[] { "NOPE" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
