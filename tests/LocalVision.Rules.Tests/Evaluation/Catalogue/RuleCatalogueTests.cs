using System.Reflection;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Language;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent;
using NRules.RuleModel;

namespace LocalVision.Rules.Tests.Evaluation.Catalogue;

public sealed class RuleCatalogueTests
{
    /// <summary>DOMAIN.md's table of CMO rules, in its order, with the sections each cites.</summary>
    private static readonly (string Id, string Sections, Polarity Polarity)[] DomainTable =
    [
        ("FOCUSED", "7.1.1", Polarity.Ingredient), ("UNFOCUSED", "7.1.1", Polarity.Risk),
        ("COMMUNITY_MEASURABLE", "7.1.2", Polarity.Ingredient), ("STRATEGIC_NO_METRICS", "7.1.2, 7.4.4", Polarity.Caution),
        ("PRIOR_SYSTEMS", "7.1.3", Polarity.Ingredient), ("PRIOR_TIE", "7.1.3, 7.3.1", Polarity.Ingredient),
        ("BURNING_PLATFORM", "7.1.4", Polarity.Ingredient), ("PLACE_BASED_FIT", "7.2.1", Polarity.Ingredient),
        ("BCF_DISTRACTION", "7.2.1", Polarity.Caution), ("PUBLIC_HEALTH_EXPERIMENT", "7.2.2", Polarity.Ingredient),
        ("PARTNERSHIP_BODY_OWNER", "7.2.2", Polarity.Caution), ("DEDICATED_SUPPORT", "7.2.3", Polarity.Ingredient),
        ("NO_SUPPORT", "7.2.3", Polarity.Risk), ("SENIOR_EARLY", "7.2.4", Polarity.Ingredient), ("SENIOR_LATE", "7.2.4", Polarity.Risk),
        ("POLITICAL_MANDATE", "7.2.4, 7.4.1", Polarity.Ingredient), ("ENABLER_MATCHED", "7.3.1", Polarity.Ingredient),
        ("COMMUNITY_LIGHT_BULB", "7.3.2", Polarity.Ingredient), ("MOU_YARDSTICK", "7.3.3", Polarity.Ingredient), ("NO_MOU", "7.3.3", Polarity.Risk),
        ("LEARNING_NETWORK", "7.3.4", Polarity.Ingredient), ("ADEQUATE_TIME", "7.3.5", Polarity.Ingredient), ("TIME_PRESSURE", "7.3.5", Polarity.Risk),
        ("SHORT_NO_FOLLOW_ON", "7.3.5", Polarity.Risk), ("LEADERSHIP_GAP", "7.4.1", Polarity.Risk), ("EXIT_HANDOVER", "7.4.2", Polarity.Ingredient),
        ("EXIT_NO_SUCCESSOR", "7.4.2", Polarity.Risk), ("SCALE_UP_LIKELY", "7.4.3", Polarity.Ingredient), ("CONTESTED_VIEWS", "7.4.4", Polarity.Caution),
        ("DATA_AS_LEVER", "8", Polarity.Ingredient), ("DETECTION_ARTEFACT", "8", Polarity.Caution), ("FEW_CLINICIANS", "5.3", Polarity.Caution),
    ];

    /// <summary>Chapter 7's headings, and whether the report names both a help and a hindrance under each.</summary>
    private static readonly (string Heading, bool BothWays)[] Chapter7 =
    [
        ("7.1.1", true), ("7.1.2", true), ("7.1.3", false), ("7.1.4", false), ("7.2.1", true), ("7.2.2", true), ("7.2.3", true),
        ("7.2.4", true), ("7.3.1", false), ("7.3.2", false), ("7.3.3", true), ("7.3.4", false), ("7.3.5", true), ("7.4.1", true),
        ("7.4.2", true), ("7.4.3", false), ("7.4.4", false),
    ];

