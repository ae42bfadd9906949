using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Outlook;

namespace LocalVision.Rules.Tests.Evaluation.Dataset;

/// <summary>
/// On the shipped dataset, as of the report's fieldwork, each case-study locality's evaluation says what CODING.md records
/// for it: the ingredients it shows, the risks it runs on evidence, the cautions, and, for every other rule, whether the
/// coding settles it or leaves it not assessed.
/// </summary>
public sealed class ReportAgreementTests(SampleDatasetFixture dataset) : IClassFixture<SampleDatasetFixture>
{
    private const string Gap = "LEADERSHIP_GAP/";

    private LocalVision.Rules.Evaluation.Evaluation Of(string slug)
    {
        dataset.SkipUnlessAvailable();
        return dataset.Evaluations[$"initiatives/{slug}"];
    }

    /// <summary>
    /// Per locality, read from CODING.md (and the level, lead partner, programme ties, follow-ons, people and Enabler
    /// dates the dataset records from it): the ingredients, risks and cautions, and the rules its coding decides without a
    /// finding. Every other rule must be listed as not assessed.
    /// </summary>
    public static TheoryData<string, string[], string[], string[], string[]> Cases => new()
    {
        {
            "bdp-local-vision",
            ["PRIOR_SYSTEMS", "PLACE_BASED_FIT", "DEDICATED_SUPPORT", "SENIOR_EARLY", "POLITICAL_MANDATE", "ENABLER_MATCHED", "MOU_YARDSTICK", "LEARNING_NETWORK"],
            [],
            ["STRATEGIC_NO_METRICS", "BCF_DISTRACTION"],
            ["COMMUNITY_MEASURABLE", "NO_SUPPORT", "SENIOR_LATE", "NO_MOU", Gap + "SENIOR", Gap + "POLITICAL", Gap + "PROJECT_LEAD", Gap + "ENABLER"]
        },
        {
            "plymouth-local-vision",
            ["BURNING_PLATFORM", "SENIOR_EARLY", "POLITICAL_MANDATE", "SCALE_UP_LIKELY"],
            [],
            ["PARTNERSHIP_BODY_OWNER"],
            ["COMMUNITY_MEASURABLE", "STRATEGIC_NO_METRICS", "SENIOR_LATE", "SHORT_NO_FOLLOW_ON", Gap + "SENIOR", Gap + "POLITICAL", Gap + "PROJECT_LEAD", Gap + "ENABLER"]
        },
        {
            "wiltshire-local-vision",
            ["DEDICATED_SUPPORT", "LEARNING_NETWORK"],
            ["UNFOCUSED"],
            [],
            ["FOCUSED", "COMMUNITY_MEASURABLE", "BCF_DISTRACTION", "NO_SUPPORT", "SHORT_NO_FOLLOW_ON", "FEW_CLINICIANS",
             Gap + "SENIOR", Gap + "POLITICAL", Gap + "PROJECT_LEAD", Gap + "ENABLER", Gap + "CLINICAL"]
        },
        {
            "gloucestershire-local-vision",
            ["COMMUNITY_MEASURABLE", "PUBLIC_HEALTH_EXPERIMENT", "COMMUNITY_LIGHT_BULB"],
            ["NO_SUPPORT"],
            [],
            ["STRATEGIC_NO_METRICS", "FEW_CLINICIANS", Gap + "SENIOR", Gap + "PROJECT_LEAD", Gap + "ENABLER", Gap + "CLINICAL", Gap + "COMMUNITY"]
        },
        {
            "hackney-local-vision",
            ["COMMUNITY_MEASURABLE", "PUBLIC_HEALTH_EXPERIMENT", "POLITICAL_MANDATE", "COMMUNITY_LIGHT_BULB", "DATA_AS_LEVER"],
            [],
            ["DETECTION_ARTEFACT"],
            ["STRATEGIC_NO_METRICS", Gap + "SENIOR", Gap + "POLITICAL", Gap + "PROJECT_LEAD", Gap + "ENABLER", Gap + "COMMUNITY"]
        },
        {
            "dudley-local-vision",
            ["PLACE_BASED_FIT", "COMMUNITY_LIGHT_BULB"],
            [],
            [],
            ["FEW_CLINICIANS", Gap + "SENIOR", Gap + "PROJECT_LEAD", Gap + "ENABLER", Gap + "CLINICAL", Gap + "COMMUNITY"]
        },
        {
            "kent-local-vision",
            ["SENIOR_EARLY"],
            [],
            [],
            ["COMMUNITY_MEASURABLE", "SENIOR_LATE", Gap + "SENIOR", Gap + "ENABLER"]
        },
        {
            "west-cheshire-local-vision",
            ["PRIOR_SYSTEMS", "PLACE_BASED_FIT"],
            ["TIME_PRESSURE"],
            ["BCF_DISTRACTION"],
            ["ADEQUATE_TIME"]
        },
        {
            "wirral-local-vision",
            ["COMMUNITY_MEASURABLE", "PUBLIC_HEALTH_EXPERIMENT", "COMMUNITY_LIGHT_BULB"],
            [],
            [],
            ["STRATEGIC_NO_METRICS", Gap + "PROJECT_LEAD", Gap + "ENABLER", Gap + "COMMUNITY"]
        },
        {
            "birmingham-local-vision",
            [],
            [],
            [],
            [Gap + "ENABLER"]
        },
        {
            "solihull-local-vision",
            ["LEARNING_NETWORK"],
            [],
            [],
            ["SHORT_NO_FOLLOW_ON", "EXIT_NO_SUCCESSOR", "FEW_CLINICIANS", Gap + "SENIOR", Gap + "PROJECT_LEAD", Gap + "ENABLER", Gap + "CLINICAL"]
        },
        {
            "blackpool-local-vision",
            [],
            [],
            [],
            ["SHORT_NO_FOLLOW_ON", "EXIT_NO_SUCCESSOR", Gap + "ENABLER"]
        },
    };

