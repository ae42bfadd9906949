using Google.Protobuf.WellKnownTypes;
using LocalVision.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalVision.EndToEnd.Tests.Dashboard;

/// <summary>
/// The Programme theory page's versions, refinement log, a rule under two versions side by side and the change panel,
/// in a real browser signed in to a service that needs keys: what an evaluator may do, and what a reader does not see.
/// </summary>
public sealed class TheoryVersionsPageTests(KeyedServer fixture, DashboardBrowser browser) : IClassFixture<KeyedServer>
{
    private const string NewRule = """
        rules:
          - id: MOU_MONITORED
            title: An MOU used to monitor outcomes
            sections: [7.3.3]
            polarity: INGREDIENT
            status: INITIAL
            weight: 1
            when:
              - code: MOU_AGREED
                is: present
            outcome: MOMENTUM
            explain: partners agreed an MOU [{MOU_AGREED}], a yardstick for monitoring outcomes
        """;

    /// <summary>MOU_YARDSTICK turned round (its context now an absence), so its verdicts differ between the versions.</summary>
    private const string TurnedRound = """

          - id: MOU_YARDSTICK
            title: Without an MOU partners found their own yardstick
            sections: [7.3.3]
            polarity: INGREDIENT
            status: REFINED
            weight: 1
            when:
              - code: MOU_AGREED
                is: absent
            mechanism: SHARED_NARRATIVE
            outcome: MOMENTUM
            explain: no MOU was agreed [{MOU_AGREED}]
        """;

    private static readonly Timestamp ReportDate = Timestamp.FromDateTime(new DateTime(2015, 9, 1, 0, 0, 0, DateTimeKind.Utc));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TheoryService.TheoryServiceClient Theory => new(fixture.Server.As("ops"));

    private static async Task SignInAsync(IPage page, RunningServer server, string keyName, string route)
    {
        await DashboardBrowser.OpenAsync(page, server, route);
        await page.Locator("#api-key").FillAsync(server.Keys[keyName]);
        await page.Locator("#sign-in-submit").ClickAsync();
        await Expect(page.Locator("#who-name")).ToHaveTextAsync(keyName);
        // The first visit evaluates every case under the theory: on a busy machine that outlasts the default wait.
        await Expect(page.Locator("#app")).ToHaveAttributeAsync("data-ready", "true", Drawn);
    }

    private static readonly LocatorAssertionsToHaveAttributeOptions Drawn = new() { Timeout = 60_000 };

    [Fact]
    public async Task Evaluator_ShowsWhatAChangeChangesAppliesItThenTheNewVersionAndItsRuleSideBySide()
    {
        var change = NewRule + TurnedRound;
        var expected = await Theory.CompareTheoriesAsync(new CompareTheoriesRequest { ProposedYaml = change, AsOf = ReportDate }, cancellationToken: Ct);
        var page = await browser.NewPageAsync();
        await SignInAsync(page, fixture.Server, "evaluator", "#/theory?asOf=2015-09-01");
        var before = (await Theory.ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct)).Versions.Count;
        await Expect(page.Locator("#theory-versions tbody tr")).ToHaveCountAsync(before);

        await page.Locator("#theory-change-yaml").FillAsync(change);
        await page.Locator("#theory-change-note").FillAsync("refined after the West Cheshire deviant case");
        await page.Locator("#theory-change-preview").ClickAsync();

