using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Every value of a code for an initiative resolves to one three-valued <see cref="Condition"/>, which the CMO rules match.</summary>
[Name(RuleIds.ResolveCondition)]
[Priority(RulePriorities.Resolve)]
public sealed class ResolveConditionRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.ResolveCondition, "One three-valued condition per code", "", [],
        "All values of a code (the latest coded observation and any derived values) resolve to one condition: the coded score when there is one, else the highest derived score. Above PresentAbove it is present, below AbsentBelow absent, otherwise unknown; a code with no value is unknown. Every value stays cited.")
    {
        Parameters = [nameof(EvaluationOptions.PresentAbove), nameof(EvaluationOptions.AbsentBelow)],
    };

    public override void Define()
    {
        EvaluationSettings settings = default!;
        IGrouping<string, CodeValue> values = default!;

        When()
            .Match(() => settings)
            .Query(() => values, q => q.Match<CodeValue>().GroupBy(v => v.GroupKey));

        Then()
            .Yield(_ => Condition.Resolve(values, settings.Options));
    }
}
