using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Evaluation.Facts;

/// <summary>
/// Projects the graph around one initiative into the facts a rule session starts from. This is the only place
/// that knows the graph's shape; rules see facts only.
/// </summary>
/// <remarks>
/// The rules of evidence are applied here, once, so that no rule can see what the scope excludes. A fact counts only
/// if it held by the as-of date (observations and outcomes by <c>at</c>; partners, people, Enabler engagements and ties
/// from their <c>from</c>/<c>since</c>; a follow-on once the successor has started) and, unless the scope is "as we now
/// know", was recorded by it (<c>recordedAt</c> on any node or relationship; an observation's defaults to its <c>at</c>).
/// Anything marked <c>illustrative: true</c> is left out unless the scope includes it, and then carries the mark.
/// Evidence dated after the as-of date is neither cited nor shown. A missing date never excludes a fact, because
/// structure recorded without dates is taken to hold throughout. A fact that ended before the date (a past <c>to</c>)
/// still counts, since it held during the project; the rules that care about endings read the <c>to</c> dates.
/// </remarks>
public static class FactProjection
{
    /// <exception cref="GraphValidationException">The name is malformed or names a node of another label.</exception>
    /// <exception cref="NodeNotFoundException">There is no such initiative.</exception>
    public static async Task<InitiativeFacts> ProjectAsync(
        IGraphReader reader, string initiative, EvidenceScope scope, CancellationToken cancellationToken)
    {
        CheckInitiativeName(initiative);
        var node = await reader.GetNodeAsync(initiative, cancellationToken) ?? throw new NodeNotFoundException(initiative);
        var edges = await reader.GetRelationshipsAsync(initiative, null, Direction.Both, cancellationToken);

        var outgoing = edges.Where(e => e.Start == initiative && Recorded(e, scope)).ToLookup(e => e.Type, StringComparer.Ordinal);
        var incoming = edges.Where(e => e.End == initiative && Recorded(e, scope)).ToLookup(e => e.Type, StringComparer.Ordinal);
        var partnerEdges = incoming[RelationshipTypes.PartnerIn].Where(e => HeldBy(e, "from", scope)).ToList();
        var enablerEdges = incoming[RelationshipTypes.Enables].Where(e => HeldBy(e, "from", scope)).ToList();
        var localityName = outgoing[RelationshipTypes.InLocality].Select(e => e.End).Order(StringComparer.Ordinal).FirstOrDefault();

        var neighbours = await NodesByName(reader,
            partnerEdges.Select(e => e.Start)
                .Concat(enablerEdges.Select(e => e.Start))
                .Concat(outgoing[RelationshipTypes.AlignedWith].Select(e => e.End))
                .Concat(outgoing[RelationshipTypes.FollowedBy].Select(e => e.End))
                .Concat(outgoing[RelationshipTypes.Observed].Select(e => e.End))
                .Concat(outgoing[RelationshipTypes.Achieved].Select(e => e.End))
                .Concat(localityName is null ? [] : [localityName]),
            scope, cancellationToken);

        var locality = localityName is null ? null : neighbours.GetValueOrDefault(localityName);
        var initiativeFact = new InitiativeFact(
            initiative,
            node.DisplayName,
            node.GetString("kind"),
            node.GetNumber("cohort") is { } cohort ? (int)cohort : null,
            node.GetString("level"),
            Date(node.GetString("start")),
            Date(node.GetString("end")),
            node.GetNumber("funding"),
            node.GetString("focus"),
            locality?.Name,
            locality?.DisplayName);

        var partners = partnerEdges
            .Where(e => neighbours.ContainsKey(e.Start))
            .Select(e => new Partnership(initiative, e.Start, neighbours[e.Start].DisplayName, neighbours[e.Start].GetString("kind"),
                e.GetString("role") ?? "MEMBER", Date(e.GetString("from")), Date(e.GetString("to")),
                IsIllustrative(e.Properties) || IsIllustrative(neighbours[e.Start].Properties)))
            .OrderBy(p => p.Partner, StringComparer.Ordinal).ThenBy(p => p.Role, StringComparer.Ordinal)
            .ToList();

        var people = await PeopleAsync(reader, initiative, partners, scope, cancellationToken);

        var enablers = enablerEdges
            .Where(e => neighbours.ContainsKey(e.Start))
            .Select(e => new EnablerEngagement(initiative, e.Start, neighbours[e.Start].DisplayName,
                Date(e.GetString("from")), Date(e.GetString("to")), e.GetString("mode"), e.GetNumber("days"),
                IsIllustrative(e.Properties) || IsIllustrative(neighbours[e.Start].Properties)))
            .OrderBy(e => e.Enabler, StringComparer.Ordinal).ThenBy(e => e.From)
            .ToList();

        var ties = await TiesAsync(reader, initiative, enablers, partners, people, scope, cancellationToken);

        var alignments = outgoing[RelationshipTypes.AlignedWith]
            .Where(e => neighbours.ContainsKey(e.End))
            .Select(e =>
            {
                var programme = neighbours[e.End];
                var names = new[] { programme.GetString("name"), programme.DisplayName, programme.GetString("programme") }
                    .OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                return new ProgrammeAlignment(initiative, e.End, programme.DisplayName, names, e.GetString("effect"),
                    IsIllustrative(e.Properties) || IsIllustrative(programme.Properties));
            })
            .OrderBy(a => a.Programme, StringComparer.Ordinal)
            .ToList();

        var followOns = outgoing[RelationshipTypes.FollowedBy]
            .Where(e => neighbours.ContainsKey(e.End))
            .Select(e => new FollowOn(initiative, e.End, neighbours[e.End].DisplayName, Date(neighbours[e.End].GetString("start")),
                IsIllustrative(e.Properties) || IsIllustrative(neighbours[e.End].Properties)))
            .Where(f => f.SuccessorStart is null || f.SuccessorStart <= scope.AsOf)
            .OrderBy(f => f.Successor, StringComparer.Ordinal)
            .ToList();

        var observations = new List<ObservationFact>();
        foreach (var edge in outgoing[RelationshipTypes.Observed].OrderBy(e => e.End, StringComparer.Ordinal))
        {
            if (neighbours.GetValueOrDefault(edge.End) is not { } observation
                || Date(observation.GetString("at")) is not { } at
                || observation.GetString("code") is not { } code || observation.GetNumber("score") is not { } score)
            {
                continue;
            }
            var recordedAt = Date(observation.GetString("recordedAt")) ?? at;
            var illustrative = IsIllustrative(observation.Properties) || IsIllustrative(edge.Properties);
            if (!scope.Counts(at, recordedAt, illustrative))
            {
                continue;
            }
            observations.Add(new ObservationFact(observation.Name, initiative, code, score, at,
                observation.GetString("confidence"), observation.GetString("section"),
                await EvidenceAsync(reader, observation.Name, scope, cancellationToken), recordedAt, illustrative));
        }

        var outcomes = new List<OutcomeFact>();
        foreach (var edge in outgoing[RelationshipTypes.Achieved].OrderBy(e => e.End, StringComparer.Ordinal))
        {
            if (neighbours.GetValueOrDefault(edge.End) is not { } outcome || outcome.GetString("domain") is not { } domain)
            {
                continue;
            }
            var at = Date(outcome.GetString("at"));
            if (at > scope.AsOf)
            {
                continue;
            }
            outcomes.Add(new OutcomeFact(outcome.Name, initiative, outcome.DisplayName, domain, outcome.GetString("indicator"),
                outcome.GetString("trend"), at, edge.GetString("attribution"), await EvidenceAsync(reader, outcome.Name, scope, cancellationToken),
                IsIllustrative(outcome.Properties) || IsIllustrative(edge.Properties)));
        }

        return new InitiativeFacts(initiativeFact, scope, partners, people, enablers, ties, alignments, followOns, observations, outcomes);
    }