    private static IReadOnlyList<string> RuleNames()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(EvaluationRules.RuleTypes));
        return repository.GetRuleSets().SelectMany(s => s.Rules).Concat(TheoryCompiler.Rules(ShippedTheory.Rules)).Select(r => r.Name).ToList();
    }

    [Fact]
    public void Describe_DomainTable_EveryRuleWithItsSectionsAndPolarityInTableOrder()
    {
        var cmo = RuleCatalogue.Describe().Where(r => r.Kind == RuleKind.Cmo).Select(r => (r.Id, r.ReportSection, r.Polarity!.Value));

        Assert.Equal(DomainTable, cmo);
    }

    [Theory]
    [MemberData(nameof(Headings))]
    public void Describe_Chapter7Heading_HasARuleAndBothDirectionsWhereTheReportGivesBoth(string heading, bool bothWays)
    {
        var rules = RuleCatalogue.Describe().Where(r => r.Kind == RuleKind.Cmo && r.Sections.Contains(heading)).ToList();

        Assert.NotEmpty(rules);
        if (bothWays)
        {
            Assert.Contains(rules, r => r.Polarity == Polarity.Ingredient);
            Assert.Contains(rules, r => r.Polarity != Polarity.Ingredient);
        }
    }

    public static TheoryData<string, bool> Headings => new(Chapter7.Select(h => (h.Heading, h.BothWays)));

    [Fact]
    public void Describe_EveryCmoRule_WeighsWhatItsWordingSaysAndCautionsNothing()
    {
        var cmo = RuleCatalogue.Describe().Where(r => r.Kind == RuleKind.Cmo).ToList();

        Assert.All(cmo, r => Assert.False(string.IsNullOrWhiteSpace(r.WeightReason), $"{r.Id} gives no reason for its weight"));
        Assert.All(cmo.Where(r => r.Polarity == Polarity.Caution), r => Assert.Equal(0, r.Weight));
        Assert.All(cmo.Where(r => r.Polarity != Polarity.Caution), r => Assert.InRange(r.Weight!.Value, 0.5, 1));
        Assert.All(cmo.Where(r => r.Weight == 0.5), r => Assert.StartsWith("Half", r.WeightReason));
        Assert.All(cmo, r => Assert.Equal(RuleStatus.Initial, r.Status));
    }

    [Fact]
    public void ReportHeadings_EveryRuleSection_HasAHeadingAndEveryHeadingARule()
    {
        var headings = ReportHeadings.All.Select(h => h.Section).ToList();
        var sections = RuleCatalogue.CmoRules.SelectMany(r => r.Sections).Distinct().ToList();

        Assert.Equal(headings.Order(), sections.Order());
        Assert.Equal(Chapter7.Select(h => h.Heading), headings.Take(17));
    }

    [Fact]
    public void Notes_EnablerMode_IsNeverScored()
    {
        Assert.Contains(RuleCatalogue.Notes, n => n.Contains("mode", StringComparison.Ordinal) && n.Contains("7.3.1", StringComparison.Ordinal));
        Assert.DoesNotContain(RuleCatalogue.Describe().SelectMany(r => r.Context ?? []), t => t.Code.Contains("MODE", StringComparison.Ordinal));
        Assert.Contains("insufficient evidence", RuleCatalogue.Get("ENABLER_MATCHED").Condition);
    }

    [Fact]
    public void Describe_LeadershipGap_OneSubjectPerElementEachOnItsDerivedCondition()
    {
        var gap = RuleCatalogue.Get("LEADERSHIP_GAP");

        Assert.Equal(["SENIOR", "POLITICAL", "PROJECT_LEAD", "ENABLER", "CLINICAL", "COMMUNITY"], gap.Subjects);
        Assert.All(gap.Context!, t => Assert.Equal(Expectation.Absent, t.Expects));
    }

    [Fact]
    public void RuleSet_EveryRuleClass_HasACatalogueEntry()
    {
        var ids = RuleCatalogue.Describe().Select(r => r.Id).ToHashSet();

        Assert.All(RuleNames(), name => Assert.Contains(RuleIds.OfRuleName(name), ids));
    }

    [Fact]
    public void Describe_EveryEntry_IsARuleTheEngineRuns()
    {
        var implemented = RuleNames().Select(RuleIds.OfRuleName).ToHashSet();

        Assert.All(RuleCatalogue.Describe(), r => Assert.Contains(r.Id, implemented));
    }

    [Fact]
    public void Describe_CmoRules_HavePolarityAndOthersNone()
    {
        Assert.All(RuleCatalogue.Describe(), r => Assert.Equal(r.Kind == RuleKind.Cmo, r.Polarity is not null));
    }

    [Fact]
    public void Describe_EveryCodeNamed_IsACatalogueCodeOrOneTheEngineDerives()
    {
        var named = RuleCatalogue.Describe()
            .SelectMany(r => r.ContextCodes.Append(r.Mechanism).Append(r.Outcome))
            .OfType<string>();

        Assert.All(named, code => Assert.True(CodeCatalogue.IsKnown(code) || DerivedCodes.Find(code) is not null, $"{code} is neither"));
    }

    [Fact]
    public void DerivedCodes_None_IsACatalogueCodeAndEachSaysWhatSettlesIt()
    {
        Assert.All(DerivedCodes.All, d =>
        {
            Assert.False(CodeCatalogue.IsKnown(d.Id));
            Assert.False(string.IsNullOrWhiteSpace(d.Records));
            Assert.All(d.SettledBy, c => Assert.True(CodeCatalogue.IsKnown(c)));
        });
    }

    [Fact]
    public void Codes_EveryConstant_IsInTheCodingCatalogue()
    {
        var constants = typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        Assert.All(constants, code => Assert.True(CodeCatalogue.IsKnown(code), $"{code} is not a catalogue code"));
    }

    [Fact]
    public void List_DerivedCodes_AreExactlyThoseADerivationRuleComputes()
    {
        var codes = CodeCatalogueView.List();

        Assert.All(codes, c => Assert.Equal(c.Derived, c.DerivedBy.Count > 0));
        Assert.Equal([RuleIds.DeriveOwnership], codes.Single(c => c.Code == "OWNER_HEALTH").DerivedBy);
    }

    [Fact]
    public void List_ByKind_ReturnsOnlyThatKind()
    {
        var mechanisms = EvaluationEngine.ListCodes(CodeKind.Mechanism);

        Assert.NotEmpty(mechanisms);
        Assert.All(mechanisms, c => Assert.Equal(CodeKind.Mechanism, c.Kind));
        Assert.Contains("COMMUNITY_LIGHT_BULB", mechanisms.Single(c => c.Code == Codes.UserPerspective).UsedBy);
    }

    [Fact]
    public void Describe_Options_ParametersShowTheirValues()
    {
        var options = EvaluationOptions.Default with
        {
            ShortFundingMonths = 18, BetterCareFundNames = ["BCF", "Better Care Fund"], Weights = new Dictionary<string, double> { ["NO_MOU"] = 1 },
        };

        var rules = RuleCatalogue.Describe(options);

        Assert.Equal("18", rules.Single(r => r.Id == "SENIOR_LATE").Parameters.Single(p => p.Name == "ShortFundingMonths").Value);
        Assert.Equal("BCF; Better Care Fund", rules.Single(r => r.Id == "BCF_DISTRACTION").Parameters.Single(p => p.Name == "BetterCareFundNames").Value);
        Assert.Equal(1, rules.Single(r => r.Id == "NO_MOU").Weight);
        Assert.All(rules.SelectMany(r => r.Parameters), p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Factory_CompiledOnce_IsTheSameInstance()
    {
        Assert.Same(CompiledTheory.Shipped.Factory, CompiledTheory.Shipped.Factory);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        EvaluationOptions.Default.Validate();

        Assert.True(EvaluationOptions.Default.IsPresent(0.75));
        Assert.False(EvaluationOptions.Default.IsPresent(0.5));
        Assert.False(EvaluationOptions.Default.IsAbsent(0.5));
        Assert.True(EvaluationOptions.Default.IsAbsent(0.25));
    }

    [Fact]
    public void Validate_WeightForAnUnknownRule_NamesTheOption()
    {
        var error = Assert.Throws<LocalVision.Graph.Store.GraphValidationException>(() =>
            (EvaluationOptions.Default with { Weights = new Dictionary<string, double> { ["NO_SUCH_RULE"] = 1 } }).Validate());

        Assert.Equal(nameof(EvaluationOptions.Weights), Assert.Single(error.Violations).Field);
    }
}
