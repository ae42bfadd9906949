using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalVision.Graph.Model;

namespace LocalVision.Graph.Schema;

/// <summary>
/// The model of docs/domain.md as checks: labels and their properties, relationship types and which labels
/// each may connect. Every store runs these checks before it writes anything, so a batch is refused whole.
/// </summary>
public static partial class GraphSchema
{
    public const int MaxNameLength = 200;
    public const int MaxDisplayNameLength = 500;
    public const int MaxPropertyDepth = 16;
    public const int MaxPropertiesLength = 64 * 1024;

    private static readonly string[] PartnerKinds =
        ["LOCAL_AUTHORITY", "CCG", "PUBLIC_HEALTH", "HWBB", "NHS_PROVIDER", "VOLUNTARY", "COMMUNITY", "POLICE", "ACADEMIC", "BUSINESS", "NATIONAL_BODY", "OTHER"];

    private static readonly string[] LaTypes = ["COUNTY", "UNITARY", "METROPOLITAN_BOROUGH", "LONDON_BOROUGH"];

    private static readonly string[] PersonRoles =
        ["SENIOR_LEADER", "ELECTED_MEMBER", "PROJECT_LEAD", "PROJECT_SUPPORT", "CLINICIAN", "FRONTLINE", "COMMUNITY_MEMBER"];

    private static readonly string[] EvidenceKinds =
        ["INTERVIEW", "SURVEY", "MOU", "SITE_VISIT", "PROJECT_REPORT", "VERBAL_UPDATE", "AREA_STATISTICS"];

    /// <summary>
    /// Properties every node and relationship may carry: <c>illustrative</c> marks data invented to make the sample usable
    /// (never evidence unless a caller asks for it); <c>recordedAt</c> is when the evaluators learned it.
    /// </summary>
    private static readonly PropertyRule[] Provenance = [PropertyRule.Boolean("illustrative"), PropertyRule.Date("recordedAt")];

    /// <summary>The properties each label knows; required ones must be present, every known one well-formed. Others are kept as given.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PropertyRule>> NodeProperties { get; } =
        new Dictionary<string, IReadOnlyList<PropertyRule>>(StringComparer.Ordinal)
        {
            [Labels.Locality] =
            [
                PropertyRule.Text("name", required: true),
                PropertyRule.OneOrManyOf("laType", true, LaTypes),
                PropertyRule.Text("region"),
                PropertyRule.OneOf("ccgConfig", false, "SINGLE", "MULTIPLE"),
                PropertyRule.Object("indicators"),
                PropertyRule.Array("councils"),
            ],
            [Labels.Partner] =
            [
                PropertyRule.Text("name", required: true),
                PropertyRule.OneOf("kind", true, PartnerKinds),
            ],
            [Labels.Person] =
            [
                PropertyRule.OneOf("role", true, PersonRoles),
                PropertyRule.Text("pseudonym"),
                PropertyRule.OneOf("seniority", false, "SENIOR", "MIDDLE", "FRONTLINE"),
            ],
            [Labels.Enabler] =
            [
                PropertyRule.Text("pseudonym", required: true),
                PropertyRule.Text("background"),
            ],
            [Labels.Initiative] =
            [
                PropertyRule.Text("name", required: true),
                PropertyRule.OneOf("kind", true, "LV_PROJECT", "PROGRAMME"),
                PropertyRule.Integer("cohort", false, 1, 99),
                PropertyRule.OneOf("level", false, "STRATEGIC", "COMMUNITY", "MIXED"),
                PropertyRule.Integer("caseStudyDepth", false, 1, 3),
                PropertyRule.Date("start"),
                PropertyRule.Date("end"),
                PropertyRule.Number("funding", min: 0, max: 1e12),
                PropertyRule.Boolean("applicant"),
            ],
            [Labels.Outcome] =
            [
                PropertyRule.OneOf("domain", true, CodeCatalogue.Ids(CodeKind.Outcome)),
                PropertyRule.Text("description", required: true),
                PropertyRule.Date("at"),
            ],
            [Labels.Observation] =
            [
                PropertyRule.OneOf("code", true, CodeCatalogue.Ids()),
                PropertyRule.Number("score", required: true, min: 0, max: 1),
                PropertyRule.Date("at", required: true),
                PropertyRule.OneOf("confidence", true, "H", "M", "L"),
                PropertyRule.Text("section", required: true),
                PropertyRule.Text("coder"),
            ],
            [Labels.Evidence] =
            [
                PropertyRule.OneOf("kind", true, EvidenceKinds),
                PropertyRule.Text("summary", required: true),
                PropertyRule.Date("date"),
                PropertyRule.Text("reportSection"),
                PropertyRule.Boolean("confidential"),
                PropertyRule.Text("respondentRole"),
            ],
        };

