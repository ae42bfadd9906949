using LocalVision.Rules.Evaluation.Assessment;
using LocalVision.Rules.Evaluation.Conditions;

namespace LocalVision.Rules.Tests.Evaluation.Support;

/// <summary>One CMO rule over resolved conditions, and what the not-assessed list says of the same conditions.</summary>
internal static class OpenWorld
{
    public static RuleRun Fire(Type rule, IEnumerable<Condition> conditions) =>
        RuleRun.Fire([rule], [Given.Settings(), Given.Initiative(), .. conditions]);

    public static IReadOnlyList<UnassessedIngredient> NotAssessed(IEnumerable<Condition> conditions) =>
        UnassessedIngredient.Of(conditions.ToDictionary(c => c.Code, StringComparer.Ordinal), "as of 2015-09-01");
}
