using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>FEW_CLINICIANS: clinicians absent or under-represented (§5.3); a caution beside the clinical leadership gap, so the element counts once.</summary>
[Name(RuleIds.FewClinicians)]
public sealed class FewCliniciansRule() : ContextRule(Definition)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.FewClinicians,
        "Clinicians absent or under-represented",
        Polarity.Caution,
        ["5.3"],
        [ContextTerm.Absent(DerivedCodes.CliniciansRepresented)],
        null,
        Codes.EngagingProfessionals,
        0,
        "A caution, never scored (the missing clinical element is scored once, by LEADERSHIP_GAP): clinicians \"in most cases ... were under-represented in comparison to other groups\" (§5.3).",
        "clinicians are absent or under-represented [{CLINICIANS_REPRESENTED}], so the clinical role-modelling of participative working is thin")
    {
        Parameters = [nameof(EvaluationOptions.ClinicianShareBelow)],
    };
}
