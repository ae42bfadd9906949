using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// Whether clinicians are engaged enough (§5.3): from CLINICIAN_ENGAGEMENT when coded either way, else from the share of
/// clinicians among the people when they are declared complete; otherwise unknown.
/// </summary>
[Name(RuleIds.DeriveClinicianRepresentation)]
[Priority(RulePriorities.Configure)]
public sealed class CliniciansRepresentedRule : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveClinicianRepresentation, "Clinicians represented", "5.3", [DerivedCodes.CliniciansRepresented],
        "CLINICIANS_REPRESENTED follows CLINICIAN_ENGAGEMENT when it is coded present or absent; otherwise, when PEOPLE_COMPLETE is present, it is 1 when clinicians are at least ClinicianShareBelow of the people recorded and 0 when fewer; otherwise unknown.")
    {
        Parameters = [nameof(EvaluationOptions.ClinicianShareBelow)],
    };

    private static readonly HashSet<string> Read = new(StringComparer.Ordinal) { Codes.ClinicianEngagement, Codes.PeopleComplete };

    public override void Define()
    {
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<PersonRole> people = default!;
        IEnumerable<Condition> conditions = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Query(() => people, q => q.Match<PersonRole>(p => p.Initiative == initiative.Name).Collect())
            .Query(() => conditions, q => q.Match<Condition>(c => c.Initiative == initiative.Name, c => Read.Contains(c.Code)).Collect())
            .Having(() => Judge(initiative, people, conditions, settings.Options) != null);

        Then()
            .Yield(_ => Judge(initiative, people, conditions, settings.Options)!);
    }

    /// <summary>The value, or null while it is unknown.</summary>
    public static CodeValue? Judge(InitiativeFact initiative, IEnumerable<PersonRole> people, IEnumerable<Condition> conditions, EvaluationOptions options)
    {
        var byCode = conditions.ToDictionary(c => c.Code, StringComparer.Ordinal);
        if (byCode.GetValueOrDefault(Codes.ClinicianEngagement) is { Value: not ConditionValue.Unknown } coded)
        {
            return CodeValue.DerivedFrom(initiative.Name, DerivedCodes.CliniciansRepresented, coded.Value == ConditionValue.Present ? 1 : 0,
                $"{coded.Code} is {(coded.Value == ConditionValue.Present ? "present" : "absent")}", [coded]);
        }
        if (byCode.GetValueOrDefault(Codes.PeopleComplete) is not { Value: ConditionValue.Present } complete)
        {
            return null;
        }
        var everyone = people.Select(p => p.Person).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var clinicians = people.Where(p => p.Role == "CLINICIAN").Select(p => p.Person).Distinct(StringComparer.Ordinal).Count();
        var share = everyone.Count == 0 ? 0 : (double)clinicians / everyone.Count;
        return CodeValue.DerivedFrom(initiative.Name, DerivedCodes.CliniciansRepresented, share >= options.ClinicianShareBelow ? 1 : 0,
            $"{clinicians} of the {everyone.Count} people declared complete are clinicians", [complete]) with
        {
            Nodes = everyone.Concat(complete.Observations).ToList(),
            Basis = [DerivedCodes.CliniciansRepresented],
        };
    }
}