        await Expect(page.Locator("#theory-change-summary")).ToContainTextAsync("(proposed, not stored)", new() { Timeout = 60_000 });
        await Expect(page.Locator("table.theory-diff tbody tr")).ToHaveCountAsync(expected.Initiatives.Count);
        Assert.NotEmpty(expected.Initiatives);
        foreach (var initiative in expected.Initiatives)
        {
            var diff = page.Locator($"table.theory-diff tr[data-initiative='{initiative.Initiative}']");
            await Expect(diff.Locator("td.gained")).ToHaveTextAsync(string.Join(", ", initiative.Gained.Select(f => f.RuleId)));
            await Expect(diff.Locator("td.lost")).ToHaveTextAsync(string.Join(", ", initiative.Lost.Select(f => f.RuleId)));
        }
        Assert.Equal(before, (await Theory.ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct)).Versions.Count);
        await DashboardBrowser.ScreenshotAsync(page, "theory-change-preview");

        await page.Locator("#theory-change-apply").ClickAsync();

        await Expect(page.Locator("#theory-change-stored")).ToContainTextAsync("Stored version", new() { Timeout = 60_000 });
        await Expect(page.Locator("#theory-versions tbody tr")).ToHaveCountAsync(before + 1, new() { Timeout = 60_000 });
        var stored = await Theory.ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct);
        var made = stored.Versions[^1];
        Assert.Equal(("evaluator", "refined after the West Cheshire deviant case"), (made.Author, made.Note));
        var row = page.Locator($"#theory-versions tr[data-version='{made.Version}']");
        await Expect(row.Locator("td.made")).ToContainTextAsync("by evaluator, " + made.CreateTime.ToDateTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
        await Expect(row.Locator("td.note")).ToHaveTextAsync("refined after the West Cheshire deviant case");
        await Expect(page.Locator($"#theory-log li[data-version='{made.Version}'] .log-added")).ToContainTextAsync("MOU_MONITORED");

        await page.Locator("button.rule-pick[data-rule=MOU_MONITORED]").ClickAsync();

        var compare = page.Locator("#theory-compare");
        await Expect(compare).ToHaveAttributeAsync("data-ready", "true", Drawn);
        await Expect(compare.Locator(".not-in-version[data-side=from]")).ToHaveTextAsync($"MOU_MONITORED is not a rule of version {stored.Versions[0].Version}.");
        var tested = await new EvaluationService.EvaluationServiceClient(fixture.Server.As("ops")).TestProgrammeTheoryAsync(
            new TestProgrammeTheoryRequest { AsOf = ReportDate, Rules = { "MOU_MONITORED" }, TheoryVersion = made.Version }, cancellationToken: Ct);
        var counts = tested.Rules.Single().Counts;
        await Expect(compare.Locator("td[data-side=to] button.verdict.VERDICT_SUPPORTS")).ToHaveCountAsync(counts.Supports);
        await Expect(compare.Locator("td[data-side=to] button.verdict.VERDICT_ALTERNATIVE")).ToHaveCountAsync(counts.Alternative);
        Assert.Contains("rule=MOU_MONITORED", page.Url);

        await page.Locator("button.rule-pick[data-rule=MOU_YARDSTICK]").ClickAsync();

        var evaluation = new EvaluationService.EvaluationServiceClient(fixture.Server.As("ops"));
        var (under1, under2) = (await VerdictsAsync(evaluation, "MOU_YARDSTICK", stored.Versions[0].Version), await VerdictsAsync(evaluation, "MOU_YARDSTICK", made.Version));
        var differing = under1.Keys.Count(c => under1[c] != under2.GetValueOrDefault(c));
        Assert.True(differing > 0, "turning the rule round changes some verdicts");
        await Expect(compare.Locator("td.differs[data-side=from]")).ToHaveCountAsync(differing);
        await Expect(compare.Locator("td.differs[data-side=to]")).ToHaveCountAsync(differing);
        await DashboardBrowser.ScreenshotAsync(page, "theory-versions-side-by-side");
        await page.Context.CloseAsync();
    }

    private static async Task<Dictionary<string, Verdict>> VerdictsAsync(EvaluationService.EvaluationServiceClient client, string rule, string version)
    {
        var tested = await client.TestProgrammeTheoryAsync(
            new TestProgrammeTheoryRequest { AsOf = ReportDate, Rules = { rule }, TheoryVersion = version }, cancellationToken: Ct);
        return tested.Rules.Single().Cases.ToDictionary(c => c.Initiative, c => c.Verdict);
    }

    [Fact]
    public async Task Evaluator_ABadDefinition_NamesTheFieldAndLineAndStoresNothing()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, fixture.Server, "evaluator", "#/theory?asOf=2015-09-01");
        var before = (await Theory.ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct)).Versions.Count;

        await page.Locator("#theory-change-yaml").FillAsync(NewRule.Replace("code: MOU_AGREED", "code: MOU_AGRED"));
        await page.Locator("#theory-change-preview").ClickAsync();

        await Expect(page.Locator("#theory-change-refused")).ToContainTextAsync("proposed_yaml.rules[0].when[0].code: line 9: `MOU_AGRED` is not a code", new() { Timeout = 60_000 });
        await Expect(page.Locator("#theory-change-apply")).ToBeDisabledAsync();
        Assert.Equal(before, (await Theory.ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct)).Versions.Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reader_SeesTheVersionsAndARuleUnderTwoVersionsButNoWayToChangeTheTheory()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, fixture.Server, "steering group", "#/theory?asOf=2015-09-01");
        var versions = await Theory.ListTheoryVersionsAsync(new ListTheoryVersionsRequest(), cancellationToken: Ct);

        await Expect(page.Locator("#theory-versions tbody tr")).ToHaveCountAsync(versions.Versions.Count);
        await Expect(page.Locator("#theory-versions tr[data-version='1'] td.made")).ToContainTextAsync("by LocalVision");
        await Expect(page.Locator("#theory-change")).ToHaveCountAsync(0);
        await Expect(page.Locator("#theory-change-apply")).ToHaveCountAsync(0);

        await page.Locator("button.rule-pick[data-rule=FOCUSED]").ClickAsync();

        var compare = page.Locator("#theory-compare");
        await Expect(compare).ToHaveAttributeAsync("data-ready", "true", Drawn);
        await Expect(compare.Locator("#theory-from option")).ToHaveCountAsync(versions.Versions.Count);
        var cases = (await new EvaluationService.EvaluationServiceClient(fixture.Server.As("ops")).TestProgrammeTheoryAsync(
            new TestProgrammeTheoryRequest { AsOf = ReportDate, Rules = { "FOCUSED" } }, cancellationToken: Ct)).Rules.Single().Cases.Count;
        await Expect(compare.Locator("td[data-side=from] button.verdict")).ToHaveCountAsync(cases);
        await Expect(compare.Locator("td[data-side=to] button.verdict")).ToHaveCountAsync(cases);
        // The same rule under versions that did not change it: no cell differs.
        await Expect(compare.Locator("td.differs")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