    /// <summary>Each relationship type: the labels it may start and end at, and its properties.</summary>
    public static IReadOnlyDictionary<string, RelationshipRule> Relationships { get; } =
        new RelationshipRule[]
        {
            new(RelationshipTypes.BasedIn, [Labels.Partner], [Labels.Locality], []),
            new(RelationshipTypes.InLocality, [Labels.Initiative], [Labels.Locality], []),
            new(RelationshipTypes.PartnerIn, [Labels.Partner], [Labels.Initiative],
                [PropertyRule.OneOf("role", true, "LEAD", "SPONSOR", "MEMBER"), PropertyRule.Date("from"), PropertyRule.Date("to")]),
            new(RelationshipTypes.WorksFor, [Labels.Person], [Labels.Partner], [PropertyRule.Date("from"), PropertyRule.Date("to")]),
            new(RelationshipTypes.Enables, [Labels.Enabler], [Labels.Initiative],
                [PropertyRule.Date("from"), PropertyRule.Date("to"),
                 PropertyRule.OneOf("mode", false, "SOLE", "PAIR", "LEAD", "JOINED", "REPLACED"),
                 PropertyRule.Number("days", min: 0, max: 10000)]),
            new(RelationshipTypes.KnownTo, [Labels.Enabler], [Labels.Person, Labels.Partner], [PropertyRule.Date("since")]),
            new(RelationshipTypes.AlignedWith, [Labels.Initiative], [Labels.Initiative],
                [PropertyRule.OneOf("effect", false, "COMPLEMENTS", "DISTRACTS", "MIXED")]),
            new(RelationshipTypes.FollowedBy, [Labels.Initiative], [Labels.Initiative], []),
            new(RelationshipTypes.CollaboratesWith, [Labels.Partner], [Labels.Partner],
                [PropertyRule.Date("from"), PropertyRule.Date("to"), PropertyRule.Number("strength", min: 0, max: 1)]),
            new(RelationshipTypes.Achieved, [Labels.Initiative], [Labels.Outcome],
                [PropertyRule.OneOf("attribution", false, "SOLE", "CONTRIBUTED", "UNCLEAR")]),
            new(RelationshipTypes.Observed, [Labels.Initiative], [Labels.Observation], []),
            new(RelationshipTypes.Supports, [Labels.Evidence], [Labels.Observation, Labels.Outcome], []),
            new(RelationshipTypes.About, [Labels.Evidence], [Labels.Initiative], []),
        }.ToDictionary(r => r.Type, StringComparer.Ordinal);

    public static bool IsKnownRelationshipType(string type) => Relationships.ContainsKey(type);

    /// <summary>The properties the schema names for a label's nodes (others may be stored too), provenance included.</summary>
    public static IEnumerable<string> DeclaredProperties(string label) =>
        (NodeProperties.TryGetValue(label, out var rules) ? rules : []).Concat(Provenance).Select(r => r.Name);

