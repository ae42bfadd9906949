using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>POLITICAL_MANDATE: engaged elected members give a political mandate (§7.2.4, §7.4.1).</summary>
[Name(RuleIds.PoliticalMandate)]
public sealed class PoliticalMandateRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.PoliticalMandate,
        "Elected members engaged: a political mandate",
        Polarity.Ingredient,
        ["7.2.4", "7.4.1"],
        [ContextTerm.Present(Codes.PoliticalEngagement)],
        null,
        Codes.InfluencingStrategy,
        1,
        "Unhedged: \"political support is also valuable, particularly in terms of addressing community concerns and linking local and national agendas\" (§7.4.1).",
        "elected members were engaged [{POLITICAL_ENGAGEMENT}], a political mandate for the work");
}
