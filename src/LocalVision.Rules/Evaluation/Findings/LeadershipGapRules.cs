using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Derivation;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// LEADERSHIP_GAP: an element of the §7.4.1 leadership configuration is missing. One rule per element, so each gap is
/// its own finding. The configuration is judged only when enough people are recorded, or when the element's context
/// code is coded absent; otherwise an unrecorded element is unknown, not missing.
/// </summary>
public abstract class LeadershipGapRule(string element) : Rule
{
    public string Element { get; } = element;

    public override void Define()
    {
        var element = Element;
        var code = LeadershipElements.CodeOf(element);
        EvaluationSettings settings = default!;
        InitiativeFact initiative = default!;
        IEnumerable<PersonRole> people = default!;
        IEnumerable<Condition> absences = default!;

        When()
            .Match(() => settings)
            .Match(() => initiative)
            .Not<LeadershipElement>(e => e.Initiative == initiative.Name && e.Element == element)
            .Query(() => people, q => q.Match<PersonRole>(p => p.Initiative == initiative.Name).Collect())
            .Query(() => absences, q => q.Match<Condition>(c => c.Initiative == initiative.Name, c => c.Code == code,
                c => settings.Options.IsAbsent(c.Score)).Collect())
            .Having(() => Presence.DistinctPeople(people) >= settings.Options.MinimumPeopleForConfiguration || absences.Any());

        Then()
            .Yield(_ => Finding.Of(RuleIds.LeadershipGap, initiative,
                "the leadership configuration lacks " + LeadershipElements.Describe(element) + " ("
                + (absences.Any()
                    ? string.Join("; ", absences.Select(a => a.Describe()))
                    : "none among the " + Presence.DistinctPeople(people) + " people recorded, nor a coded engagement")
                + "), which may weaken the project significantly",
                absences,
                new[] { new DerivedFact("LEADERSHIP_ELEMENT", 0, element + ": missing among the people recorded ("
                    + string.Join(", ", people.Select(p => p.Person + " " + p.Role).Distinct().OrderBy(p => p, StringComparer.Ordinal)) + ")",
                    people.Select(p => p.Person).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList()) },
                null, element));
    }
}

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Senior)]
[Priority(RulePriorities.Find)]
public sealed class SeniorLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Senior);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Political)]
[Priority(RulePriorities.Find)]
public sealed class PoliticalLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Political);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.ProjectLead)]
[Priority(RulePriorities.Find)]
public sealed class ProjectLeadGapRule() : LeadershipGapRule(LeadershipElements.ProjectLead);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Enabler)]
[Priority(RulePriorities.Find)]
public sealed class EnablerGapRule() : LeadershipGapRule(LeadershipElements.Enabler);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Clinical)]
[Priority(RulePriorities.Find)]
public sealed class ClinicalLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Clinical);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Community)]
[Priority(RulePriorities.Find)]
public sealed class CommunityLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Community);
