using LocalVision.Rules.Evaluation.Catalogue;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Every value of a code for an initiative resolves to one <see cref="Condition"/>, which the CMO rules match.</summary>
[Name(RuleIds.ResolveCondition)]
[Priority(RulePriorities.Resolve)]
public sealed class ResolveConditionRule : Rule
{
    public override void Define()
    {
        IGrouping<string, CodeValue> values = default!;

        When()
            .Query(() => values, q => q.Match<CodeValue>().GroupBy(v => v.GroupKey));

        Then()
            .Yield(_ => Condition.Resolve(values));
    }
}
