using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>
/// One element of the §7.4.1 leadership configuration, three-valued. Present when its code is coded present, or a person
/// in the role (an Enabler engagement, for the Enabler) is recorded; absent when its code is coded absent, or when the
/// people are declared complete (PEOPLE_COMPLETE present) and none holds the role; otherwise unknown, since the people
/// in the graph are a few pseudonymous stand-ins, not a census.
/// </summary>
[Priority(RulePriorities.Configure)]
public abstract class LeadershipElementRule(string element) : Rule
{
    public static DerivationDefinition Definition { get; } = new(
        RuleIds.DeriveLeadership, "Leadership configuration", "7.4.1",
        LeadershipElements.All.Select(LeadershipElements.CodeOf).ToList(),
        "Each element (senior, political, project lead, Enabler, clinical, community) is present when its code is coded present (SENIOR_ENGAGEMENT_EARLY, POLITICAL_ENGAGEMENT, CLINICIAN_ENGAGEMENT, COMMUNITY_ENGAGEMENT) or someone working for a partner has its role (SENIOR_LEADER, ELECTED_MEMBER, PROJECT_LEAD, CLINICIAN, COMMUNITY_MEMBER; an ENABLES engagement for the Enabler); absent when its code is coded absent, or when PEOPLE_COMPLETE is present and nobody has the role; unknown otherwise. The number of people recorded is never enough on its own.");

    public override void Define()
    {
        var judged = element;
        var role = LeadershipElements.RoleOf(judged);
        var coded = LeadershipElements.CodedBy(judged);
        var codes = new[] { coded, Codes.PeopleComplete }.OfType<string>().ToHashSet(StringComparer.Ordinal);
        InitiativeFact initiative = default!;
        IEnumerable<PersonRole> people = default!;
        IEnumerable<EnablerEngagement> engagements = default!;
        IEnumerable<Condition> conditions = default!;

        When()
            .Match(() => initiative)
            .Query(() => people, q => q.Match<PersonRole>(p => p.Initiative == initiative.Name, p => p.Role == role).Collect())
            .Query(() => engagements, q => q.Match<EnablerEngagement>(e => e.Initiative == initiative.Name).Collect())
            .Query(() => conditions, q => q.Match<Condition>(c => c.Initiative == initiative.Name, c => codes.Contains(c.Code)).Collect())
            .Having(() => Judge(judged, initiative, people, engagements, conditions) != null);

        Then()
            .Yield(_ => Judge(judged, initiative, people, engagements, conditions)!);
    }

    /// <summary>The element's value, or null while it is unknown.</summary>
    public static CodeValue? Judge(
        string element, InitiativeFact initiative, IEnumerable<PersonRole> people, IEnumerable<EnablerEngagement> engagements,
        IEnumerable<Condition> conditions)
    {
        var code = LeadershipElements.CodeOf(element);
        var byCode = conditions.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var coded = LeadershipElements.CodedBy(element) is { } c ? byCode.GetValueOrDefault(c) : null;
        var holders = element == LeadershipElements.Enabler
            ? engagements.Select(e => (Name: e.Enabler, Line: $"{e.DisplayName} ({e.Enabler}) ENABLES it, mode {e.Mode ?? "not recorded"}", e.Illustrative)).ToList()
            : people.Select(p => (Name: p.Person, Line: $"{p.DisplayName} ({p.Person}) is {p.Role} at {p.Partner}", p.Illustrative)).ToList();
        if (coded?.Value == ConditionValue.Present)
        {
            return CodeValue.DerivedFrom(initiative.Name, code, 1, $"{coded.Code} is present", [coded]);
        }
        if (holders.Count > 0)
        {
            return CodeValue.Derived(initiative.Name, code, 1, string.Join("; ", holders.Select(h => h.Line)),
                holders.Select(h => h.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                illustrative: holders.All(h => h.Illustrative));
        }
        if (coded?.Value == ConditionValue.Absent)
        {
            return CodeValue.DerivedFrom(initiative.Name, code, 0, $"{coded.Code} is absent", [coded]);
        }
        if (byCode.GetValueOrDefault(Codes.PeopleComplete) is { Value: ConditionValue.Present } complete)
        {
            // The missing element is the element itself, not the completeness record: each gap counts on its own.
            return CodeValue.DerivedFrom(initiative.Name, code, 0,
                $"the people recorded are declared complete ({complete.Describe()}) and none is {(LeadershipElements.RoleOf(element) ?? "an Enabler")}",
                [complete]) with { Basis = [code] };
        }
        return null;
    }
}

[Name(RuleIds.DeriveLeadership + "/" + LeadershipElements.Senior)]
public sealed class SeniorLeadershipRule() : LeadershipElementRule(LeadershipElements.Senior);

[Name(RuleIds.DeriveLeadership + "/" + LeadershipElements.Political)]
public sealed class PoliticalLeadershipRule() : LeadershipElementRule(LeadershipElements.Political);

[Name(RuleIds.DeriveLeadership + "/" + LeadershipElements.ProjectLead)]
public sealed class ProjectLeadershipRule() : LeadershipElementRule(LeadershipElements.ProjectLead);

[Name(RuleIds.DeriveLeadership + "/" + LeadershipElements.Enabler)]
public sealed class EnablerLeadershipRule() : LeadershipElementRule(LeadershipElements.Enabler);

[Name(RuleIds.DeriveLeadership + "/" + LeadershipElements.Clinical)]
public sealed class ClinicalLeadershipRule() : LeadershipElementRule(LeadershipElements.Clinical);

[Name(RuleIds.DeriveLeadership + "/" + LeadershipElements.Community)]
public sealed class CommunityLeadershipRule() : LeadershipElementRule(LeadershipElements.Community);
