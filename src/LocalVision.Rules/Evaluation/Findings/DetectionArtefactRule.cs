using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// DETECTION_ARTEFACT: an indicator rose while data was being used as a lever; the rise may be better detection and
/// recording rather than more harm (§8, Hackney's FGM incidence). One finding per rising outcome.
/// </summary>
/// <remarks>
/// "After data recording improved" is read as: the outcome is dated no earlier than the project's start. Observation
/// dates record when an evaluator coded, not when the practice began, so they cannot order the two.
/// </remarks>
[Name(RuleIds.DetectionArtefact)]
[Priority(RulePriorities.Find)]
public sealed class DetectionArtefactRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition lever = default!;
        OutcomeFact outcome = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => lever, c => c.Initiative == initiative.Name, c => c.Code == Codes.DataAsLever,
                c => settings.Options.IsPresent(c.Score))
            .Match(() => outcome, o => o.Initiative == initiative.Name, o => Presence.IsRising(o.Trend),
                o => o.At == null || initiative.Start == null || o.At >= initiative.Start);

        Then()
            .Yield(_ => Finding.Of(RuleIds.DetectionArtefact, initiative,
                "the outcome " + outcome.DisplayName + " (" + outcome.Name + ") has a RISING trend while data is used as a lever ["
                + lever.Describe() + "]: read the rise as possibly better detection and recording, not more harm",
                new[] { lever }, null, outcome.Evidence, outcome.Name));
    }
}
