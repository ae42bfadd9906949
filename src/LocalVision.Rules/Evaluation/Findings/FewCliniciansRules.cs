using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>FEW_CLINICIANS, on evidence: clinician engagement is coded absent (§5.3).</summary>
[Name(RuleIds.FewClinicians + "/CODED")]
[Priority(RulePriorities.Find)]
public sealed class FewCliniciansCodedRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        Condition clinicians = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Match(() => clinicians, c => c.Initiative == initiative.Name, c => c.Code == Codes.ClinicianEngagement,
                c => settings.Options.IsAbsent(c.Score));

        Then()
            .Yield(_ => Finding.Of(RuleIds.FewClinicians, initiative,
                "clinicians were barely engaged [" + clinicians.Describe() + "], so the clinical role-modelling of participative working is missing",
                new[] { clinicians }, null, null, null));
    }
}

/// <summary>
/// FEW_CLINICIANS, from the people recorded: clinician engagement is not coded either way, and clinicians are under-represented
/// among the people working for partners (§5.3).
/// </summary>
[Name(RuleIds.FewClinicians + "/RECORDED")]
[Priority(RulePriorities.Find)]
public sealed class FewCliniciansRecordedRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<PersonRole> people = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Not<Condition>(c => c.Initiative == initiative.Name && c.Code == Codes.ClinicianEngagement
                && (settings.Options.IsAbsent(c.Score) || settings.Options.IsPresent(c.Score)))
            .Query(() => people, q => q.Match<PersonRole>(p => p.Initiative == initiative.Name).Collect())
            .Having(() => Presence.DistinctPeople(people) >= settings.Options.MinimumPeopleForConfiguration
                && Presence.ClinicianShare(people) < settings.Options.ClinicianShareBelow);

        Then()
            .Yield(_ => Finding.Of(RuleIds.FewClinicians, initiative,
                "clinicians are under-represented: " + Presence.DistinctPeople(people.Where(p => p.Role == "CLINICIAN")) + " of the "
                + Presence.DistinctPeople(people) + " people recorded are clinicians",
                Array.Empty<Condition>(),
                new[] { new DerivedFact(Codes.ClinicianEngagement, Presence.ClinicianShare(people),
                    "share of clinicians among the people working for partners in the initiative",
                    people.Select(p => p.Person).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList()) },
                null, null));
    }
}