    /// <exception cref="GraphValidationException">The name is malformed or names a node of another label.</exception>
    public static void CheckInitiativeName(string name)
    {
        var problem = GraphSchema.CheckName(name, out var label);
        if (problem is not null)
        {
            throw GraphValidationException.Single("name", problem);
        }
        if (label != Labels.Initiative)
        {
            throw GraphValidationException.Single("name",
                $"`{name}` names a {label}; only initiatives ({Labels.CollectionOf(Labels.Initiative)}/...) can be evaluated");
        }
    }

    /// <summary>Whether data is marked as invented for the sample (<c>illustrative: true</c>).</summary>
    public static bool IsIllustrative(JsonObject properties) => JsonValues.AsBoolean(properties["illustrative"]) == true;

    private static async Task<List<PersonRole>> PeopleAsync(
        IGraphReader reader, string initiative, IReadOnlyList<Partnership> partners, EvidenceScope scope, CancellationToken cancellationToken)
    {
        var works = new List<GraphRelationship>();
        foreach (var partner in partners.Select(p => p.Partner).Distinct(StringComparer.Ordinal))
        {
            var edges = await reader.GetRelationshipsAsync(partner, RelationshipTypes.WorksFor, Direction.Incoming, cancellationToken);
            works.AddRange(edges.Where(e => HeldBy(e, "from", scope) && Recorded(e, scope)));
        }
        var persons = await NodesByName(reader, works.Select(w => w.Start), scope, cancellationToken);
        return works
            .Where(w => persons.ContainsKey(w.Start) && persons[w.Start].GetString("role") is not null)
            .Select(w => new PersonRole(initiative, w.Start, persons[w.Start].DisplayName, persons[w.Start].GetString("role")!,
                persons[w.Start].GetString("seniority"), w.End, Date(w.GetString("from")), Date(w.GetString("to")),
                IsIllustrative(w.Properties) || IsIllustrative(persons[w.Start].Properties)))
            .OrderBy(p => p.Person, StringComparer.Ordinal).ThenBy(p => p.Partner, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<List<EnablerTie>> TiesAsync(
        IGraphReader reader, string initiative, IReadOnlyList<EnablerEngagement> enablers, IReadOnlyList<Partnership> partners,
        IReadOnlyList<PersonRole> people, EvidenceScope scope, CancellationToken cancellationToken)
    {
        var stakeholders = partners.Select(p => p.Partner).Concat(people.Select(p => p.Person)).ToHashSet(StringComparer.Ordinal);
        var ties = new List<EnablerTie>();
        foreach (var enabler in enablers.Select(e => e.Enabler).Distinct(StringComparer.Ordinal))
        {
            var known = await reader.GetRelationshipsAsync(enabler, RelationshipTypes.KnownTo, Direction.Outgoing, cancellationToken);
            foreach (var tie in known.Where(k => stakeholders.Contains(k.End) && HeldBy(k, "since", scope) && Recorded(k, scope)))
            {
                // A tie may name the evidence it rests on; it is cited when the scope may show it.
                var evidence = tie.GetString("evidence") is { } name && await reader.GetNodeAsync(name, cancellationToken) is { } node
                    && node.Label == Labels.Evidence && scope.Shows(Date(node.GetString("date")), IsIllustrative(node.Properties))
                    ? new[] { name }
                    : [];
                ties.Add(new EnablerTie(initiative, enabler, tie.End, Date(tie.GetString("since")), IsIllustrative(tie.Properties), evidence));
            }
        }
        ties.Sort((a, b) => string.CompareOrdinal(a.Enabler + "\n" + a.Stakeholder, b.Enabler + "\n" + b.Stakeholder));
        return ties;
    }

    /// <summary>The evidence supporting an observation or outcome that the scope may show, in name order.</summary>
    private static async Task<IReadOnlyList<string>> EvidenceAsync(IGraphReader reader, string supported, EvidenceScope scope, CancellationToken cancellationToken)
    {
        var supports = await reader.GetRelationshipsAsync(supported, RelationshipTypes.Supports, Direction.Incoming, cancellationToken);
        var evidence = await reader.GetNodesAsync(supports.Select(s => s.Start).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        return evidence
            .Where(e => scope.Shows(Date(e.GetString("date")), IsIllustrative(e.Properties)) && Recorded(e.Properties, scope))
            .Select(e => e.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The named nodes that exist and the scope may use (not illustrative unless included, recorded by the date).</summary>
    private static async Task<Dictionary<string, GraphNode>> NodesByName(
        IGraphReader reader, IEnumerable<string> names, EvidenceScope scope, CancellationToken cancellationToken)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var nodes = await reader.GetNodesAsync(distinct, cancellationToken);
        return nodes
            .Where(n => (scope.IncludeIllustrative || !IsIllustrative(n.Properties)) && (n.Label == Labels.Observation || Recorded(n.Properties, scope)))
            .ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>Whether a relationship dated by <paramref name="property"/> held by the date; undated ones always do.</summary>
    private static bool HeldBy(GraphRelationship relationship, string property, EvidenceScope scope) =>
        Date(relationship.GetString(property)) is not { } date || date <= scope.AsOf;

    /// <summary>Whether a relationship may be used: recorded by the date (or as we now know), and not illustrative unless included.</summary>
    private static bool Recorded(GraphRelationship relationship, EvidenceScope scope) =>
        Recorded(relationship.Properties, scope) && (scope.IncludeIllustrative || !IsIllustrative(relationship.Properties));

    private static bool Recorded(JsonObject properties, EvidenceScope scope) =>
        scope.AsNowKnown || Date(JsonValues.AsString(properties["recordedAt"])) is not { } recorded || recorded <= scope.AsOf;

    private static DateOnly? Date(string? text) =>
        text is not null && PropertyRule.TryParseDate(text, out var date) ? date : null;
}
