using System.Reflection;
using LocalVision.Graph.Schema;
using LocalVision.Rules.Evaluation;
using LocalVision.Rules.Evaluation.Catalogue;
using NRules.Fluent;
using NRules.RuleModel;

namespace LocalVision.Rules.Tests.Evaluation.Catalogue;

public sealed class RuleCatalogueTests
{
    private static readonly string[] DomainTable =
    [
        "SENIOR_EARLY", "SENIOR_LATE", "EXIT_NO_SUCCESSOR", "EXIT_HANDOVER", "PRIOR_TIE", "BURNING_PLATFORM", "BCF_DISTRACTION",
        "PLACE_BASED_FIT", "NO_SUPPORT", "NO_MOU", "COMMUNITY_LIGHT_BULB", "STRATEGIC_NO_METRICS", "COMMUNITY_MEASURABLE",
        "LEADERSHIP_GAP", "PARTNERSHIP_BODY_OWNER", "FEW_CLINICIANS", "DETECTION_ARTEFACT", "UNFOCUSED", "SCALE_UP_LIKELY",
        "SHORT_NO_FOLLOW_ON",
    ];

    private static IReadOnlyList<string> RuleNames()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(EvaluationRules.RuleTypes));
        return repository.GetRuleSets().SelectMany(s => s.Rules).Select(r => r.Name).ToList();
    }

    [Fact]
    public void Describe_DomainTable_EveryRuleIsACmoRuleInTableOrder()
    {
        var cmo = RuleCatalogue.Describe().Where(r => r.Kind == RuleKind.Cmo).Select(r => r.Id);

        Assert.Equal(DomainTable, cmo);
    }

    [Fact]
    public void RuleSet_EveryRuleClass_HasACatalogueEntry()
    {
        var ids = RuleCatalogue.Describe().Select(r => r.Id).ToHashSet();

        Assert.All(RuleNames(), name => Assert.Contains(RuleIds.OfRuleName(name), ids));
    }

    [Fact]
    public void Describe_EveryEntry_HasARuleClass()
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
    public void Describe_EveryCodeNamed_IsInTheCodingCatalogue()
    {
        var named = RuleCatalogue.Describe()
            .SelectMany(r => r.ContextCodes.Append(r.Mechanism).Append(r.Outcome))
            .OfType<string>();

        Assert.All(named, code => Assert.True(CodeCatalogue.IsKnown(code), $"{code} is not a catalogue code"));
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
        Assert.Contains(RuleIds.CommunityLightBulb, mechanisms.Single(c => c.Code == Codes.UserPerspective).UsedBy);
    }

    [Fact]
    public void Describe_Options_ParametersShowTheirValues()
    {
        var options = EvaluationOptions.Default with { ShortFundingMonths = 18, BetterCareFundNames = ["BCF", "Better Care Fund"] };

        var rules = RuleCatalogue.Describe(options);

        Assert.Equal("18", rules.Single(r => r.Id == RuleIds.SeniorLate).Parameters.Single(p => p.Name == "ShortFundingMonths").Value);
        Assert.Equal("BCF; Better Care Fund", rules.Single(r => r.Id == RuleIds.BcfDistraction).Parameters.Single(p => p.Name == "BetterCareFundNames").Value);
        Assert.All(rules.SelectMany(r => r.Parameters), p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Factory_CompiledOnce_IsTheSameInstance()
    {
        Assert.Same(EvaluationRules.Factory, EvaluationRules.Factory);
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
}
