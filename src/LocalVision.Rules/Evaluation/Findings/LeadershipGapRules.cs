using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Conditions;
using LocalVision.Rules.Evaluation.Derivation;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Findings;

/// <summary>
/// LEADERSHIP_GAP: an element of the §7.4.1 leadership configuration is absent. One finding per element, each on
/// evidence of absence only: the element's code coded absent, or the people declared complete and none in the role.
/// A handful of pseudonymous people is not a census, so without either the element is unknown, not missing.
/// </summary>
public abstract class LeadershipGapRule(string element) : ContextRule(Definition, element)
{
    public static CmoRuleDefinition Definition { get; } = new(
        RuleIds.LeadershipGap,
        "A gap in the leadership configuration",
        Polarity.Risk,
        ["7.4.1"],
        [],
        null,
        Codes.Momentum,
        1,
        "Unhedged on strength: the configuration \"may be weakened significantly by the absence of any particular element\" (§7.4.1).",
        "the leadership configuration lacks {subject} [{context}], which may weaken the project significantly")
    {
        Subjects = LeadershipElements.All
            .Select(e => new RuleSubject(e, LeadershipElements.Describe(e), [ContextTerm.Absent(LeadershipElements.CodeOf(e))]))
            .ToList(),
        Note = "Each element counts once: a gap resting on SENIOR_ENGAGEMENT_EARLY coded absent is the same missing element as SENIOR_LATE's.",
    };
}

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Senior)]
public sealed class SeniorLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Senior);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Political)]
public sealed class PoliticalLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Political);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.ProjectLead)]
public sealed class ProjectLeadGapRule() : LeadershipGapRule(LeadershipElements.ProjectLead);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Enabler)]
public sealed class EnablerGapRule() : LeadershipGapRule(LeadershipElements.Enabler);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Clinical)]
public sealed class ClinicalLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Clinical);

[Name(RuleIds.LeadershipGap + "/" + LeadershipElements.Community)]
public sealed class CommunityLeadershipGapRule() : LeadershipGapRule(LeadershipElements.Community);
