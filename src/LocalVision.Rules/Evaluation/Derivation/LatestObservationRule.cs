using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// An observation is the coded value of its code when no later observation of that code exists (the projection has
/// already dropped what the evidence scope excludes). Ties on the same day go to the later recorded, then the last by name.
/// </summary>
[Name(RuleIds.LatestObservation)]
[Priority(RulePriorities.Read)]
public sealed class LatestObservationRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.LatestObservation, "Latest observation as of the date", "9.11", [],
        "For each code of an initiative, the observation with the latest `at` among those that held by the evaluation date and were recorded by it (`recordedAt`, default `at`; any recording date \"as we now know\") is the coded value; ties go to the later `recordedAt`, then the last by name. Older observations stay in the graph as the longitudinal record. Observations marked illustrative count only when the caller includes illustrative data.");

    public override void Define()
    {
        ObservationFact observation = default!;

        When()
            .Match(() => observation)
            .Not<ObservationFact>(later => later.Initiative == observation.Initiative
                && later.Code == observation.Code
                && (later.At > observation.At
                    || (later.At == observation.At && later.RecordedAt > observation.RecordedAt)
                    || (later.At == observation.At && later.RecordedAt == observation.RecordedAt && string.CompareOrdinal(later.Name, observation.Name) > 0)));

        Then()
            .Yield(_ => CodeValue.Coded(observation));
    }
}
