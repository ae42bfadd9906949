using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>DETECTION_ARTEFACT: an indicator rose while data was being used as a lever; the rise may be better detection, not more harm (§8).</summary>
[Name(RuleIds.DetectionArtefact)]
public sealed class DetectionArtefactRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.DetectionArtefact,
        "An indicator rose as data recording improved: the rise may be better detection",
        Polarity.Caution,
        ["8"],
        [ContextTerm.Present(Codes.DataAsLever), ContextTerm.Present(DerivedCodes.RisingIndicator)],
        null,
        null,
        0,
        "A caution, never scored: in Hackney the recorded rise \"reflected increased activity of partners to capture the picture rather than necessarily any real change\" (§8).",
        "an indicator is rising [{RISING_INDICATOR}] while data is used as a lever [{DATA_AS_LEVER}]: read the rise as possibly better detection and recording, not more harm")
    {
        ListsUnassessed = false,
    };
}
