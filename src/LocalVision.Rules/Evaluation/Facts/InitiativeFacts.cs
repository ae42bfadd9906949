namespace LocalVision.Rules.Evaluation.Facts;

/// <summary>The initiative being evaluated, with its locality.</summary>
/// <param name="Name">Resource name, e.g. <c>initiatives/plymouth-local-vision</c>.</param>
/// <param name="Kind">LV_PROJECT or PROGRAMME.</param>
/// <param name="Level">STRATEGIC, COMMUNITY or MIXED; null when not recorded.</param>
public sealed record InitiativeFact(
    string Name,
    string DisplayName,
    string? Kind,
    int? Cohort,
    string? Level,
    DateOnly? Start,
    DateOnly? End,
    double? Funding,
    string? Focus,
    string? Locality,
    string? LocalityDisplayName);

/// <summary>A partner organisation in the initiative: <c>(Partner)-[:PARTNER_IN {role, from, to}]-&gt;(Initiative)</c>.</summary>
/// <param name="Role">LEAD, SPONSOR or MEMBER.</param>
/// <param name="Kind">The partner's kind: LOCAL_AUTHORITY, CCG, PUBLIC_HEALTH, HWBB, ...</param>
/// <param name="Illustrative">True when the partner or the tie is marked illustrative (seen only when the caller includes such data).</param>
public sealed record Partnership(
    string Initiative, string Partner, string DisplayName, string? Kind, string Role, DateOnly? From, DateOnly? To, bool Illustrative = false);

/// <summary>A person working for a partner in the initiative: <c>(Person)-[:WORKS_FOR {from, to}]-&gt;(Partner)</c>.</summary>
/// <param name="Role">SENIOR_LEADER, ELECTED_MEMBER, PROJECT_LEAD, PROJECT_SUPPORT, CLINICIAN, FRONTLINE or COMMUNITY_MEMBER.</param>
public sealed record PersonRole(
    string Initiative, string Person, string DisplayName, string Role, string? Seniority, string Partner, DateOnly? From, DateOnly? To,
    bool Illustrative = false);

/// <summary>An Enabler's engagement: <c>(Enabler)-[:ENABLES {from, to, mode, days}]-&gt;(Initiative)</c>.</summary>
/// <param name="Mode">SOLE, PAIR, LEAD, JOINED or REPLACED.</param>
public sealed record EnablerEngagement(
    string Initiative, string Enabler, string DisplayName, DateOnly? From, DateOnly? To, string? Mode, double? Days, bool Illustrative = false);

/// <summary>
/// A tie between an Enabler of the initiative and one of its stakeholders:
/// <c>(Enabler)-[:KNOWN_TO {since}]-&gt;(Person|Partner)</c>, where the person works for, or the partner is, a partner in it.
/// </summary>
/// <param name="Evidence">Evidence the tie names in its <c>evidence</c> property, when it may be shown.</param>
public sealed record EnablerTie(
    string Initiative, string Enabler, string Stakeholder, DateOnly? Since, bool Illustrative = false, IReadOnlyList<string>? Evidence = null);

/// <summary>Another programme the initiative ran beside: <c>(Initiative)-[:ALIGNED_WITH {effect}]-&gt;(Initiative)</c>.</summary>
/// <param name="Names">The programme's name, display name and <c>programme</c> property, for recognising which programme it is.</param>
/// <param name="Effect">COMPLEMENTS, DISTRACTS or MIXED; null when not recorded.</param>
public sealed record ProgrammeAlignment(
    string Initiative, string Programme, string DisplayName, IReadOnlyList<string> Names, string? Effect, bool Illustrative = false);

/// <summary>Follow-on funding: <c>(Initiative)-[:FOLLOWED_BY]-&gt;(Initiative)</c>.</summary>
public sealed record FollowOn(string Initiative, string Successor, string DisplayName, DateOnly? SuccessorStart, bool Illustrative = false);

/// <summary>One coded judgement: <c>(Initiative)-[:OBSERVED]-&gt;(Observation)</c>, with the evidence that supports it.</summary>
/// <param name="At">When the condition held (the report often dates it: a project's start, an MOU's signing).</param>
/// <param name="Confidence">H, M or L.</param>
/// <param name="Evidence">The Evidence nodes with <c>SUPPORTS</c> to this observation that the scope shows, in name order.</param>
/// <param name="RecordedAt">When the evaluators learned it; <paramref name="At"/> when not recorded.</param>
public sealed record ObservationFact(
    string Name,
    string Initiative,
    string Code,
    double Score,
    DateOnly At,
    string? Confidence,
    string? Section,
    IReadOnlyList<string> Evidence,
    DateOnly RecordedAt,
    bool Illustrative = false);

/// <summary>A result the initiative achieved: <c>(Initiative)-[:ACHIEVED {attribution}]-&gt;(Outcome)</c>.</summary>
/// <param name="Domain">The outcome code (IMPROVING_SERVICES, ...).</param>
/// <param name="Trend">RISING, FALLING, ... when the outcome is a measured indicator; null otherwise.</param>
public sealed record OutcomeFact(
    string Name,
    string Initiative,
    string DisplayName,
    string Domain,
    string? Indicator,
    string? Trend,
    DateOnly? At,
    string? Attribution,
    IReadOnlyList<string> Evidence,
    bool Illustrative = false);

/// <summary>What the evaluation may use and its thresholds; one per session, matched by every rule that needs them.</summary>
public sealed record EvaluationSettings(EvidenceScope Scope, EvaluationOptions Options)
{
    public DateOnly AsOf => Scope.AsOf;
}

/// <summary>Everything projected from the graph for one initiative as of a date: the facts a session starts from.</summary>
public sealed record InitiativeFacts(
    InitiativeFact Initiative,
    EvidenceScope Scope,
    IReadOnlyList<Partnership> Partners,
    IReadOnlyList<PersonRole> People,
    IReadOnlyList<EnablerEngagement> Enablers,
    IReadOnlyList<EnablerTie> EnablerTies,
    IReadOnlyList<ProgrammeAlignment> Alignments,
    IReadOnlyList<FollowOn> FollowOns,
    IReadOnlyList<ObservationFact> Observations,
    IReadOnlyList<OutcomeFact> Outcomes)
{
    public DateOnly AsOf => Scope.AsOf;

    /// <summary>Every fact, to insert into a session.</summary>
    public IEnumerable<object> All()
    {
        yield return Initiative;
        foreach (var fact in Partners.Concat<object>(People).Concat(Enablers).Concat(EnablerTies).Concat(Alignments)
                     .Concat(FollowOns).Concat(Observations).Concat(Outcomes))
        {
            yield return fact;
        }
    }
}
