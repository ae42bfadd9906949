using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>An indicator rising after the project started (§8): known only where outcome trends are recorded.</summary>
/// <remarks>
/// "After data recording improved" is read as: the outcome is dated no earlier than the project's start. Observation
/// dates record when a condition held, not when recording practice changed, so they cannot order the two.
/// </remarks>
[Name(RuleIds.DeriveRisingIndicator)]
[Priority(RulePriorities.Derive)]
public sealed class RisingIndicatorRule : Rule
{
    public const string Rising = "RISING";

    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveRisingIndicator, "A rising indicator", "8", [DerivedCodes.RisingIndicator],
        "RISING_INDICATOR = 1 when the initiative ACHIEVED an outcome with trend RISING dated no earlier than its start (or undated), citing the outcome and its evidence; 0 when outcomes with a trend are recorded and none rises so; unknown when no trend is recorded.");

    public override void Define()
    {
        InitiativeFact initiative = default!;
        IEnumerable<OutcomeFact> outcomes = default!;

        When()
            .Match(() => initiative)
            .Query(() => outcomes, q => q.Match<OutcomeFact>(o => o.Initiative == initiative.Name, o => o.Trend != null).Collect())
            .Having(() => outcomes.Any());

        Then()
            .Yield(_ => Derive(initiative, outcomes.ToList()));
    }

    private static CodeValue Derive(InitiativeFact initiative, IReadOnlyList<OutcomeFact> outcomes)
    {
        var rising = outcomes
            .Where(o => string.Equals(o.Trend, Rising, StringComparison.OrdinalIgnoreCase) && (o.At is null || initiative.Start is null || o.At >= initiative.Start))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        return rising.Count == 0
            ? CodeValue.Derived(initiative.Name, DerivedCodes.RisingIndicator, 0,
                $"no recorded trend rises ({string.Join(", ", outcomes.Select(o => $"{o.Name} {o.Trend}"))})",
                outcomes.Select(o => o.Name).Order(StringComparer.Ordinal).ToList(), illustrative: outcomes.All(o => o.Illustrative))
            : CodeValue.Derived(initiative.Name, DerivedCodes.RisingIndicator, 1,
                string.Join("; ", rising.Select(o => $"the outcome {o.DisplayName} ({o.Name}) has a RISING trend")),
                rising.Select(o => o.Name).ToList(), illustrative: rising.All(o => o.Illustrative),
                evidence: rising.SelectMany(o => o.Evidence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}
