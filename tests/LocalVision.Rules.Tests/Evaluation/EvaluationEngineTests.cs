using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Tests.Evaluation.Support;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Evaluation;

public sealed class EvaluationEngineTests
{
    private static readonly DateOnly Early = new(2014, 2, 1);
    private static readonly DateOnly Late = new(2015, 9, 1);

    /// <summary>Senior engagement coded absent early on, then coded present; a follow-on that starts in between.</summary>
    private static InitiativeGraph Longitudinal() => new InitiativeGraph("longitudinal")
        .Observe(Codes.SeniorEngagementEarly, 0, "2014-01-15")
        .Observe(Codes.SeniorEngagementEarly, 1, "2015-03-01")
        .Observe(Codes.StrategicPriorityLink, 1, "2015-03-01")
        .FollowedBy("longitudinal-next", "2014-11-01");

    private static async Task<TempStore> StoreWithAsync(params InitiativeGraph[] graphs)
    {
        var temp = TempStore.Create();
        foreach (var graph in graphs)
        {
            await temp.Store.WriteAsync(graph.Batch(), WriteOptions.None, CancellationToken.None);
        }
        return temp;
    }

    [Fact]
    public async Task EvaluateAsync_TwoDates_GivesTheFindingsThatHeldThen()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        var early = await engine.EvaluateAsync("initiatives/longitudinal", Early, CancellationToken.None);
        var late = await engine.EvaluateAsync("initiatives/longitudinal", Late, CancellationToken.None);