    [GeneratedRegex("^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Checks a resource name's form and returns the label its collection implies, or a message.</summary>
    public static string? CheckName(string name, out string? label)
    {
        label = null;
        if (string.IsNullOrEmpty(name))
        {
            return "is required";
        }
        if (name.Length > MaxNameLength)
        {
            return $"is longer than {MaxNameLength} characters";
        }
        if (!NamePattern().IsMatch(name))
        {
            return "must be a resource name `collection/slug` with a lower-case slug of letters, digits and single hyphens";
        }
        label = Labels.OfName(name);
        return label is null
            ? "has an unknown collection; expected one of " + string.Join(", ", Labels.All.Select(l => Labels.CollectionOf(l) + "/"))
            : null;
    }

    /// <summary>All that is wrong with a batch, each under its field path; empty when it may be written.</summary>
    public static IReadOnlyList<FieldViolation> Validate(GraphBatch batch, string nodesField = "nodes", string relationshipsField = "relationships")
    {
        var violations = new List<FieldViolation>();
        var seenNodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Nodes.Count; i++)
        {
            var prefix = $"{nodesField}[{i}]";
            ValidateNode(batch.Nodes[i], prefix, violations);
            if (!seenNodes.Add(batch.Nodes[i].Name))
            {
                violations.Add(new($"{prefix}.name", $"`{batch.Nodes[i].Name}` appears more than once in the request"));
            }
        }
        var seenRelationships = new HashSet<RelationshipKey>();
        for (var i = 0; i < batch.Relationships.Count; i++)
        {
            var prefix = $"{relationshipsField}[{i}]";
            ValidateRelationship(batch.Relationships[i], prefix, violations);
            if (!seenRelationships.Add(batch.Relationships[i].Key))
            {
                violations.Add(new(prefix, "the same type, start and end appear more than once in the request"));
            }
        }
        return violations;
    }

    public static void ValidateNode(GraphNode node, string prefix, List<FieldViolation> violations)
    {
        var nameProblem = CheckName(node.Name, out var impliedLabel);
        if (nameProblem is not null)
        {
            violations.Add(new($"{prefix}.name", nameProblem));
        }
        if (string.IsNullOrEmpty(node.Label))
        {
            violations.Add(new($"{prefix}.label", "is required; one of " + string.Join(", ", Labels.All)));
            return;
        }
        if (!Labels.IsKnown(node.Label))
        {
            violations.Add(new($"{prefix}.label", $"`{Truncate(node.Label)}` is not a label; one of " + string.Join(", ", Labels.All) + Suggestion.DidYouMean(node.Label, Labels.All)));
            return;
        }
        if (impliedLabel is not null && impliedLabel != node.Label)
        {
            violations.Add(new($"{prefix}.label", $"`{node.Label}` does not match the name's collection, which holds {impliedLabel} nodes"));
        }
        if (node.DisplayName.Length > MaxDisplayNameLength)
        {
            violations.Add(new($"{prefix}.display_name", $"is longer than {MaxDisplayNameLength} characters"));
        }
        ValidateProperties(node.Properties, [.. NodeProperties[node.Label], .. Provenance], $"{prefix}.properties", violations);
        if (node.Label == Labels.Observation && RecordedBeforeItHeld(node.Properties))
        {
            violations.Add(new($"{prefix}.properties.recordedAt", "must not be before `at`: an observation cannot be learned before the condition held"));
        }
    }

    private static bool RecordedBeforeItHeld(JsonObject properties) =>
        JsonValues.AsString(properties["at"]) is { } at && PropertyRule.TryParseDate(at, out var held)
        && JsonValues.AsString(properties["recordedAt"]) is { } recorded && PropertyRule.TryParseDate(recorded, out var learned)
        && learned < held;

    public static void ValidateRelationship(GraphRelationship relationship, string prefix, List<FieldViolation> violations)
    {
        var startProblem = CheckName(relationship.Start, out var startLabel);
        if (startProblem is not null)
        {
            violations.Add(new($"{prefix}.start", startProblem));
        }
        var endProblem = CheckName(relationship.End, out var endLabel);
        if (endProblem is not null)
        {
            violations.Add(new($"{prefix}.end", endProblem));
        }
        if (!Relationships.TryGetValue(relationship.Type ?? "", out var rule))
        {
            violations.Add(new($"{prefix}.type", $"`{Truncate(relationship.Type ?? "")}` is not a relationship type; one of " + string.Join(", ", Relationships.Keys)
                + Suggestion.DidYouMean(relationship.Type ?? "", Relationships.Keys)));
            return;
        }
        if (startLabel is not null && !rule.StartLabels.Contains(startLabel))
        {
            violations.Add(new($"{prefix}.start", $"{rule.Type} starts at {string.Join(" or ", rule.StartLabels)}, not {startLabel}"));
        }
        if (endLabel is not null && !rule.EndLabels.Contains(endLabel))
        {
            violations.Add(new($"{prefix}.end", $"{rule.Type} ends at {string.Join(" or ", rule.EndLabels)}, not {endLabel}"));
        }
        ValidateProperties(relationship.Properties, [.. rule.Properties, .. Provenance], $"{prefix}.properties", violations);
    }

    private static void ValidateProperties(JsonObject properties, IReadOnlyList<PropertyRule> rules, string prefix, List<FieldViolation> violations)
    {
        foreach (var rule in rules)
        {
            if (!properties.TryGetPropertyValue(rule.Name, out var value) || value is null)
            {
                if (rule.Required)
                {
                    violations.Add(new($"{prefix}.{rule.Name}", $"is required: {rule.Describe}"));
                }
                continue;
            }
            if (!rule.Accepts(value))
            {
                violations.Add(new($"{prefix}.{rule.Name}", $"must be {rule.Describe}{rule.Hint(value)}"));
            }
        }
        if (Depth(properties) > MaxPropertyDepth)
        {
            violations.Add(new(prefix, $"nests deeper than {MaxPropertyDepth} levels"));
        }
        else if (properties.ToJsonString().Length > MaxPropertiesLength)
        {
            violations.Add(new(prefix, $"are larger than {MaxPropertiesLength / 1024} KiB"));
        }
    }

    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject o => 1 + (o.Count == 0 ? 0 : o.Max(kv => Depth(kv.Value))),
        JsonArray a => 1 + (a.Count == 0 ? 0 : a.Max(Depth)),
        _ => 0,
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>Which labels a relationship type connects, and its properties.</summary>
public sealed record RelationshipRule(string Type, string[] StartLabels, string[] EndLabels, IReadOnlyList<PropertyRule> Properties);
