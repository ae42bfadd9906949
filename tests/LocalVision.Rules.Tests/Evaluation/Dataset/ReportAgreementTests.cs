using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Outlook;

namespace LocalVision.Rules.Tests.Evaluation.Dataset;

/// <summary>On the shipped dataset, the findings agree with the report where the report is explicit.</summary>
public sealed class ReportAgreementTests(SampleDatasetFixture dataset) : IClassFixture<SampleDatasetFixture>
{
    private LocalVision.Rules.Evaluation.Evaluation Of(string slug)
    {
        dataset.SkipUnlessAvailable();
        return dataset.Evaluations[$"initiatives/{slug}"];
    }

    [Theory]
    [InlineData("bdp-local-vision")]
    [InlineData("kent-local-vision")]
    [InlineData("plymouth-local-vision")]
    [InlineData("coventry-local-vision")]
    public void SeniorEarly_CasesNamedIn724_Found(string slug)
    {
        var finding = Assert.Single(Of(slug).Findings, f => f.RuleId == RuleIds.SeniorEarly);

        Assert.Contains(finding.Observations, o => o.EndsWith("senior-engagement-early", StringComparison.Ordinal));
        Assert.NotEmpty(finding.Evidence);
    }

    [Fact]
    public void FollowOn_Plymouth_DerivedFromFollowedByAndScaleUpLikely()
    {
        var plymouth = Of("plymouth-local-vision");

        var followOn = plymouth.Conditions.Single(c => c.Code == Codes.FollowOnFunding);
        Assert.Contains(followOn.DerivedFacts, d => d.Nodes.Contains("initiatives/plymouth-local-vision-follow-on"));
        var scaleUp = Assert.Single(plymouth.Findings, f => f.RuleId == RuleIds.ScaleUpLikely);
        Assert.Contains(scaleUp.DerivedFacts, d => d.Code == Codes.FollowOnFunding);
        Assert.DoesNotContain(plymouth.Findings, f => f.RuleId == RuleIds.ShortNoFollowOn);
    }

    [Fact]
    public void DetectionArtefact_Hackney_CitesTheRisingIncidenceAndDataAsLever()
    {
        var finding = Assert.Single(Of("hackney-local-vision").Findings, f => f.RuleId == RuleIds.DetectionArtefact);

        Assert.Equal("outcomes/hackney-fgm-recorded-incidence", finding.Subject);
        Assert.Contains("observations/hackney-data-as-lever", finding.Observations);
        Assert.Equal(Polarity.Caution, finding.Polarity);
    }

    [Fact]
    public void NoSupport_Suffolk_WithTheChangeOfLeadVisible()
    {
        var suffolk = Of("suffolk-local-vision");

        var finding = Assert.Single(suffolk.Findings, f => f.RuleId == RuleIds.NoSupport);
        Assert.Contains("observations/suffolk-dedicated-support", finding.Observations);
        var change = Assert.Single(finding.DerivedFacts, d => d.Code == "PROJECT_LEAD_CHANGE");
        Assert.Equal(["people/suffolk-p1", "people/suffolk-p2"], change.Nodes);
        Assert.Equal(2, suffolk.Leadership.Count(e => e.Element == LeadershipElements.ProjectLead));
    }

    [Theory]
    [InlineData("bdp-local-vision")]
    [InlineData("west-cheshire-local-vision")]
    public void BcfDistraction_CasesQuotedIn721_Found(string slug)
    {
        var finding = Assert.Single(Of(slug).Findings, f => f.RuleId == RuleIds.BcfDistraction);

        Assert.Contains(finding.DerivedFacts, d => d.Code == Codes.AlignedBcf && d.Source.Contains("DISTRACTS", StringComparison.Ordinal));
        Assert.NotEmpty(finding.Observations);
    }

    [Theory]
    [InlineData("wiltshire-local-vision")]
    [InlineData("dudley-local-vision")]
    public void BcfDistraction_WhereTheFundComplemented_NotFound(string slug)
    {
        Assert.DoesNotContain(Of(slug).Findings, f => f.RuleId == RuleIds.BcfDistraction);
    }

    [Fact]
    public void Unfocused_Wiltshire_WhosePartnerWouldPinItDown()
    {
        Assert.Single(Of("wiltshire-local-vision").Findings, f => f.RuleId == RuleIds.Unfocused);
    }

    [Fact]
    public void PartnershipBodyOwner_Plymouth_LedThroughItsHealthAndWellbeingBoard()
    {
        var finding = Assert.Single(Of("plymouth-local-vision").Findings, f => f.RuleId == RuleIds.PartnershipBodyOwner);

        Assert.Contains(finding.DerivedFacts, d => d.Code == Codes.OwnerPartnershipBody && d.Source.Contains("HWBB", StringComparison.Ordinal));
    }

    [Fact]
    public void Outlook_PlymouthAndSuffolk_FollowTheirCodedMomentum()
    {
        Assert.Equal(OutlookRating.Strong, Of("plymouth-local-vision").Outlook.Rating);
        Assert.Equal(OutlookRating.AtRisk, Of("suffolk-local-vision").Outlook.Rating);
        Assert.Equal(OutlookRating.InsufficientEvidence, Of("kent-local-vision").Outlook.Rating);
    }

    [Fact]
    public async Task Findings_EveryEvaluation_CitesOnlyItsOwnObservationsAndExistingEvidence()
    {
        dataset.SkipUnlessAvailable();
        foreach (var evaluation in dataset.Evaluations.Values)
        {
            var observed = await dataset.Store.ListRelationshipsAsync(
                new(evaluation.Initiative, RelationshipTypes.Observed, Direction.Outgoing, 1000, null), CancellationToken.None);
            var own = observed.Items.Select(r => r.End).ToHashSet();
            var evidence = evaluation.Findings.SelectMany(f => f.Evidence).Distinct().ToList();
            var found = await dataset.Store.GetNodesAsync(evidence, CancellationToken.None);

            Assert.All(evaluation.Findings.SelectMany(f => f.Observations), o => Assert.Contains(o, own));
            Assert.Equal(evidence.Count, found.Count(n => n.Label == Labels.Evidence));
        }
    }

    [Fact]
    public async Task EvaluateAsync_EarlyDate_CitesOnlyObservationsMadeByThen()
    {
        dataset.SkipUnlessAvailable();
        var asOf = new DateOnly(2013, 1, 1);

        var early = await dataset.Engine.EvaluateAsync("initiatives/plymouth-local-vision", asOf, CancellationToken.None);

        var cited = early.Findings.SelectMany(f => f.Observations).Concat(early.Conditions.SelectMany(c => c.Observations)).Distinct().ToList();
        var nodes = await dataset.Store.GetNodesAsync(cited, CancellationToken.None);
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.True(DateOnly.Parse(n.GetString("at")!) <= asOf, $"{n.Name} is dated {n.GetString("at")}"));
        Assert.DoesNotContain(early.Findings, f => f.RuleId == RuleIds.SeniorEarly);
        Assert.Contains(Of("plymouth-local-vision").Findings, f => f.RuleId == RuleIds.SeniorEarly);
    }
}
