using LocalVision.Rules.Evaluation.Catalogue;
using LocalVision.Rules.Evaluation.Facts;
using NRules.Fluent.Dsl;

namespace LocalVision.Rules.Evaluation.Derivation;

/// <summary>A person's role in a partner of the initiative fills an element of the leadership configuration (§7.4.1).</summary>
[Name(RuleIds.DeriveLeadership + "/PERSON")]
[Priority(RulePriorities.Derive)]
public sealed class LeadershipFromPersonRule : Rule
{
    public override void Define()
    {
        PersonRole person = default!;

        When()
            .Match(() => person, p => LeadershipElements.OfRole(p.Role) != null);

        Then()
            .Yield(_ => new LeadershipElement(person.Initiative, LeadershipElements.OfRole(person.Role)!,
                person.DisplayName + " (" + person.Person + ") is " + person.Role + " at " + person.Partner,
                new[] { person.Person, person.Partner }));
    }
}

/// <summary>An Enabler engaged on the initiative is the Enabler element of the configuration (§7.4.1).</summary>
[Name(RuleIds.DeriveLeadership + "/ENABLER")]
[Priority(RulePriorities.Derive)]
public sealed class LeadershipFromEnablerRule : Rule
{
    public override void Define()
    {
        EnablerEngagement engagement = default!;

        When()
            .Match(() => engagement);

        Then()
            .Yield(_ => new LeadershipElement(engagement.Initiative, LeadershipElements.Enabler,
                engagement.DisplayName + " (" + engagement.Enabler + ") ENABLES it, mode " + (engagement.Mode ?? "not recorded"),
                new[] { engagement.Enabler }));
    }
}

/// <summary>A present context code (senior, political, clinician or community engagement) shows its element even without such a person recorded.</summary>
[Name(RuleIds.DeriveLeadership + "/CODED")]
[Priority(RulePriorities.Configure)]
public sealed class LeadershipFromConditionRule : Rule
{
    public override void Define()
    {
        EvaluationSettings settings = default!;
        Condition condition = default!;

        When()
            .Match(() => settings)
            .Match(() => condition, c => LeadershipElements.OfCode(c.Code) != null, c => settings.Options.IsPresent(c.Score));

        Then()
            .Yield(_ => new LeadershipElement(condition.Initiative, LeadershipElements.OfCode(condition.Code)!,
                condition.Describe(), condition.Observations.Concat(condition.DerivedFacts.SelectMany(d => d.Nodes)).ToList()));
    }
}

/// <summary>A project lead who left and another who started on or after that day make a change of lead (§7.2.3).</summary>
[Name(RuleIds.DeriveProjectLeadChange)]
[Priority(RulePriorities.Derive)]
public sealed class ProjectLeadChangeRule : Rule
{
    public override void Define()
    {
        PersonRole outgoing = default!;
        PersonRole incoming = default!;

        When()
            .Match(() => outgoing, p => p.Role == "PROJECT_LEAD", p => p.To != null)
            .Match(() => incoming, p => p.Initiative == outgoing.Initiative, p => p.Role == "PROJECT_LEAD",
                p => p.Person != outgoing.Person, p => p.From != null && p.From >= outgoing.To);

        Then()
            .Yield(_ => new ProjectLeadChange(outgoing.Initiative, outgoing, incoming));
    }
}
