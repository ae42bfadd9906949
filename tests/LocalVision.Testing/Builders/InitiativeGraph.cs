using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Schema;

namespace LocalVision.Testing.Builders;

/// <summary>
/// A small graph around one initiative, in the dataset's shape (its locality, partners, people, Enabler, observations
/// with their evidence, outcomes), as nodes and relationships to write to a store or to project facts from.
/// </summary>
public sealed class InitiativeGraph
{
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<GraphRelationship> _relationships = [];
    private int _observations;

    public InitiativeGraph(string slug = "test-project", string? level = "STRATEGIC", string? start = "2013-11-01", string? end = "2014-10-01")
    {
        Initiative = $"initiatives/{slug}";
        Slug = slug;
        var properties = new JsonObject { ["name"] = $"{slug} project", ["kind"] = "LV_PROJECT", ["cohort"] = 1 };
        Set(properties, "level", level);
        Set(properties, "start", start);
        Set(properties, "end", end);
        Node(Initiative, Labels.Initiative, $"{slug} project", properties);
        Node($"localities/{slug}", Labels.Locality, $"{slug} locality", new JsonObject { ["name"] = $"{slug} locality", ["laType"] = "UNITARY" });
        Relate(RelationshipTypes.InLocality, Initiative, $"localities/{slug}");
    }

    public string Initiative { get; }

    public string Slug { get; }

    public IReadOnlyCollection<GraphNode> Nodes => _nodes.Values;

    public IReadOnlyList<GraphRelationship> Relationships => _relationships;

    public GraphBatch Batch() => new(_nodes.Values.ToList(), _relationships.ToList());

    /// <summary>An observation with one supporting evidence node; returns the observation's name.</summary>
    /// <param name="recordedAt">When the evaluators learned it; left out (so: <paramref name="at"/>) when null.</param>
    /// <param name="evidenceDate">The supporting evidence's date; undated when null.</param>
    public InitiativeGraph Observe(
        string code, double score, string at = "2015-09-01", string confidence = "H", string? name = null, string? recordedAt = null,
        bool illustrative = false, string? evidenceDate = null)
    {
        var observation = name ?? $"observations/{Slug}-{Slugify(code)}-{++_observations}";
        var properties = new JsonObject
        {
            ["code"] = code, ["score"] = score, ["at"] = at, ["confidence"] = confidence, ["section"] = "7",
        };
        Set(properties, "recordedAt", recordedAt);
        if (illustrative)
        {
            properties["illustrative"] = true;
        }
        Node(observation, Labels.Observation, code, properties);
        Relate(RelationshipTypes.Observed, Initiative, observation);
        var evidence = "evidence/" + observation["observations/".Length..];
        var evidenceProperties = new JsonObject { ["kind"] = "INTERVIEW", ["summary"] = $"says {code} is {score}" };
        Set(evidenceProperties, "date", evidenceDate);
        Node(evidence, Labels.Evidence, "evidence", evidenceProperties);
        Relate(RelationshipTypes.Supports, evidence, observation);
        Relate(RelationshipTypes.About, evidence, Initiative);
        return this;
    }

    /// <summary>Sets a property of the initiative, e.g. <c>applicant</c> or <c>funding</c>.</summary>
    public InitiativeGraph With(string property, JsonNode? value)
    {
        _nodes[Initiative].Properties[property] = value;
        return this;
    }

    public InitiativeGraph Partner(string slug, string kind, string role = "MEMBER", string? from = null)
    {
        Node($"partners/{slug}", Labels.Partner, slug, new JsonObject { ["name"] = slug, ["kind"] = kind });
        var properties = new JsonObject { ["role"] = role };
        Set(properties, "from", from);
        Relate(RelationshipTypes.PartnerIn, $"partners/{slug}", Initiative, properties);
        return this;
    }

    public InitiativeGraph Person(string slug, string role, string partnerSlug, string? from = null, string? to = null)
    {
        Node($"people/{slug}", Labels.Person, slug, new JsonObject { ["role"] = role, ["pseudonym"] = slug });
        var properties = new JsonObject();
        Set(properties, "from", from);
        Set(properties, "to", to);
        Relate(RelationshipTypes.WorksFor, $"people/{slug}", $"partners/{partnerSlug}", properties);
        return this;
    }

    public InitiativeGraph Enabler(string slug, string? from = "2013-11-01", string? to = "2014-10-01", string mode = "SOLE")
    {
        Node($"enablers/{slug}", Labels.Enabler, slug, new JsonObject { ["pseudonym"] = slug });
        var properties = new JsonObject { ["mode"] = mode, ["days"] = 20 };
        Set(properties, "from", from);
        Set(properties, "to", to);
        Relate(RelationshipTypes.Enables, $"enablers/{slug}", Initiative, properties);
        return this;
    }

    public InitiativeGraph KnownTo(string enablerSlug, string stakeholder, string? since, bool illustrative = false, string? evidence = null)
    {
        var properties = new JsonObject();
        Set(properties, "since", since);
        if (illustrative)
        {
            properties["illustrative"] = true;
        }
        if (evidence is not null)
        {
            Set(properties, "evidence", evidence);
            Node(evidence, Labels.Evidence, "tie evidence", new JsonObject { ["kind"] = "INTERVIEW", ["summary"] = "an invented tie", ["illustrative"] = illustrative });
        }
        Relate(RelationshipTypes.KnownTo, $"enablers/{enablerSlug}", stakeholder, properties);
        return this;
    }

    public InitiativeGraph AlignedWith(string slug, string name, string? effect)
    {
        Node($"initiatives/{slug}", Labels.Initiative, name, new JsonObject { ["name"] = name, ["kind"] = "PROGRAMME" });
        var properties = new JsonObject();
        Set(properties, "effect", effect);
        Relate(RelationshipTypes.AlignedWith, Initiative, $"initiatives/{slug}", properties);
        return this;
    }

    public InitiativeGraph FollowedBy(string slug, string? start)
    {
        var properties = new JsonObject { ["name"] = $"{slug} follow-on", ["kind"] = "LV_PROJECT" };
        Set(properties, "start", start);
        Node($"initiatives/{slug}", Labels.Initiative, $"{slug} follow-on", properties);
        Relate(RelationshipTypes.FollowedBy, Initiative, $"initiatives/{slug}");
        return this;
    }

    public InitiativeGraph Outcome(string slug, string domain, string? trend, string? at)
    {
        var properties = new JsonObject { ["domain"] = domain, ["description"] = $"{slug} outcome" };
        Set(properties, "trend", trend);
        Set(properties, "at", at);
        Node($"outcomes/{slug}", Labels.Outcome, slug, properties);
        Relate(RelationshipTypes.Achieved, Initiative, $"outcomes/{slug}", new JsonObject { ["attribution"] = "UNCLEAR" });
        Node($"evidence/{slug}", Labels.Evidence, "evidence", new JsonObject { ["kind"] = "AREA_STATISTICS", ["summary"] = "a trend" });
        Relate(RelationshipTypes.Supports, $"evidence/{slug}", $"outcomes/{slug}");
        return this;
    }

    public static string Slugify(string code) => code.ToLowerInvariant().Replace('_', '-');

    private void Node(string name, string label, string displayName, JsonObject properties) =>
        _nodes[name] = new GraphNode(name, label, displayName, properties);

    private void Relate(string type, string start, string end, JsonObject? properties = null) =>
        _relationships.Add(new GraphRelationship(type, start, end, properties ?? []));

    private static void Set(JsonObject properties, string key, string? value)
    {
        if (value is not null)
        {
            properties[key] = value;
        }
    }
}
