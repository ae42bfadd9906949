using System.Text.Json;
using LocalVision.Graph.Model;
using LocalVision.Graph.Store;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Tests.Evaluation.Support;
using LocalVision.Testing.Stores;

namespace LocalVision.Rules.Tests.Evaluation.Facts;

public sealed class FactProjectionTests
{
    private static readonly EvidenceScope AsOf = new(new DateOnly(2015, 9, 1));

    private static InitiativeGraph FullGraph() => new InitiativeGraph("case")
        .Partner("council", "LOCAL_AUTHORITY", "LEAD", from: "2013-11-01")
        .Partner("board", "HWBB")
        .Person("chief", "SENIOR_LEADER", "council", from: "2010-01-01")
        .Person("lead", "PROJECT_LEAD", "board", from: "2013-11-01", to: "2014-05-01")
        .Enabler("alder", "2013-11-01", "2014-10-01", "PAIR")
        .KnownTo("alder", "people/chief", "2011-06-01")
        .AlignedWith("bcf-case", "Better Care Fund (Case)", "DISTRACTS")
        .FollowedBy("case-next", "2014-11-01")
        .Observe(Codes.SeniorEngagementEarly, 1, "2015-09-01", "H")
        .Observe(Codes.DedicatedSupport, 0.25, "2014-06-01", "M")
        .Outcome("case-indicator", "IMPROVING_SERVICES", "RISING", "2015-06-01");

    private static async Task<InitiativeFacts> ProjectFromStoreAsync(InitiativeGraph graph, EvidenceScope asOf)
    {
        await using var temp = TempStore.Create();
        await temp.Store.WriteAsync(graph.Batch(), WriteOptions.None, CancellationToken.None);
        return await FactProjection.ProjectAsync(new StoreGraphReader(temp.Store), graph.Initiative, asOf, CancellationToken.None);
    }

    [Fact]
    public async Task ProjectAsync_FullGraphInStore_ProjectsEveryKindOfFact()
    {
        var facts = await ProjectFromStoreAsync(FullGraph(), AsOf);

        Assert.Equal("initiatives/case", facts.Initiative.Name);
        Assert.Equal("STRATEGIC", facts.Initiative.Level);
        Assert.Equal(new DateOnly(2013, 11, 1), facts.Initiative.Start);
        Assert.Equal(new DateOnly(2014, 10, 1), facts.Initiative.End);
        Assert.Equal("localities/case", facts.Initiative.Locality);
        Assert.Equal([("partners/board", "HWBB", "MEMBER"), ("partners/council", "LOCAL_AUTHORITY", "LEAD")],
            facts.Partners.Select(p => (p.Partner, p.Kind!, p.Role)));
        Assert.Equal([("people/chief", "SENIOR_LEADER", "partners/council"), ("people/lead", "PROJECT_LEAD", "partners/board")],
            facts.People.Select(p => (p.Person, p.Role, p.Partner)));
        Assert.Equal(new DateOnly(2014, 5, 1), facts.People.Single(p => p.Person == "people/lead").To);
        var enabler = Assert.Single(facts.Enablers);
        Assert.Equal(("enablers/alder", "PAIR", new DateOnly(2014, 10, 1)), (enabler.Enabler, enabler.Mode!, enabler.To!.Value));
        Assert.Equal(("people/chief", new DateOnly(2011, 6, 1)), (Assert.Single(facts.EnablerTies).Stakeholder, facts.EnablerTies[0].Since!.Value));
        var alignment = Assert.Single(facts.Alignments);
        Assert.Equal(("initiatives/bcf-case", "DISTRACTS"), (alignment.Programme, alignment.Effect!));
        Assert.Contains("Better Care Fund (Case)", alignment.Names);
        Assert.Equal("initiatives/case-next", Assert.Single(facts.FollowOns).Successor);
        Assert.Equal([(Codes.DedicatedSupport, 0.25), (Codes.SeniorEngagementEarly, 1.0)],
            facts.Observations.Select(o => (o.Code, o.Score)).OrderBy(x => x.Code, StringComparer.Ordinal));
        Assert.All(facts.Observations, o => Assert.Equal(["evidence/" + o.Name["observations/".Length..]], o.Evidence));
        var outcome = Assert.Single(facts.Outcomes);
        Assert.Equal(("RISING", "UNCLEAR"), (outcome.Trend!, outcome.Attribution!));
        Assert.Equal(["evidence/case-indicator"], outcome.Evidence);
    }

