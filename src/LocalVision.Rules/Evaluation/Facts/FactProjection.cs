using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;
using LocalVision.Graph.Store;

namespace LocalVision.Rules.Evaluation.Facts;

/// <summary>
/// Projects the graph around one initiative into the facts a rule session starts from. This is the only place
/// that knows the graph's shape; rules see facts only.
/// </summary>
/// <remarks>
/// "As of" is applied here: a fact counts only if it was there by the date. Observations count when
/// <c>at</c> ≤ as-of; outcomes when <c>at</c> ≤ as-of; partners, people, Enabler engagements and ties from their
/// <c>from</c>/<c>since</c> onward; a follow-on once the successor has started. A missing date never excludes a fact,
/// because structure recorded without dates is taken to hold throughout. A fact that ended before the date (a past
/// <c>to</c>) still counts, since it held during the project; the rules that care about endings (the Enabler's exit,
/// a change of project lead) read the <c>to</c> dates. Which value of a code is current is left to a rule (the latest
/// observation as of the date).
/// </remarks>
public static class FactProjection
{
    /// <exception cref="GraphValidationException">The name is malformed or names a node of another label.</exception>
    /// <exception cref="NodeNotFoundException">There is no such initiative.</exception>
    public static async Task<InitiativeFacts> ProjectAsync(
        IGraphReader reader, string initiative, DateOnly asOf, CancellationToken cancellationToken)
    {
        CheckInitiativeName(initiative);
        var node = await reader.GetNodeAsync(initiative, cancellationToken) ?? throw new NodeNotFoundException(initiative);
        var edges = await reader.GetRelationshipsAsync(initiative, null, Direction.Both, cancellationToken);

        var outgoing = edges.Where(e => e.Start == initiative).ToLookup(e => e.Type, StringComparer.Ordinal);
        var incoming = edges.Where(e => e.End == initiative).ToLookup(e => e.Type, StringComparer.Ordinal);
        var partnerEdges = incoming[RelationshipTypes.PartnerIn].Where(e => CountsBy(e, "from", asOf)).ToList();
        var enablerEdges = incoming[RelationshipTypes.Enables].Where(e => CountsBy(e, "from", asOf)).ToList();
        var localityName = outgoing[RelationshipTypes.InLocality].Select(e => e.End).Order(StringComparer.Ordinal).FirstOrDefault();

        var neighbours = await NodesByName(reader,
            partnerEdges.Select(e => e.Start)
                .Concat(enablerEdges.Select(e => e.Start))
                .Concat(outgoing[RelationshipTypes.AlignedWith].Select(e => e.End))
                .Concat(outgoing[RelationshipTypes.FollowedBy].Select(e => e.End))
                .Concat(outgoing[RelationshipTypes.Observed].Select(e => e.End))
                .Concat(outgoing[RelationshipTypes.Achieved].Select(e => e.End))
                .Concat(localityName is null ? [] : [localityName]),
            cancellationToken);

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
                e.GetString("role") ?? "MEMBER", Date(e.GetString("from")), Date(e.GetString("to"))))
            .OrderBy(p => p.Partner, StringComparer.Ordinal).ThenBy(p => p.Role, StringComparer.Ordinal)
            .ToList();

        var people = await PeopleAsync(reader, initiative, partners, asOf, cancellationToken);

        var enablers = enablerEdges
            .Where(e => neighbours.ContainsKey(e.Start))
            .Select(e => new EnablerEngagement(initiative, e.Start, neighbours[e.Start].DisplayName,
                Date(e.GetString("from")), Date(e.GetString("to")), e.GetString("mode"), e.GetNumber("days")))
            .OrderBy(e => e.Enabler, StringComparer.Ordinal).ThenBy(e => e.From)
            .ToList();

        var stakeholders = partners.Select(p => p.Partner).Concat(people.Select(p => p.Person)).ToHashSet(StringComparer.Ordinal);
        var ties = new List<EnablerTie>();
        foreach (var enabler in enablers.Select(e => e.Enabler).Distinct(StringComparer.Ordinal))
        {
            var known = await reader.GetRelationshipsAsync(enabler, RelationshipTypes.KnownTo, Direction.Outgoing, cancellationToken);
            ties.AddRange(known
                .Where(k => stakeholders.Contains(k.End) && CountsBy(k, "since", asOf))
                .Select(k => new EnablerTie(initiative, enabler, k.End, Date(k.GetString("since")))));
        }
        ties.Sort((a, b) => string.CompareOrdinal(a.Enabler + "\n" + a.Stakeholder, b.Enabler + "\n" + b.Stakeholder));

        var alignments = outgoing[RelationshipTypes.AlignedWith]
            .Where(e => neighbours.ContainsKey(e.End))
            .Select(e =>
            {
                var programme = neighbours[e.End];
                var names = new[] { programme.GetString("name"), programme.DisplayName, programme.GetString("programme") }
                    .OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                return new ProgrammeAlignment(initiative, e.End, programme.DisplayName, names, e.GetString("effect"));
            })
            .OrderBy(a => a.Programme, StringComparer.Ordinal)
            .ToList();

        var followOns = outgoing[RelationshipTypes.FollowedBy]
            .Where(e => neighbours.ContainsKey(e.End))
            .Select(e => new FollowOn(initiative, e.End, neighbours[e.End].DisplayName, Date(neighbours[e.End].GetString("start"))))
            .Where(f => f.SuccessorStart is null || f.SuccessorStart <= asOf)
            .OrderBy(f => f.Successor, StringComparer.Ordinal)
            .ToList();

        var observations = new List<ObservationFact>();
        foreach (var edge in outgoing[RelationshipTypes.Observed].OrderBy(e => e.End, StringComparer.Ordinal))
        {
            if (neighbours.GetValueOrDefault(edge.End) is not { } observation
                || Date(observation.GetString("at")) is not { } at || at > asOf
                || observation.GetString("code") is not { } code || observation.GetNumber("score") is not { } score)
            {
                continue;
            }
            observations.Add(new ObservationFact(observation.Name, initiative, code, score, at,
                observation.GetString("confidence"), observation.GetString("section"),
                await EvidenceAsync(reader, observation.Name, cancellationToken)));
        }

        var outcomes = new List<OutcomeFact>();
        foreach (var edge in outgoing[RelationshipTypes.Achieved].OrderBy(e => e.End, StringComparer.Ordinal))
        {
            if (neighbours.GetValueOrDefault(edge.End) is not { } outcome || outcome.GetString("domain") is not { } domain)
            {
                continue;
            }
            var at = Date(outcome.GetString("at"));
            if (at > asOf)
            {
                continue;
            }
            outcomes.Add(new OutcomeFact(outcome.Name, initiative, outcome.DisplayName, domain, outcome.GetString("indicator"),
                outcome.GetString("trend"), at, edge.GetString("attribution"), await EvidenceAsync(reader, outcome.Name, cancellationToken)));
        }

        return new InitiativeFacts(initiativeFact, asOf, partners, people, enablers, ties, alignments, followOns, observations, outcomes);
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

    private static async Task<List<PersonRole>> PeopleAsync(
        IGraphReader reader, string initiative, IReadOnlyList<Partnership> partners, DateOnly asOf, CancellationToken cancellationToken)
    {
        var works = new List<GraphRelationship>();
        foreach (var partner in partners.Select(p => p.Partner).Distinct(StringComparer.Ordinal))
        {
            var edges = await reader.GetRelationshipsAsync(partner, RelationshipTypes.WorksFor, Direction.Incoming, cancellationToken);
            works.AddRange(edges.Where(e => CountsBy(e, "from", asOf)));
        }
        var persons = await NodesByName(reader, works.Select(w => w.Start), cancellationToken);
        return works
            .Where(w => persons.ContainsKey(w.Start) && persons[w.Start].GetString("role") is not null)
            .Select(w => new PersonRole(initiative, w.Start, persons[w.Start].DisplayName, persons[w.Start].GetString("role")!,
                persons[w.Start].GetString("seniority"), w.End, Date(w.GetString("from")), Date(w.GetString("to"))))
            .OrderBy(p => p.Person, StringComparer.Ordinal).ThenBy(p => p.Partner, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<IReadOnlyList<string>> EvidenceAsync(IGraphReader reader, string supported, CancellationToken cancellationToken)
    {
        var supports = await reader.GetRelationshipsAsync(supported, RelationshipTypes.Supports, Direction.Incoming, cancellationToken);
        return supports.Select(s => s.Start).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<Dictionary<string, GraphNode>> NodesByName(
        IGraphReader reader, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var nodes = await reader.GetNodesAsync(distinct, cancellationToken);
        return nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>Whether a relationship dated by <paramref name="property"/> existed by the date; undated ones always do.</summary>
    private static bool CountsBy(GraphRelationship relationship, string property, DateOnly asOf) =>
        Date(relationship.GetString(property)) is not { } date || date <= asOf;

    private static DateOnly? Date(string? text) =>
        text is not null && PropertyRule.TryParseDate(text, out var date) ? date : null;
}