    private static string Key(string rule, string? subject) => subject is null ? rule : $"{rule}/{subject}";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_CaseStudyLocality_AgreesWithTheReferenceCoding(string slug, string[] ingredients, string[] risks, string[] cautions, string[] decided)
    {
        var evaluation = Of(slug);

        string[] Found(Polarity polarity) =>
            evaluation.Findings.Where(f => f.Polarity == polarity).Select(f => Key(f.RuleId, f.Subject)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ingredients.Order(StringComparer.Ordinal), Found(Polarity.Ingredient));
        Assert.Equal(risks.Order(StringComparer.Ordinal), Found(Polarity.Risk));
        Assert.Equal(cautions.Order(StringComparer.Ordinal), Found(Polarity.Caution));
        var settled = ingredients.Concat(risks).Concat(cautions).Concat(decided).ToHashSet();
        var expected = RuleCatalogue.CmoRules.Where(r => r.ListsUnassessed)
            .SelectMany(r => r.Variants.Select(v => Key(r.Id, v.Name.Length == 0 ? null : v.Name)))
            .Where(k => !settled.Contains(k))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, evaluation.NotAssessed.Select(u => Key(u.Rule, u.Subject)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NotAssessed_Plymouth_SaysFocusIsPartlyAndWhatWouldSettleTheFollowOn()
    {
        var plymouth = Of("plymouth-local-vision");

        var focus = Assert.Single(plymouth.NotAssessed, u => u.Rule == "FOCUSED");
        Assert.Equal([Codes.FocusedProblem], focus.MissingCodes);
        Assert.Contains("neither present nor absent", focus.Reason);
        Assert.Equal(["7.1.1"], focus.Sections);
    }

    [Fact]
    public void ShortNoFollowOn_WhereTheReportNamesNoFollowOn_IsNotAssessedNotARisk()
    {
        dataset.SkipUnlessAvailable();

        var short_ = dataset.Evaluations.Values.Where(e => e.ConditionsByCode.GetValueOrDefault(DerivedCodes.ShortFunded)?.Value == ConditionValue.Present).ToList();

        Assert.NotEmpty(short_);
        Assert.DoesNotContain(dataset.Evaluations.Values, e => e.Findings.Any(f => f.RuleId == "SHORT_NO_FOLLOW_ON"));
        Assert.Contains(Of("kent-local-vision").NotAssessed, u => u.Rule == "SHORT_NO_FOLLOW_ON" && u.MissingCodes.SequenceEqual([Codes.FollowOnFunding]));
    }

    [Fact]
    public void NoSupport_Suffolk_CitesTheChangeOfLead()
    {
        var finding = Assert.Single(Of("suffolk-local-vision").Findings, f => f.RuleId == "NO_SUPPORT");

        Assert.Contains("observations/suffolk-dedicated-support", finding.Observations);
        var change = Assert.Single(finding.DerivedFacts, d => d.Code == DerivedCodes.ProjectLeadChanged);
        Assert.Equal(["people/suffolk-p1", "people/suffolk-p2"], change.Nodes);
    }

    [Fact]
    public void DetectionArtefact_Hackney_CitesTheRisingIncidenceAndIsNotScored()
    {
        var hackney = Of("hackney-local-vision");

        var finding = Assert.Single(hackney.Findings, f => f.RuleId == "DETECTION_ARTEFACT");
        Assert.Contains(finding.DerivedFacts, d => d.Nodes.Contains("outcomes/hackney-fgm-recorded-incidence"));
        Assert.Contains("observations/hackney-data-as-lever", finding.Observations);
        Assert.DoesNotContain(hackney.Outlook.Contributions, c => c.RuleId == "DETECTION_ARTEFACT");
        Assert.Contains(hackney.Outlook.Cautions, c => c.StartsWith("DETECTION_ARTEFACT", StringComparison.Ordinal));
    }

    [Fact]
    public void Mechanism_Bdp_PriorSystemsSaysTrustBuildingWasObserved()
    {
        var finding = Assert.Single(Of("bdp-local-vision").Findings, f => f.RuleId == "PRIOR_SYSTEMS");

        Assert.Equal(Rules.Evaluation.Findings.MechanismObserved.Yes, finding.Mechanism!.Observed);
        Assert.Equal(["observations/bdp-trust-building"], finding.Mechanism.Observations);
    }

    [Fact]
    public async Task PriorTie_FromIllustrativeTies_OnlyWhenAskedAndThenMarked()
    {
        dataset.SkipUnlessAvailable();

        var plain = Of("bdp-local-vision");
        var included = await dataset.Engine.EvaluateAsync("initiatives/bdp-local-vision",
            new EvidenceScope(SampleDatasetFixture.ReportDate, IncludeIllustrative: true), null, CancellationToken.None);

        Assert.DoesNotContain(plain.Findings, f => f.RuleId == "PRIOR_TIE");
        var tie = Assert.Single(included.Findings, f => f.RuleId == "PRIOR_TIE");
        Assert.True(tie.Illustrative);
        Assert.Equal(["evidence/bdp-prior-enabler-tie-illustrative"], tie.Evidence);
    }

    [Fact]
    public void Outlook_StrongWhereTheReportSeesMomentum_InsufficientWhereItSaysTooLittle()
    {
        Assert.Equal(OutlookRating.Strong, Of("plymouth-local-vision").Outlook.Rating);
        Assert.Equal(OutlookRating.Strong, Of("hackney-local-vision").Outlook.Rating);
        Assert.Equal(OutlookRating.InsufficientEvidence, Of("kent-local-vision").Outlook.Rating);
        Assert.Equal(OutlookRating.InsufficientEvidence, Of("blackpool-local-vision").Outlook.Rating);
        Assert.True(Of("hackney-local-vision").Outlook.Score > Of("dudley-local-vision").Outlook.Score);
        Assert.Equal(-1, Of("suffolk-local-vision").Outlook.Score);
    }

    [Fact]
    public void Outlook_WestCheshiresTentativeMomentum_LeavesItsOwnScoreAlone()
    {
        var westCheshire = Of("west-cheshire-local-vision");

        Assert.True(westCheshire.ConditionsByCode[Codes.Momentum].Tentative);
        Assert.All(westCheshire.Outlook.Contributions, c => Assert.False(c.Tentative));
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
            Assert.DoesNotContain(found, n => FactProjection.IsIllustrative(n.Properties));
        }
    }

    [Fact]
    public async Task EvaluateAsync_EarlyDate_UsesAndShowsOnlyWhatWasRecordedByThen()
    {
        dataset.SkipUnlessAvailable();
        var asOf = new DateOnly(2014, 6, 1);

        var bdp = await dataset.Engine.EvaluateAsync("initiatives/bdp-local-vision", asOf, CancellationToken.None);

        var mou = Assert.Single(bdp.Findings, f => f.RuleId == "MOU_YARDSTICK");
        Assert.Equal(["evidence/bdp-mou"], mou.Evidence);
        Assert.DoesNotContain(bdp.Findings, f => f.RuleId == "SENIOR_EARLY");
        var cited = bdp.Findings.SelectMany(f => f.Observations).Concat(bdp.Conditions.SelectMany(c => c.Observations)).Distinct().ToList();
        var nodes = await dataset.Store.GetNodesAsync(cited, CancellationToken.None);
        Assert.All(nodes, n => Assert.True(DateOnly.Parse(n.GetString("recordedAt")!) <= asOf, $"{n.Name} was recorded {n.GetString("recordedAt")}"));
    }

    [Fact]
    public async Task EvaluateAsync_EarlyDateAsWeNowKnow_SeesConditionsDatedToTheStart()
    {
        dataset.SkipUnlessAvailable();

        var bdp = await dataset.Engine.EvaluateAsync("initiatives/bdp-local-vision", new EvidenceScope(new DateOnly(2014, 6, 1), AsNowKnown: true), null, CancellationToken.None);

        Assert.Contains(bdp.Findings, f => f.RuleId == "SENIOR_EARLY");
        Assert.Contains(bdp.Findings, f => f.RuleId == "PRIOR_SYSTEMS");
        Assert.DoesNotContain(bdp.Findings, f => f.RuleId == "ENABLER_MATCHED");
    }

    [Fact]
    public async Task EvaluateAsync_BeforeTheStart_SaysNotStartedAndNoMore()
    {
        dataset.SkipUnlessAvailable();

        var solihull = await dataset.Engine.EvaluateAsync("initiatives/solihull-local-vision", new DateOnly(2014, 12, 1), CancellationToken.None);

        Assert.Equal(EvaluationStatus.NotStarted, solihull.Status);
        Assert.Empty(solihull.Findings);
        Assert.Empty(solihull.NotAssessed);
        Assert.Equal(OutlookRating.NotStarted, solihull.Outlook.Rating);
    }
}