    [Fact]
    public async Task ProjectAsync_EarlierDate_LeavesOutWhatCameLater()
    {
        var facts = await ProjectFromStoreAsync(FullGraph(), new EvidenceScope(new DateOnly(2014, 7, 1)));

        Assert.Equal([Codes.DedicatedSupport], facts.Observations.Select(o => o.Code));
        Assert.Empty(facts.Outcomes);
        Assert.Empty(facts.FollowOns);
        Assert.Equal(2, facts.Partners.Count);
        Assert.Single(facts.Enablers);
    }

    [Fact]
    public async Task ProjectAsync_BeforeTheStart_LeavesOutDatedStructure()
    {
        var facts = await ProjectFromStoreAsync(FullGraph(), new EvidenceScope(new DateOnly(2013, 6, 1)));

        Assert.Equal(["partners/board"], facts.Partners.Select(p => p.Partner));
        Assert.DoesNotContain(facts.People, p => p.Person == "people/lead");
        Assert.Empty(facts.Enablers);
        Assert.Empty(facts.EnablerTies);
        Assert.Empty(facts.Observations);
        Assert.Single(facts.Alignments);
    }

    [Fact]
    public async Task ProjectAsync_TieToSomeoneOutsideTheInitiative_IsLeftOut()
    {
        var graph = FullGraph();
        var other = new InitiativeGraph("other").Partner("elsewhere", "CCG").Person("stranger", "CLINICIAN", "elsewhere");
        await using var temp = TempStore.Create();
        await temp.Store.WriteAsync(other.Batch(), WriteOptions.None, CancellationToken.None);
        await temp.Store.WriteAsync(graph.KnownTo("alder", "people/stranger", "2010-01-01").Batch(), WriteOptions.None, CancellationToken.None);

        var facts = await FactProjection.ProjectAsync(new StoreGraphReader(temp.Store), graph.Initiative, AsOf, CancellationToken.None);

        Assert.Equal(["people/chief"], facts.EnablerTies.Select(t => t.Stakeholder));
    }

    [Fact]
    public async Task ProjectAsync_StoreAndSnapshot_ProjectTheSameFacts()
    {
        var graph = FullGraph();
        await using var temp = TempStore.Create();
        await temp.Store.WriteAsync(graph.Batch(), WriteOptions.None, CancellationToken.None);
        var snapshot = await GraphSnapshot.LoadAsync(temp.Store, CancellationToken.None);

        var fromStore = await FactProjection.ProjectAsync(new StoreGraphReader(temp.Store), graph.Initiative, AsOf, CancellationToken.None);
        var fromSnapshot = await FactProjection.ProjectAsync(snapshot, graph.Initiative, AsOf, CancellationToken.None);

        Assert.Equal(JsonSerializer.Serialize(fromStore), JsonSerializer.Serialize(fromSnapshot));
        Assert.Equal(await temp.Store.GetVersionAsync(CancellationToken.None), snapshot.Version);
    }

    [Fact]
    public async Task ProjectAsync_UnknownInitiative_ThrowsNodeNotFound()
    {
        var error = await Assert.ThrowsAsync<NodeNotFoundException>(() =>
            FactProjection.ProjectAsync(FullGraph().Snapshot(), "initiatives/nowhere", AsOf, CancellationToken.None));

        Assert.Equal("initiatives/nowhere", error.Name);
    }

