using System.Text.Json;
using LocalVision.Server.Access;

namespace LocalVision.EndToEnd.Tests.Cli;

/// <summary>`lv evaluate` against the seeded service: findings as a tree down to their observations and evidence.</summary>
public sealed class LvEvaluateTests(SeededServerFixture fixture)
{
    private string Server => fixture.Server.Address;

    [Fact]
    public async Task Evaluate_Plymouth_PrintsEachFindingAboveItsObservationAndEvidence()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "2015-09-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("momentum outlook: STRONG", result.Output);
        LvAssert.InOrder(result.Output,
            "ingredients", "SENIOR_EARLY", "observations/plymouth-senior-engagement-early", "evidence/plymouth-site-visit-senior-engagement", "SCALE_UP_LIKELY");
        LvAssert.InOrder(result.Output,
            "cautions", "PARTNERSHIP_BODY_OWNER", "observations/plymouth-owner-partnership-body", "evidence/plymouth-interview-purpose-unclear");
        // The invented prior tie to the Enabler is not evidence unless asked for.
        Assert.DoesNotContain("PRIOR_TIE A stakeholder knew the Enabler", result.Output);
    }

    [Fact]
    public async Task Evaluate_Plymouth_ListsEachHeadingWithWhatItShowsLacksAndWhatNobodyAssessed()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "2015-09-01");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output,
            "by heading of the report",
            "§7.1.1 Nature of problem/challenge", "not assessed FOCUSED", "FOCUSED_PROBLEM is 0.5, neither present nor absent",
            "§7.1.4 Imperative or burning platform for change", "shows BURNING_PLATFORM",
            "§7.2.2 Project ownership", "caution PARTNERSHIP_BODY_OWNER",
            "§7.2.4 Senior-level organisational and political engagement", "shows SENIOR_EARLY",
            "§7.4.3 Roll-out", "shows SCALE_UP_LIKELY",
            "findings (");
    }

    [Fact]
    public async Task Evaluate_Gloucestershire_ShowsTheRiskOnPartialSupportAndTheMechanismObserved()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "initiatives/gloucestershire-local-vision", "--as-of", "2015-09-01");

        LvAssert.InOrder(result.Output, "§7.2.3 Dedicated project support", "lacks NO_SUPPORT", "not assessed DEDICATED_SUPPORT");
        LvAssert.InOrder(result.Output, "COMMUNITY_LIGHT_BULB", "expected mechanism USER_PERSPECTIVE: observed", "observations/gloucestershire-user-perspective");
    }

    [Fact]
    public async Task Evaluate_BeforeTheStart_SaysNotStartedAndNoMore()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "initiatives/solihull-local-vision", "--as-of", "2014-06-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(not started)", result.Output);
        Assert.Contains("NOT_STARTED", result.Output);
        Assert.DoesNotContain("by heading", result.Output);
    }

    [Fact]
    public async Task Evaluate_IncludeIllustrative_ShowsThePriorTieMarkedIllustrative()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "2015-09-01", "--include-illustrative");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("illustrative data included", result.Output);
        LvAssert.InOrder(result.Output, "shows PRIOR_TIE", "(rests on illustrative data)");
    }

    [Fact]
    public async Task Evaluate_Explain_AddsTheEnginesSentenceUnderTheFinding()
    {
        var plain = await LvProcess.RunAsync(Server, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "2015-09-01");
        var explained = await LvProcess.RunAsync(Server, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "2015-09-01", "--explain");

        Assert.DoesNotContain("senior organisational leaders were involved", plain.Output);
        LvAssert.InOrder(explained.Output, "SENIOR_EARLY", "senior organisational leaders were involved", "SENIOR_ENGAGEMENT_EARLY 1 on 2012-01-01");
    }

    [Fact]
    public async Task Evaluate_AsJson_PrintsTheEvaluationMessage()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "2015-09-01", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("2015-09-01T00:00:00Z", json.RootElement.GetProperty("asOf").GetString());
        Assert.Equal("STRONG", json.RootElement.GetProperty("outlook").GetProperty("rating").GetString());
        var senior = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SENIOR_EARLY");
        Assert.Equal("observations/plymouth-senior-engagement-early", senior.GetProperty("observations")[0].GetString());
    }

    [Fact]
    public async Task Evaluate_ALocality_PrintsTheFieldViolationInOneLine()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "localities/plymouth");

        LvAssert.RefusedInOneLine(result, 2, "InvalidArgument", "name: `localities/plymouth` is a Locality");
    }

    [Fact]
    public async Task Evaluate_DateNotInIsoForm_IsRefusedBeforeCallingTheServer()
    {
        var result = await LvProcess.RunAsync(Server, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "01/09/2015");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("`01/09/2015` is not a date; write it as YYYY-MM-DD", result.Error);
    }
}

/// <summary>`lv evaluate` on a server that requires keys: confidential evidence in the tree as each role may see it.</summary>
public sealed class LvEvaluateConfidentialTests : IAsyncLifetime
{
    private const string Confidential = "evidence/plymouth-interview-purpose-unclear";
    private const string WhatTheRespondentSaid = "A partner said that for some time";

    private RunningServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await RunningServer.StartAsync(seed: true, new Dictionary<string, Roles>
        {
            ["reader"] = Roles.Reader,
            ["evidence-reader"] = Roles.EvidenceReader,
        });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Task<LvProcess.Result> EvaluateAs(string key) =>
        LvProcess.RunAsync(_server.Address, "evaluate", "initiatives/plymouth-local-vision", "--as-of", "2015-09-01", "--api-key", _server.Keys[key]);

    [Fact]
    public async Task Evaluate_AsAReader_ShowsConfidentialEvidenceAsRedacted()
    {
        var result = await EvaluateAs("reader");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, "observations/plymouth-owner-partnership-body", Confidential, "redacted");
        Assert.DoesNotContain(WhatTheRespondentSaid, result.Output);
    }

    [Fact]
    public async Task Evaluate_AsAnEvidenceReader_ShowsWhatTheRespondentSaidMarkedConfidential()
    {
        var result = await EvaluateAs("evidence-reader");

        Assert.Equal(0, result.ExitCode);
        LvAssert.InOrder(result.Output, Confidential, "confidential:", WhatTheRespondentSaid);
    }
}
