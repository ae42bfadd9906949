using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>Whether the Enabler's exit is in view (§7.4.2): known when an engagement is recorded, unknown otherwise.</summary>
[Name(RuleIds.DeriveEnablerExit)]
[Priority(RulePriorities.Derive)]
public sealed class EnablerExitRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveEnablerExit, "Enabler exit in view", "7.4.2", [DerivedCodes.EnablerExit],
        "With at least one ENABLES engagement recorded: ENABLER_EXIT = 1 when every engagement has an end and the last is on or before the evaluation date plus ExitWindowDays (ended, or ends soon); 0 when one is open-ended or ends later. No engagement recorded leaves it unknown.")
    {
        Parameters = [nameof(EvaluationOptions.ExitWindowDays)],
    };

    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<EnablerEngagement> engagements = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Query(() => engagements, q => q.Match<EnablerEngagement>(e => e.Initiative == initiative.Name).Collect())
            .Having(() => engagements.Any());

        Then()
            .Yield(_ => Derive(initiative, engagements.ToList(), settings));
    }

    private static CodeValue Derive(InitiativeFact initiative, IReadOnlyList<EnablerEngagement> engagements, EvaluationSettings settings)
    {
        var last = engagements.Any(e => e.To is null) ? (DateOnly?)null : engagements.Max(e => e.To!.Value);
        var inView = last is { } day && day <= settings.AsOf.AddDays(settings.Options.ExitWindowDays);
        var source = last is null
            ? "an Enabler engagement is open-ended"
            : $"the last Enabler engagement ends {last:yyyy-MM-dd}; evaluated as of {settings.AsOf:yyyy-MM-dd}, exits within {settings.Options.ExitWindowDays} days are in view";
        return CodeValue.Derived(initiative.Name, DerivedCodes.EnablerExit, inView ? 1 : 0, source,
            engagements.Select(e => e.Enabler).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            illustrative: engagements.All(e => e.Illustrative));
    }
}
