using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Whether the funded period was short (§7.3.5): known when both dates are, unknown otherwise.</summary>
[Name(RuleIds.DeriveFundingPeriod + "/SHORT")]
[Priority(RulePriorities.Derive)]
public sealed class ShortFundedRule : Rule
{
    public static DerivationDefinition Definition => FundingPeriod.Definition;

    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative, i => settings.Options.IsShortFunded(i) != null);

        Then()
            .Yield(_ => CodeValue.Derived(initiative.Name, DerivedCodes.ShortFunded, settings.Options.IsShortFunded(initiative) == true ? 1 : 0,
                $"funded from {initiative.Start:yyyy-MM-dd} to {initiative.End:yyyy-MM-dd}; short means at most {settings.Options.ShortFundingMonths} months",
                new[] { initiative.Name }));
    }
}

/// <summary>Whether the initiative had ended by the evaluation date: known when its end is.</summary>
[Name(RuleIds.DeriveFundingPeriod + "/ENDED")]
[Priority(RulePriorities.Derive)]
public sealed class EndedRule : Rule
{
    public static DerivationDefinition Definition => FundingPeriod.Definition;

    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative, i => i.End != null);

        Then()
            .Yield(_ => CodeValue.Derived(initiative.Name, DerivedCodes.Ended, initiative.End <= settings.AsOf ? 1 : 0,
                $"ends {initiative.End:yyyy-MM-dd}; evaluated as of {settings.AsOf:yyyy-MM-dd}", new[] { initiative.Name }));
    }
}

internal static class FundingPeriod
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveFundingPeriod, "Funded period", "7.3.5", [DerivedCodes.ShortFunded, DerivedCodes.Ended],
        "SHORT_FUNDED = 1 when the initiative's end is at most ShortFundingMonths after its start, 0 when later; ENDED = 1 when its end is on or before the evaluation date, 0 when after. A missing date leaves the condition unknown.")
    {
        Parameters = [nameof(EvaluationOptions.ShortFundingMonths)],
    };
}
