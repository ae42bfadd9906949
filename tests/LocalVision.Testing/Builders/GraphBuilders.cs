using System.Text.Json.Nodes;
using LocalVision.Graph.Model;

namespace LocalVision.Testing.Builders;

/// <summary>Small valid nodes and relationships for tests, named by their domain role.</summary>
public static class GraphBuilders
{
    public static GraphNode Locality(string slug, string laType = "UNITARY") =>
        new($"localities/{slug}", "Locality", slug, new JsonObject { ["name"] = slug, ["laType"] = laType });

    public static GraphNode Partner(string slug, string kind = "LOCAL_AUTHORITY") =>
        new($"partners/{slug}", "Partner", slug, new JsonObject { ["name"] = slug, ["kind"] = kind });

    public static GraphNode Person(string slug, string role = "SENIOR_LEADER") =>
        new($"people/{slug}", "Person", slug, new JsonObject { ["role"] = role, ["pseudonym"] = slug });

    public static GraphNode Enabler(string slug) =>
        new($"enablers/{slug}", "Enabler", slug, new JsonObject { ["pseudonym"] = slug });

    public static GraphNode Initiative(string slug, string kind = "LV_PROJECT", int cohort = 1) =>
        new($"initiatives/{slug}", "Initiative", slug, new JsonObject { ["name"] = slug, ["kind"] = kind, ["cohort"] = cohort });

    public static GraphNode Observation(string slug, string code, double score, string at = "2015-01-01") =>
        new($"observations/{slug}", "Observation", slug, new JsonObject
        {
            ["code"] = code, ["score"] = score, ["at"] = at, ["confidence"] = "H", ["section"] = "7.2.4",
        });

    public static GraphNode Evidence(string slug, string summary = "A test summary.") =>
        new($"evidence/{slug}", "Evidence", slug, new JsonObject { ["kind"] = "INTERVIEW", ["summary"] = summary });

    public static GraphRelationship Relationship(string type, GraphNode start, GraphNode end, JsonObject? properties = null) =>
        new(type, start.Name, end.Name, properties ?? []);

    public static GraphRelationship PartnerIn(GraphNode partner, GraphNode initiative, string role = "MEMBER") =>
        new("PARTNER_IN", partner.Name, initiative.Name, new JsonObject { ["role"] = role });
}
