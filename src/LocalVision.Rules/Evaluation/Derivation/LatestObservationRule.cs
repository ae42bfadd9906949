using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// An observation is the coded value of its code when no later observation of that code exists (the projection has
/// already dropped observations after the evaluation date). Ties on the same day go to the last by name.
/// </summary>
[Name(RuleIds.LatestObservation)]
[Priority(RulePriorities.Read)]
public sealed class LatestObservationRule : Rule
{
    public override void Define()
    {
        ObservationFact observation = default!;

        When()
            .Match(() => observation)
            .Not<ObservationFact>(later => later.Initiative == observation.Initiative
                && later.Code == observation.Code
                && (later.At > observation.At || (later.At == observation.At && string.CompareOrdinal(later.Name, observation.Name) > 0)));

        Then()
            .Yield(_ => CodeValue.Coded(observation));
    }
}
