using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using LocalVision.Rules.Evaluation.Findings;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Outlook;

/// <summary>MOMENTUM_OUTLOOK: a rule over the findings of the CMO rules, so the outlook changes whenever a finding does.</summary>
[Name(RuleIds.MomentumOutlook)]
[Priority(RulePriorities.Outlook)]
public sealed class MomentumOutlookRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.MomentumOutlook, "Momentum outlook", "6.3, 7", [],
        "Over the initiative's findings: score = the sum of its ingredients' weights minus its risks' weights, each weight the rule's (ListRules gives the report's wording behind it), times TentativeFactor for a finding resting on an L-confidence observation; a risk whose missing element an earlier risk counted adds nothing. Cautions are listed beside the outlook and never scored. Fewer than MinimumScoredFindings scored findings → INSUFFICIENT_EVIDENCE; else score ≥ StrongOutlookAtLeast → STRONG; score < AtRiskOutlookBelow → AT_RISK; otherwise MODERATE. Before the initiative's start: NOT_STARTED.")
    {
        Kind = RuleKind.Outlook,
        Parameters =
        [
            nameof(EvaluationOptions.TentativeFactor), nameof(EvaluationOptions.MinimumScoredFindings),
            nameof(EvaluationOptions.StrongOutlookAtLeast), nameof(EvaluationOptions.AtRiskOutlookBelow),
        ],
    };

    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<Finding> findings = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Query(() => findings, q => q.Match<Finding>(f => f.Initiative == initiative.Name).Collect());

        Then()
            .Yield(_ => MomentumOutlook.From(initiative.Name, findings, settings.Options));
    }
}