    [Theory]
    [InlineData("localities/case")]
    [InlineData("partners/council")]
    public async Task ProjectAsync_NameOfAnotherLabel_ThrowsValidationOnName(string name)
    {
        var error = await Assert.ThrowsAsync<GraphValidationException>(() =>
            FactProjection.ProjectAsync(FullGraph().Snapshot(), name, AsOf, CancellationToken.None));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("name", violation.Field);
        Assert.Contains("only initiatives", violation.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Plymouth")]
    [InlineData("initiatives/Not Valid")]
    public async Task ProjectAsync_MalformedName_ThrowsValidationOnName(string name)
    {
        var error = await Assert.ThrowsAsync<GraphValidationException>(() =>
            FactProjection.ProjectAsync(FullGraph().Snapshot(), name, AsOf, CancellationToken.None));

        Assert.Equal("name", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public async Task All_EveryFact_IsListedOnce()
    {
        var facts = await FullGraph().ProjectAsync(AsOf);

        var all = facts.All().ToList();

        Assert.Equal(1 + facts.Partners.Count + facts.People.Count + facts.Enablers.Count + facts.EnablerTies.Count + facts.Alignments.Count
            + facts.FollowOns.Count + facts.Observations.Count + facts.Outcomes.Count, all.Count);
        Assert.Equal(all.Count, all.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public async Task ProjectAsync_ObservationRecordedAfterTheDate_IsLeftOutUnlessAsNowKnown()
    {
        var graph = new InitiativeGraph("case").Observe(Codes.SeniorEngagementEarly, 1, at: "2013-11-01", recordedAt: "2015-07-01");
        var asOf = new DateOnly(2014, 6, 1);

        var then = await graph.ProjectAsync(new EvidenceScope(asOf));
        var now = await graph.ProjectAsync(new EvidenceScope(asOf, AsNowKnown: true));

        Assert.Empty(then.Observations);
        var observation = Assert.Single(now.Observations);
        Assert.Equal((new DateOnly(2013, 11, 1), new DateOnly(2015, 7, 1)), (observation.At, observation.RecordedAt));
    }

    [Fact]
    public async Task ProjectAsync_ObservationWithoutRecordedAt_IsRecordedWhenItHeld()
    {
        var facts = await new InitiativeGraph("case").Observe(Codes.MouAgreed, 1, at: "2014-03-01").ProjectAsync(new DateOnly(2014, 6, 1));

        Assert.Equal(new DateOnly(2014, 3, 1), Assert.Single(facts.Observations).RecordedAt);
    }

    [Fact]
    public async Task ProjectAsync_ConditionHeldAfterTheDate_IsLeftOutEvenAsNowKnown()
    {
        var facts = await new InitiativeGraph("case").Observe(Codes.MouAgreed, 1, at: "2014-03-01")
            .ProjectAsync(new EvidenceScope(new DateOnly(2014, 1, 1), AsNowKnown: true));

        Assert.Empty(facts.Observations);
    }

    [Fact]
    public async Task ProjectAsync_EvidenceDatedAfterTheDate_IsNotShown()
    {
        var graph = new InitiativeGraph("case").Observe(Codes.MouAgreed, 1, at: "2014-03-01", evidenceDate: "2015-07-01");

        var then = await graph.ProjectAsync(new DateOnly(2014, 6, 1));
        var now = await graph.ProjectAsync(new EvidenceScope(new DateOnly(2014, 6, 1), AsNowKnown: true));

        Assert.Empty(Assert.Single(then.Observations).Evidence);
        Assert.Single(Assert.Single(now.Observations).Evidence);
    }

    [Fact]
    public async Task ProjectAsync_IllustrativeData_LeftOutByDefault_IncludedAndMarkedWhenAsked()
    {
        var graph = FullGraph().Observe(Codes.BurningPlatform, 1, illustrative: true)
            .KnownTo("alder", "partners/council", "2012-01-01", illustrative: true, evidence: "evidence/invented-tie");

        var plain = await graph.ProjectAsync(AsOf);
        var included = await graph.ProjectAsync(AsOf with { IncludeIllustrative = true });

        Assert.DoesNotContain(plain.Observations, o => o.Code == Codes.BurningPlatform);
        Assert.Equal(["people/chief"], plain.EnablerTies.Select(t => t.Stakeholder));
        Assert.True(included.Observations.Single(o => o.Code == Codes.BurningPlatform).Illustrative);
        var invented = included.EnablerTies.Single(t => t.Stakeholder == "partners/council");
        Assert.True(invented.Illustrative);
        Assert.Equal(["evidence/invented-tie"], invented.Evidence);
    }

    [Fact]
    public async Task GetRelationshipsAsync_SnapshotOfUnknownNode_ThrowsNodeNotFound()
    {
        await Assert.ThrowsAsync<NodeNotFoundException>(async () =>
            await FullGraph().Snapshot().GetRelationshipsAsync("partners/nobody", null, Direction.Both, CancellationToken.None));
    }
}
