using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LocalVision.Server.Access;
using LocalVision.Server.Tests.Hosting;
using LocalVision.V1;

namespace LocalVision.Server.Tests.Theory;

/// <summary>The programme theory refined at run time, through a real channel on the sample data, and as JSON.</summary>
public sealed class TheoryApiTests : IAsyncLifetime
{
    /// <summary>A new ingredient on a condition the sample codes, so some projects gain it and the others do not.</summary>
    private const string NewRule = """
        rules:
          - id: MOU_MONITORED
            title: An MOU used to monitor outcomes
            sections: [7.3.3]
            polarity: INGREDIENT
            status: CANDIDATE
            weight: 1
            when:
              - code: MOU_AGREED
                is: present
            mechanism: SHARED_NARRATIVE
            outcome: MOMENTUM
            explain: partners agreed an MOU [{MOU_AGREED}], a yardstick for monitoring outcomes
        """;

    private static readonly Timestamp ReportDate = Timestamp.FromDateTime(new DateTime(2015, 9, 1, 0, 0, 0, DateTimeKind.Utc));

    private RunningServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: true, new Dictionary<string, Roles>
        {
            ["reader"] = Roles.Reader,
            ["evaluator"] = Roles.Evaluator,
            ["ops"] = Roles.Admin,
        });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private TheoryService.TheoryServiceClient Theory(string key) => new(_server.As(key));

    private EvaluationService.EvaluationServiceClient Evaluation => new(_server.As("reader"));

    private Task<V1.Theory> ChangeAsync(string yaml, string note = "refined after the West Cheshire deviant case", bool validateOnly = false) =>
        Theory("evaluator").ChangeTheoryAsync(new ChangeTheoryRequest { Yaml = yaml, Note = note, ValidateOnly = validateOnly }, cancellationToken: Ct).ResponseAsync;

    private async Task<Dictionary<string, V1.Evaluation>> EvaluateAllAsync(string theoryVersion = "")
    {
        using var call = Evaluation.StreamEvaluations(new StreamEvaluationsRequest { AsOf = ReportDate, TheoryVersion = theoryVersion }, cancellationToken: Ct);
        var all = new Dictionary<string, V1.Evaluation>(StringComparer.Ordinal);
        await foreach (var evaluation in call.ResponseStream.ReadAllAsync(Ct))
        {
            all[evaluation.Initiative] = evaluation;
        }
        return all;
    }

    [Fact]
    public async Task GetTheory_NothingChanged_IsTheShippedVersionOne()
    {
        var theory = await Theory("reader").GetTheoryAsync(new GetTheoryRequest(), cancellationToken: Ct);

        Assert.Equal("1", theory.Version);
        Assert.Equal("LocalVision", theory.Author);
        Assert.Contains("id: MOU_YARDSTICK", theory.Yaml);
        Assert.Equal(32, theory.Rules.Count(r => r.Kind == RuleKind.Cmo));
    }

    [Fact]
    public async Task ChangeTheory_Reader_IsRefusedAndNothingChanges()
    {
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => Theory("reader").ChangeTheoryAsync(
            new ChangeTheoryRequest { Yaml = NewRule.Replace("CANDIDATE", "INITIAL"), Note = "sneaky" }, cancellationToken: Ct));

        Assert.Equal("1", (await Theory("reader").GetTheoryAsync(new GetTheoryRequest(), cancellationToken: Ct)).Version);
    }

    [Fact]
    public async Task ChangeTheory_EvaluatorAddsARule_TheNextEvaluationShowsItsFindingAndVersionOneStillTheOld()
    {
        var before = await EvaluateAllAsync();

        var changed = await ChangeAsync(NewRule.Replace("CANDIDATE", "INITIAL"));

        var after = await EvaluateAllAsync();
        var underOne = await EvaluateAllAsync("1");
        Assert.Equal("2", changed.Version);
        Assert.Equal("evaluator", changed.Author);
        var gaining = before.Where(e => e.Value.Findings.Any(f => f.RuleId == "MOU_YARDSTICK")).Select(e => e.Key).Order().ToList();
        Assert.NotEmpty(gaining);
        Assert.Equal(gaining, after.Where(e => e.Value.Findings.Any(f => f.RuleId == "MOU_MONITORED")).Select(e => e.Key).Order().ToList());
        Assert.All(after.Values, e => Assert.Equal("2", e.TheoryVersion));
        Assert.All(underOne.Values, e => Assert.Equal("1", e.TheoryVersion));
        Assert.Equal(before.ToDictionary(e => e.Key, e => e.Value.Findings.Select(f => f.RuleId + f.Subject).ToList()),
            underOne.ToDictionary(e => e.Key, e => e.Value.Findings.Select(f => f.RuleId + f.Subject).ToList()));

        var compared = await Theory("reader").CompareTheoriesAsync(new CompareTheoriesRequest { FromVersion = "1", AsOf = ReportDate }, cancellationToken: Ct);
        Assert.Equal(gaining, compared.Initiatives.Select(i => i.Initiative).ToList());
        Assert.All(compared.Initiatives, i => Assert.Equal(["MOU_MONITORED"], i.Gained.Select(f => f.RuleId)));
        Assert.All(compared.Initiatives, i => Assert.Empty(i.Lost));
        Assert.Contains(compared.Initiatives, i => i.OutlookAfter.Score == i.OutlookBefore.Score + 1);

        var versions = await Theory("reader").ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct);
        Assert.Equal(["1", "2"], versions.Versions.Select(v => v.Version));
        Assert.Equal("refined after the West Cheshire deviant case", versions.Versions[1].Note);
        Assert.Equal("2", versions.CurrentVersion);
    }

    [Fact]
    public async Task ChangeTheory_CandidateRule_IsStoredAndListedButNotRun()
    {
        await ChangeAsync(NewRule);

        var rules = await Evaluation.ListRulesAsync(new ListRulesRequest(), cancellationToken: Ct);
        Assert.Equal(RuleStatus.Candidate, rules.Rules.Single(r => r.Id == "MOU_MONITORED").Status);
        Assert.DoesNotContain((await EvaluateAllAsync()).Values.SelectMany(e => e.Findings), f => f.RuleId == "MOU_MONITORED");
    }

    [Fact]
    public async Task ChangeTheory_BadDefinition_NamesRuleFieldAndLineAndChangesNothing()
    {
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => ChangeAsync(NewRule.Replace("code: MOU_AGREED", "code: MOU_AGRED")));

        var violation = Assert.Single(RpcAssert.FieldViolations(error), v => v.Field == "yaml.rules[0].when[0].code");
        Assert.Equal("line 9: `MOU_AGRED` is not a code of the coding catalogue nor one the engine derives; did you mean MOU_AGREED?", violation.Description);
        Assert.Single((await Theory("reader").ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct)).Versions);
    }

    [Fact]
    public async Task ChangeTheory_ValidateOnlyOrWithoutANote_StoresNothing()
    {
        var validated = await ChangeAsync(NewRule, validateOnly: true);
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => ChangeAsync(NewRule, note: " "));

        Assert.Equal("2", validated.Version);
        RpcAssert.HasViolation(error, "note");
        Assert.Single((await Theory("reader").ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct)).Versions);
    }

    [Fact]
    public async Task ChangeTheory_RemoveAndReplace_ChangesOnlyThoseRules()
    {
        var replaced = """
            rules:
              - id: NO_MOU
                title: No memorandum of understanding
                sections: [7.3.3]
                polarity: RISK
                status: REFINED
                weight: 1
                when:
                  - code: MOU_AGREED
                    is: absent
                outcome: MOMENTUM
                explain: no MOU was agreed [{MOU_AGREED}]
            """;

        var changed = await Theory("evaluator").ChangeTheoryAsync(
            new ChangeTheoryRequest { Yaml = replaced, RemoveRules = { "LEARNING_NETWORK" }, Note = "the learning network is not a CMO rule" }, cancellationToken: Ct);
        var error = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Theory("evaluator").ChangeTheoryAsync(
            new ChangeTheoryRequest { RemoveRules = { "FOCUSSED" }, Note = "typo" }, cancellationToken: Ct).ResponseAsync);

        var cmo = changed.Rules.Where(r => r.Kind == RuleKind.Cmo).ToList();
        Assert.Equal(31, cmo.Count);
        Assert.DoesNotContain(cmo, r => r.Id == "LEARNING_NETWORK");
        var noMou = cmo.Single(r => r.Id == "NO_MOU");
        Assert.Equal((RuleStatus.Refined, 1.0), (noMou.Status, noMou.Weight));
        Assert.Equal(cmo.FindIndex(r => r.Id == "NO_MOU"), cmo.FindIndex(r => r.Id == "MOU_YARDSTICK") + 1);
        Assert.Contains("did you mean FOCUSED?", Assert.Single(RpcAssert.FieldViolations(error), v => v.Field == "remove_rules[0]").Description);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Theory("reader").GetTheoryAsync(new GetTheoryRequest { Version = "9" }, cancellationToken: Ct).ResponseAsync);
        Assert.Contains("LEARNING_NETWORK", (await Theory("reader").GetTheoryAsync(new GetTheoryRequest { Version = "1" }, cancellationToken: Ct)).Yaml);
    }

    [Fact]
    public async Task ChangeTheory_IsAudited()
    {
        await ChangeAsync(NewRule);

        var entries = await new AccessService.AccessServiceClient(_server.As("ops"))
            .ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 100 }, cancellationToken: Ct);
        var entry = entries.Entries.First(e => e.Method == "/localvision.v1.TheoryService/ChangeTheory");
        Assert.Equal(("evaluator", "OK"), (entry.Caller, entry.Outcome));
        Assert.Equal(["theory/versions/2"], entry.Resources);
    }

    [Fact]
    public async Task GetRamesesReport_AfterARefinement_HasTheInitialAndRefinedTheoryTheLogEachCaseWithItsEvidenceAndTheLimits()
    {
        await ChangeAsync(NewRule.Replace("CANDIDATE", "REFINED"));

        var report = await Theory("reader").GetRamesesReportAsync(new GetRamesesReportRequest { AsOf = ReportDate }, cancellationToken: Ct);

        Assert.Equal("2", report.TheoryVersion);
        var md = report.Markdown;
        Assert.Contains("## Initial programme theory (RAMESES II item 4)", md);
        Assert.Contains("| 2 | evaluator |", md);
        Assert.Contains("refined after the West Cheshire deviant case | MOU_MONITORED |", md);
        Assert.Contains("| MOU_MONITORED | REFINED | INGREDIENT | 7.3.3 |", md);
        Assert.Contains("### Deviant cases", md);
        Assert.Contains("### Plymouth", md);
        Assert.Contains("`observations/plymouth-senior-engagement-early`", md);
        Assert.Contains("## Limits of the data (RAMESES II item 18)", md);
        Assert.True(md.IndexOf("## Initial", StringComparison.Ordinal) < md.IndexOf("## Refined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRamesesReport_AsHtml_HasEverySectionAndACaseSectionPerCaseThatStartsAPrintedPage()
    {
        var report = await Theory("reader").GetRamesesReportAsync(
            new GetRamesesReportRequest { AsOf = ReportDate, Format = ReportFormat.Html }, cancellationToken: Ct);
        var plain = await Theory("reader").GetRamesesReportAsync(new GetRamesesReportRequest { AsOf = ReportDate }, cancellationToken: Ct);

        var html = report.Html;
        Assert.StartsWith("<!DOCTYPE html>", html);
        foreach (var heading in new[] { "Initial programme theory", "Refined programme theory", "Deviant cases", "Cases: the CMO configurations found", "Limits of the data" })
        {
            Assert.Contains(heading, html);
        }
        Assert.Contains("<section class=\"case\">\n<h3>Plymouth", html);
        Assert.Contains("page-break-before: always", html);
        Assert.Contains("<code>observations/plymouth-senior-engagement-early</code>", html);
        var cases = plain.Markdown[plain.Markdown.IndexOf("## Cases:", StringComparison.Ordinal)..];
        var caseCount = cases[..cases.IndexOf("## Limits", StringComparison.Ordinal)].Split("\n### ").Length - 1;
        Assert.True(caseCount > 1);
        Assert.Equal(caseCount, html.Split("<section class=\"case\">").Length - 1);
        Assert.Equal("", plain.Html);
    }

    [Fact]
    public async Task Json_GetRamesesReport_AsHtml()
    {
        using var http = new HttpClient { BaseAddress = _server.WebAddress };
        http.DefaultRequestHeaders.Add(KeyAuthenticator.ApiKeyHeader, _server.Keys["reader"]);

        using var body = JsonDocument.Parse(await http.GetStringAsync("/v1/reports/rameses?format=REPORT_FORMAT_HTML&asOf=2015-09-01T00:00:00Z", Ct));

        Assert.Contains("<section class=\"case\">", body.RootElement.GetProperty("html").GetString());
    }

    private Task<CompareTheoriesResponse> CompareProposedAsync(string yaml, params string[] remove)
    {
        var request = new CompareTheoriesRequest { ProposedYaml = yaml, AsOf = ReportDate };
        request.ProposedRemoveRules.AddRange(remove);
        return Theory("reader").CompareTheoriesAsync(request, cancellationToken: Ct).ResponseAsync;
    }

    private static List<string> Changes(CompareTheoriesResponse compared) =>
        compared.Initiatives.Select(i => $"{i.Initiative} +{string.Join(",", i.Gained.Select(f => f.RuleId + f.Subject))} -{string.Join(",", i.Lost.Select(f => f.RuleId + f.Subject))} {i.OutlookBefore.Score}→{i.OutlookAfter.Score}").ToList();

    [Fact]
    public async Task CompareTheories_ProposedChange_IsTheDiffTheStoredChangeThenMakesAndStoresNothing()
    {
        var rule = NewRule.Replace("CANDIDATE", "INITIAL");

        var proposed = await CompareProposedAsync(rule, "NO_SUPPORT");
        var versionsMeanwhile = await Theory("reader").ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct);
        await Theory("evaluator").ChangeTheoryAsync(
            new ChangeTheoryRequest { Yaml = rule, RemoveRules = { "NO_SUPPORT" }, Note = "refined", ExpectedVersion = "1" }, cancellationToken: Ct);
        var stored = await Theory("reader").CompareTheoriesAsync(new CompareTheoriesRequest { FromVersion = "1", ToVersion = "2", AsOf = ReportDate }, cancellationToken: Ct);

        Assert.Equal(("1", "2", true), (proposed.FromVersion, proposed.ToVersion, proposed.Proposed));
        Assert.Single(versionsMeanwhile.Versions);
        Assert.False(stored.Proposed);
        Assert.Contains(proposed.Initiatives, i => i.Gained.Any(f => f.RuleId == "MOU_MONITORED"));
        Assert.Contains(proposed.Initiatives, i => i.Lost.Any(f => f.RuleId == "NO_SUPPORT"));
        Assert.Equal(Changes(stored), Changes(proposed));
        // Exactly the initiatives whose findings differ, judged from the two versions' evaluations themselves.
        var (one, two) = (await EvaluateAllAsync("1"), await EvaluateAllAsync("2"));
        static string Found(V1.Evaluation e) => string.Join(" ", e.Findings.Select(f => f.RuleId + "/" + f.Subject).Order(StringComparer.Ordinal));
        var differing = one.Keys.Where(k => Found(one[k]) != Found(two[k])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(differing, stored.Initiatives.Select(i => i.Initiative).ToList());
        Assert.True(differing.Count < one.Count, "some initiatives keep their findings and are not listed");
    }

    [Fact]
    public async Task EvaluateInitiative_CachedBeforeAChange_ShowsTheNewRulesFindingRightAfterIt()
    {
        var bdp = new EvaluateInitiativeRequest { Name = "initiatives/bdp-local-vision", AsOf = ReportDate };
        var before = await Evaluation.EvaluateInitiativeAsync(bdp, cancellationToken: Ct);
        var again = await Evaluation.EvaluateInitiativeAsync(bdp, cancellationToken: Ct);

        await ChangeAsync(NewRule.Replace("CANDIDATE", "INITIAL"));
        var after = await Evaluation.EvaluateInitiativeAsync(bdp, cancellationToken: Ct);

        Assert.Contains(before.Findings, f => f.RuleId == "MOU_YARDSTICK");
        Assert.DoesNotContain(again.Findings, f => f.RuleId == "MOU_MONITORED");
        Assert.Equal(("1", "2"), (before.TheoryVersion, after.TheoryVersion));
        Assert.Contains(after.Findings, f => f.RuleId == "MOU_MONITORED");
        Assert.Equal(before.Outlook.Score + 1, after.Outlook.Score);
    }

    [Fact]
    public async Task CompareTheories_TwoProposalsOfTheSameNextVersion_AreEachEvaluatedOnTheirOwn()
    {
        var first = await CompareProposedAsync(NewRule.Replace("CANDIDATE", "INITIAL"));
        var second = await CompareProposedAsync("", "MOU_YARDSTICK");

        Assert.All(first.Initiatives, i => Assert.Equal(["MOU_MONITORED"], i.Gained.Select(f => f.RuleId)));
        Assert.NotEmpty(second.Initiatives);
        Assert.All(second.Initiatives, i => Assert.Equal(["MOU_YARDSTICK"], i.Lost.Select(f => f.RuleId)));
        Assert.All(second.Initiatives, i => Assert.Empty(i.Gained));
        Assert.Equal(first.Initiatives.Select(i => i.Initiative), second.Initiatives.Select(i => i.Initiative));
    }

    [Fact]
    public async Task CompareTheories_ProposedBadDefinitionOrWithAToVersion_IsRefusedNamingTheProposedFields()
    {
        var bad = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => CompareProposedAsync(NewRule.Replace("code: MOU_AGREED", "code: MOU_AGRED"), "FOCUSSED"));
        var both = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Theory("reader").CompareTheoriesAsync(
            new CompareTheoriesRequest { ProposedYaml = NewRule, ToVersion = "1" }, cancellationToken: Ct).ResponseAsync);

        var violations = RpcAssert.FieldViolations(bad);
        Assert.StartsWith("line 9: `MOU_AGRED` is not a code", Assert.Single(violations, v => v.Field == "proposed_yaml.rules[0].when[0].code").Description);
        Assert.Contains("did you mean FOCUSED?", Assert.Single(violations, v => v.Field == "proposed_remove_rules[0]").Description);
        RpcAssert.HasViolation(both, "to_version");
    }

    [Fact]
    public async Task ChangeTheory_AgainstAVersionNoLongerCurrent_IsAbortedAndChangesNothing()
    {
        await ChangeAsync(NewRule);

        var error = await RpcAssert.ThrowsAsync(StatusCode.Aborted, () => Theory("evaluator").ChangeTheoryAsync(
            new ChangeTheoryRequest { Yaml = NewRule.Replace("CANDIDATE", "INITIAL"), Note = "diffed against version 1", ExpectedVersion = "1" }, cancellationToken: Ct).ResponseAsync);

        Assert.Contains("current version is 2", error.Status.Detail);
        Assert.Equal(2, (await Theory("reader").ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct)).Versions.Count);
    }

    [Fact]
    public async Task Json_CompareAProposedChange_IsPostedWithTheRulesInTheBody()
    {
        using var http = new HttpClient { BaseAddress = _server.WebAddress };
        http.DefaultRequestHeaders.Add(KeyAuthenticator.ApiKeyHeader, _server.Keys["reader"]);

        using var response = await http.PostAsJsonAsync("/v1/theory:compare",
            new { proposedYaml = NewRule.Replace("CANDIDATE", "INITIAL"), asOf = "2015-09-01T00:00:00Z" }, Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("proposed").GetBoolean());
        Assert.Equal("2", body.RootElement.GetProperty("toVersion").GetString());
        Assert.NotEqual(0, body.RootElement.GetProperty("initiatives").GetArrayLength());
    }

    [Fact]
    public async Task Json_GetAndChangeTheory_AsTheOtherServicesDo()
    {
        using var http = new HttpClient { BaseAddress = _server.WebAddress };
        http.DefaultRequestHeaders.Add(KeyAuthenticator.ApiKeyHeader, _server.Keys["evaluator"]);

        using var changed = await http.PostAsJsonAsync("/v1/theory:change", new { yaml = NewRule, note = "a candidate from the deviant cases" }, Ct);
        using var theory = JsonDocument.Parse(await http.GetStringAsync("/v1/theory", Ct));
        using var versions = JsonDocument.Parse(await http.GetStringAsync("/v1/theory/versions", Ct));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("2", theory.RootElement.GetProperty("version").GetString());
        Assert.Contains("MOU_MONITORED", theory.RootElement.GetProperty("yaml").GetString());
        Assert.Equal(2, versions.RootElement.GetProperty("versions").GetArrayLength());
    }
}