        Assert.Equal(["SENIOR_LATE", "LEADERSHIP_GAP"], early.Findings.Select(f => f.RuleId));
        // Still running on the early date, so "ended without a follow-on" is decided, not merely unknown.
        Assert.DoesNotContain(early.NotAssessed, u => u.Rule == "SHORT_NO_FOLLOW_ON");
        Assert.Equal("SENIOR", early.Findings.Single(f => f.RuleId == "LEADERSHIP_GAP").Subject);
        Assert.Equal(["SENIOR_EARLY", "SCALE_UP_LIKELY"], late.Findings.Select(f => f.RuleId));
        Assert.Equal(Early, early.AsOf);
        Assert.Equal(0, early.Conditions.Single(c => c.Code == Codes.SeniorEngagementEarly).Score);
        Assert.Equal(1, late.Conditions.Single(c => c.Code == Codes.SeniorEngagementEarly).Score);
    }

    [Fact]
    public async Task EvaluateAsync_Evaluation_ShowsCodedAndDerivedConditionsWithTheirSources()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        var evaluation = await engine.EvaluateAsync("initiatives/longitudinal", Late, CancellationToken.None);

        var followOn = evaluation.Conditions.Single(c => c.Code == Codes.FollowOnFunding);
        Assert.Equal(["initiatives/longitudinal-next"], Assert.Single(followOn.DerivedFacts).Nodes);
        var senior = evaluation.Conditions.Single(c => c.Code == Codes.SeniorEngagementEarly);
        Assert.Equal(["observations/longitudinal-senior-engagement-early-2"], senior.Observations);
        Assert.Equal("longitudinal project", evaluation.DisplayName);
        Assert.Equal(evaluation.Initiative, evaluation.Outlook.Initiative);
    }

    [Fact]
    public async Task EvaluateAsync_AskedAgain_ReturnsTheCachedEvaluation()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        var first = await engine.EvaluateAsync("initiatives/longitudinal", Late, CancellationToken.None);
        var second = await engine.EvaluateAsync("initiatives/longitudinal", Late, CancellationToken.None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task EvaluateAsync_AfterAWrite_EvaluatesAgain()
    {
        var graph = Longitudinal();
        await using var temp = await StoreWithAsync(graph);
        var engine = new EvaluationEngine(temp.Store);
        var before = await engine.EvaluateAsync(graph.Initiative, Late, CancellationToken.None);

        await temp.Store.WriteAsync(graph.Observe(Codes.DedicatedSupport, 0, "2015-06-01").Batch(), WriteOptions.None, CancellationToken.None);
        var after = await engine.EvaluateAsync(graph.Initiative, Late, CancellationToken.None);

        Assert.DoesNotContain(before.Findings, f => f.RuleId == "NO_SUPPORT");
        Assert.Contains(after.Findings, f => f.RuleId == "NO_SUPPORT");
    }

    [Fact]
    public async Task EvaluateAsync_UnknownInitiative_ThrowsNodeNotFound()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        await Assert.ThrowsAsync<NodeNotFoundException>(() => engine.EvaluateAsync("initiatives/missing", Late, CancellationToken.None));
    }

    [Fact]
    public async Task EvaluateAsync_LocalityName_ThrowsValidationOnName()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => engine.EvaluateAsync("localities/longitudinal", Late, CancellationToken.None));

        Assert.Equal("name", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task EvaluateAllAsync_DefaultFilter_EvaluatesEveryProjectInNameOrder()
    {
        await using var temp = await StoreWithAsync(Longitudinal(), new InitiativeGraph("another").Observe(Codes.DedicatedSupport, 0));
        var engine = new EvaluationEngine(temp.Store);

        var all = await engine.EvaluateAllAsync(NodeFilter.Parse(EvaluationEngine.DefaultFilter), Late, CancellationToken.None);

        Assert.Equal(["initiatives/another", "initiatives/longitudinal", "initiatives/longitudinal-next"], all.Select(e => e.Initiative));
        Assert.Contains(all[0].Findings, f => f.RuleId == "NO_SUPPORT");
    }

    [Fact]
    public async Task EvaluateAllAsync_SameAsOneByOne()
    {
        await using var temp = await StoreWithAsync(Longitudinal(), new InitiativeGraph("another").Observe(Codes.DedicatedSupport, 0));
        var engine = new EvaluationEngine(temp.Store);
        var separate = new EvaluationEngine(temp.Store);

        var all = await engine.EvaluateAllAsync(NodeFilter.None, Early, CancellationToken.None);

        foreach (var evaluation in all)
        {
            var single = await separate.EvaluateAsync(evaluation.Initiative, Early, CancellationToken.None);
            Assert.Equal(single.Findings.Select(f => f.Explanation), evaluation.Findings.Select(f => f.Explanation));
            Assert.Equal(single.Outlook.Reasons, evaluation.Outlook.Reasons);
        }
    }

    [Fact]
    public async Task EvaluateAllAsync_FilterOnCohort_EvaluatesOnlyMatches()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        var all = await engine.EvaluateAllAsync(NodeFilter.Parse("cohort = 1"), Late, CancellationToken.None);

        Assert.Equal(["initiatives/longitudinal"], all.Select(e => e.Initiative));
    }

    [Fact]
    public async Task EvaluateAsync_IllustrativeIncludedOrNot_AreSeparateEvaluations()
    {
        var graph = Longitudinal().Observe(Codes.MouAgreed, 1, "2015-03-01", illustrative: true);
        await using var temp = await StoreWithAsync(graph);
        var engine = new EvaluationEngine(temp.Store);

        var plain = await engine.EvaluateAsync(graph.Initiative, new EvidenceScope(Late), null, CancellationToken.None);
        var included = await engine.EvaluateAsync(graph.Initiative, new EvidenceScope(Late, IncludeIllustrative: true), null, CancellationToken.None);

        Assert.DoesNotContain(plain.Findings, f => f.RuleId == "MOU_YARDSTICK");
        Assert.True(Assert.Single(included.Findings, f => f.RuleId == "MOU_YARDSTICK").Illustrative);
    }

    [Fact]
    public async Task EvaluateAsync_BeforeTheStart_NotStartedWithNoFindings()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        var evaluation = await engine.EvaluateAsync("initiatives/longitudinal", new DateOnly(2013, 6, 1), CancellationToken.None);

        Assert.Equal(EvaluationStatus.NotStarted, evaluation.Status);
        Assert.Empty(evaluation.Findings);
        Assert.Empty(evaluation.NotAssessed);
        Assert.Empty(evaluation.Conditions);
    }

    [Fact]
    public async Task EvaluateAsync_Status_RunningThenEnded()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        Assert.Equal(EvaluationStatus.Running, (await engine.EvaluateAsync("initiatives/longitudinal", Early, CancellationToken.None)).Status);
        Assert.Equal(EvaluationStatus.Ended, (await engine.EvaluateAsync("initiatives/longitudinal", Late, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task TestProgrammeTheoryAsync_OneRule_ReadsEachCasesContextAndOutcome()
    {
        var strong = new InitiativeGraph("strong").Observe(Codes.SeniorEngagementEarly, 1).Observe(Codes.Momentum, 1);
        var deviant = new InitiativeGraph("deviant").Observe(Codes.SeniorEngagementEarly, 1).Observe(Codes.Momentum, 0.25);
        var silent = new InitiativeGraph("silent").Observe(Codes.Momentum, 1);
        await using var temp = await StoreWithAsync(strong, deviant, silent);
        var engine = new EvaluationEngine(temp.Store);

        var tests = await engine.TestProgrammeTheoryAsync(["SENIOR_EARLY"], NodeFilter.Parse(EvaluationEngine.DefaultFilter),
            new EvidenceScope(Late), null, CancellationToken.None);

        var test = Assert.Single(tests);
        Assert.Equal([("initiatives/deviant", "Deviant"), ("initiatives/silent", "Untested"), ("initiatives/strong", "Supports")],
            test.Cases.Select(c => (c.Initiative, c.Verdict.ToString())));
        Assert.Equal(2, test.Testable);
    }

    [Fact]
    public async Task TestProgrammeTheoryAsync_UnknownRule_ThrowsValidationOnRules()
    {
        await using var temp = await StoreWithAsync(Longitudinal());
        var engine = new EvaluationEngine(temp.Store);

        var error = await Assert.ThrowsAsync<GraphValidationException>(() =>
            engine.TestProgrammeTheoryAsync(["SENIOR_EARLY", "NOT_A_RULE"], NodeFilter.None, new EvidenceScope(Late), null, CancellationToken.None));

        Assert.Equal("rules[1]", Assert.Single(error.Violations).Field);
        Assert.Contains("NOT_A_RULE", error.Violations[0].Description);
    }

    [Fact]
    public async Task ListRules_CustomOptions_ShowTheValuesInForce()
    {
        await using var temp = await StoreWithAsync();
        var engine = new EvaluationEngine(temp.Store, EvaluationOptions.Default with { ExitWindowDays = 30 });

        var rule = (await engine.ListRulesAsync(null, CancellationToken.None)).Single(r => r.Id == "EXIT_NO_SUCCESSOR");

        Assert.Equal("30", rule.Parameters.Single(p => p.Name == nameof(EvaluationOptions.ExitWindowDays)).Value);
    }

    [Fact]
    public async Task Constructor_OptionsOutOfRange_ThrowsValidationNamingTheOption()
    {
        await using var temp = await StoreWithAsync();

        var error = Assert.Throws<GraphValidationException>(() =>
            new EvaluationEngine(temp.Store, EvaluationOptions.Default with { AbsentBelow = 0.8, PresentAbove = 0.2 }));

        Assert.Contains(error.Violations, v => v.Field == nameof(EvaluationOptions.AbsentBelow));
    }
}
